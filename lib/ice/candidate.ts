/**
 * ICE candidates, RFC 8445 §5.1: the three an agent gathers — host (an address of its own),
 * server-reflexive (the address a NAT mapped it to, learned with STUN), relayed (an address on a TURN
 * server) — plus peer-reflexive, which connectivity checks discover (§7.2.5.3.1). Each has a priority
 * (§5.1.2.1), a foundation shared with candidates that would fail or succeed alike (§5.1.1.3), and a
 * base, the address it actually sends from (§5.1.1.2).
 * @module
 */
import type { TransportAddress } from '../stun/attributes';
import { formatAddress } from '../stun/binding';
import { crc32 } from '../stun/crc32';

export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay';

/**
 * §5.1.2.2: "The RECOMMENDED values for type preferences are 126 for host candidates, 110 for
 * peer-reflexive candidates, 100 for server-reflexive candidates, and 0 for relayed candidates." A
 * direct path is preferred over a NAT mapping, a mapping over a relay.
 */
const TYPE_PREFERENCE: Readonly<Record<CandidateType, number>> = { host: 126, prflx: 110, srflx: 100, relay: 0 };

export interface Candidate {
  readonly type: CandidateType;
  readonly address: TransportAddress;
  /** §5.1.1.2: the host address a srflx candidate was learned from; a host or relayed candidate is its own base. */
  readonly base: TransportAddress;
  /** 1 for RTP, 2 for RTCP (§5.1.1.1: "a positive integer between 1 and 256"). */
  readonly componentId: number;
  readonly priority: number;
  readonly foundation: string;
  /** The STUN or TURN server it was learned from (srflx, relay). */
  readonly server?: TransportAddress;
}

/**
 * §5.1.2.1: priority = (2^24)*(type preference) + (2^8)*(local preference) + (2^0)*(256 - component ID).
 * Local preference (0–65535) orders a host's interfaces; 65535 when it has one.
 */
export function candidatePriority(type: CandidateType, localPreference: number, componentId: number): number {
  if (!Number.isInteger(localPreference) || localPreference < 0 || localPreference > 0xffff) throw new RangeError('ice: local preference must be 0..65535');
  if (!Number.isInteger(componentId) || componentId < 1 || componentId > 256) throw new RangeError('ice: component ID must be 1..256');
  return 2 ** 24 * TYPE_PREFERENCE[type] + 2 ** 8 * localPreference + (256 - componentId);
}

/**
 * §5.1.1.3: candidates share a foundation when they "have the same type", "their bases have the same
 * IP address (the ports can be different)", "the IP addresses of the STUN or TURN servers used to
 * obtain them have the same IP address" and the same transport. The foundation is any string up to 32
 * characters; here the CRC-32 (hex) of exactly those fields, so equal inputs give equal foundations.
 */
export function foundationOf(type: CandidateType, base: TransportAddress, server?: TransportAddress): string {
  return crc32(new TextEncoder().encode(`${type} ${base.address} ${server?.address ?? '-'} udp`)).toString(16).padStart(8, '0');
}

export interface GatherOptions {
  readonly componentId?: number;
  readonly localPreference?: number;
}

function candidate(type: CandidateType, address: TransportAddress, base: TransportAddress, server: TransportAddress | undefined, o: GatherOptions): Candidate {
  const componentId = o.componentId ?? 1;
  return {
    type,
    address,
    base,
    componentId,
    priority: candidatePriority(type, o.localPreference ?? 65535, componentId),
    foundation: foundationOf(type, base, server),
    ...(server ? { server } : {}),
  };
}

/** §5.1.1.1: an address of the agent's own interface. */
export const hostCandidate = (address: TransportAddress, o: GatherOptions = {}): Candidate => candidate('host', address, address, undefined, o);

/** §5.1.1.2: the XOR-MAPPED-ADDRESS a STUN server reported for `base`. */
export const serverReflexiveCandidate = (mapped: TransportAddress, base: TransportAddress, server: TransportAddress, o: GatherOptions = {}): Candidate =>
  candidate('srflx', mapped, base, server, o);

/** §5.1.1.2: the XOR-RELAYED-ADDRESS of a TURN allocation ("the base of a relayed candidate is that candidate itself"). */
export const relayedCandidate = (relayed: TransportAddress, server: TransportAddress, o: GatherOptions = {}): Candidate =>
  candidate('relay', relayed, relayed, server, o);

/** §7.2.5.3.1: a mapped address a check revealed that is no known candidate; it gets the priority its check carried. */
export const peerReflexiveCandidate = (mapped: TransportAddress, base: TransportAddress, priority: number, componentId: number): Candidate => ({
  type: 'prflx',
  address: mapped,
  base,
  componentId,
  priority,
  foundation: foundationOf('prflx', base),
});

/**
 * §5.1.3: "the agent SHOULD eliminate a candidate if it has the same transport address and base as
 * another candidate" with a higher priority — a host without a NAT learns a srflx candidate equal to
 * its host candidate, and keeps only the host one.
 */
export function eliminateRedundant(candidates: readonly Candidate[]): Candidate[] {
  const key = (c: Candidate): string => `${c.componentId} ${formatAddress(c.address)} ${formatAddress(c.base)}`;
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const k = key(c);
    const have = best.get(k);
    if (!have || c.priority > have.priority) best.set(k, c);
  }
  return candidates.filter((c) => best.get(key(c)) === c);
}
