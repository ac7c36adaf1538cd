/**
 * The plain-data state of one XMPP server host (one domain): accounts with their hashed credentials,
 * rosters and offline queues; one c2s session per connected client node; s2s connections one per
 * direction (our outgoing stream to a peer domain, and the streams peers opened to us); the static
 * facts it needs from the scenario (DNS zone, who is reachable).
 * Bounded by design: nothing here grows with the length of the run except the offline queues,
 * which are capped (XEP-0160 lets a server refuse storage).
 * @module
 */
import { toHex } from '../../bytes/hex';
import type { Account, DnsZone, HostContext, Scenario, ServerSpec, Settings } from '../../sim/types';
import type { XmlElement } from '../../xml/element';
import { tryParseJid, type Jid } from '../jid';
import { saslprepResult } from '../../crypto/saslprep';
import { createAccountCredentials, type AccountCredentials } from '../sasl/credentials';
import type { SaslMechanismName } from '../sasl/mechanisms';
import type { ScramServerState } from '../sasl/scram';
import type { SubState } from '../im/subscription';
import type { TlsChannel } from '../tls-channel/channel';
import { labAnchor, pkiSeed, serverIdentity, type ServerIdentity } from '../tls-channel/pki';
import { XMPP_CLIENT_PORT, type TcpEndpoints } from '../wire';
import type { StreamParserState } from '../../xml/stream-parser';
import type { ServerC2sPhase } from '../stream/server-table';
import { initOtrMitm, type OtrMitmState } from '../../attacks/otr-mitm-relay';
import { mitmOf } from '../../sim/observers';
import type { Room } from '../muc/room';
import type { PepNode } from '../pubsub/node';

export interface RosterItem {
  jid: string;
  name?: string;
  state: SubState;
  /** True when the user put the item on the roster (roster set); false when only a pending inbound request keeps it. */
  listed: boolean;
}

export interface StoredMessage {
  stanza: XmlElement;
  stamp: string;
}

export interface AccountState {
  credentials: AccountCredentials;
  /** By contact bare JID. */
  roster: Record<string, RosterItem>;
  /** XEP-0160 offline queue. */
  offline: StoredMessage[];
}

export interface Session {
  node: string;
  phase: ServerC2sPhase;
  parser: StreamParserState;
  tcp: TcpEndpoints;
  tls: TlsChannel | null;
  user: string | null;
  fullJid: string | null;
  resource: string | null;
  authFailures: number;
  scram: ScramServerState | null;
  /** RFC 6121 §4.2: sent initial presence and not yet unavailable. */
  available: boolean;
  priority: number;
  /** The last broadcast presence's children (show, status, priority), for answering probes. */
  presence: XmlElement[];
  streamId: string | null;
}

export type S2sPhase =
  | 'resolving' // DNS lookup running (timer)
  | 'connecting' // initiator: header sent, waiting for the response header
  | 'features' // initiator: waiting for <stream:features/>
  | 'awaiting-proceed'
  | 'tls-handshake'
  | 'dialback' // initiator: db:result sent, waiting for type='valid'
  | 'responding' // responder: stream open, waiting for the peer's next step
  | 'verifying' // responder: db:verify sent to the authoritative server
  | 'established'
  | 'failed'
  | 'closed';

export interface S2sConn {
  /** The TCP connection, named alike at both ends (HostInput `conn`): `<dialling node>><peer node>`, `#n` when redialled. */
  id: string;
  /** Peer server node (the link's other end); null while resolving or when there is no route. */
  peer: string | null;
  peerDomain: string;
  /** initiator: our outgoing stream, we are the Originating Server; responder: a peer's stream to us, we are the Receiving Server. */
  role: 'initiator' | 'responder';
  phase: S2sPhase;
  parser: StreamParserState | null;
  tcp: TcpEndpoints | null;
  tls: TlsChannel | null;
  /** The stream id the responder chose (dialback keys are bound to it). */
  streamId: string | null;
  /** Responder: the peer's domain is verified, its stanzas are accepted here. */
  peerVerified: boolean;
  /** Initiator: stanzas waiting for dialback to succeed. */
  queue: XmlElement[];
  /** Initiator: our <db:verify/> questions (XEP-0220 §2.1.3) waiting until this stream has sent its own <db:result/>. */
  verifies: XmlElement[];
}

export interface ServerSettings {
  /** Where TLS runs: lib/tls in the simulator (absent), or 'external' — node:tls on a real socket (lib/io). */
  tlsLayer?: 'modelled' | 'external';
  tls: Settings['tls'];
  /** The same for server-to-server streams (`settings.s2sTls`, else as `tls`). */
  s2sTls: Settings['tls'];
  mechanisms: SaslMechanismName[];
  allowPlainWithoutTls: boolean;
  maxAuthAttempts: number;
  offlineLimit: number;
  /** SCRAM iteration count of the stored records (and of mock challenges for unknown users). */
  iterations: number;
}

export interface ServerState {
  id: string;
  domain: string;
  ip: string;
  /** Switched off in the scenario: drops every input. */
  down: boolean;
  settings: ServerSettings;
  accounts: Record<string, AccountState>;
  /** c2s sessions by client node. */
  sessions: Record<string, Session>;
  /** Our outgoing s2s connections, by peer domain (at most one live each). */
  s2s: Record<string, S2sConn>;
  /** s2s connections peers opened to us, by connection id. */
  s2sIn: Record<string, S2sConn>;
  /** How often we dialled each peer node (connection ids stay unique when a connection is opened again). */
  s2sDialled: Record<string, number>;
  /** XEP-0185 dialback secret, hex; also seeds SCRAM mock challenges for unknown users. */
  secret: string;
  dns: DnsZone;
  /** Which node has which IP (what routing tables would know), and which nodes this one has a link to. */
  nodeByIp: Record<string, string>;
  /** Link id by neighbour node id. */
  links: Record<string, string>;
  /** The port clients connect to (5222, or the real listener's); bytes to any other port are s2s. */
  c2sPort: number;
  nextId: number;
  /** The operator's OTR man in the middle (otr-mitm.ts) when the scenario declares one (an observer of kind 'mitm'); null on an honest server. */
  otrMitm: OtrMitmState | null;
  /**
   * TLS (lib/xmpp/tls-channel/pki.ts): the certificate this server presents and its key, and the CA it
   * trusts when it dials a peer (s2s); null without TLS.
   */
  tlsIdentity: ServerIdentity | null;
  trustAnchor: Uint8Array | null;
  /** XEP-0045 rooms of this server's MUC service (lib/xmpp/muc), by the room's local part. */
  muc: Record<string, Room>;
  /** XEP-0163 PEP nodes (lib/xmpp/pubsub), by account local part, then node name. */
  pep: Record<string, Record<string, PepNode>>;
}

const DEFAULT_ITERATIONS = 4096;

/** The DNS zone of a scenario: the explicit records plus each server domain's implicit A record. */
function zoneOf(scenario: Scenario): DnsZone {
  const a = [...(scenario.topology.dns?.a ?? [])];
  for (const s of scenario.topology.servers) if (!a.some((r) => r.name === s.domain)) a.push({ name: s.domain, ip: s.ip });
  return { srv: [...(scenario.topology.dns?.srv ?? [])], a };
}

/** What createAccountCredentials requires of its input (lib/xmpp/sasl/credentials.ts): a user name and a password, neither empty after SASLprep. */
function canExist(a: Account): boolean {
  return [a.user, a.password].every((v) => {
    const r = saslprepResult(v);
    return r.type !== 'error' && r.value !== '';
  });
}

export function initServer(spec: ServerSpec, scenario: Scenario, ctx: HostContext): ServerState {
  const st = scenario.settings;
  const iterations = st.scramIterations ?? DEFAULT_ITERATIONS;
  const accounts: Record<string, AccountState> = {};
  for (const a of spec.accounts) {
    // Every listed account draws its salts, registered or not, so one left out changes no other's.
    const salts = { sha1: ctx.randomBytes(16), sha256: ctx.randomBytes(16) };
    // An account that cannot exist (empty, or refused by SASLprep) is not registered; anything
    // createAccountCredentials throws beyond that is a real error and goes up, labelled.
    if (!canExist(a)) continue;
    // The server keeps salt, i, StoredKey and ServerKey per hash; the password is forgotten here (RFC 5802 §3).
    const credentials = createAccountCredentials({ username: a.user, password: a.password, iterations, salts });
    accounts[credentials.username] = { credentials, roster: {}, offline: [] };
  }
  const nodeByIp: Record<string, string> = {};
  for (const s of scenario.topology.servers) nodeByIp[s.ip] = s.id;
  for (const c of scenario.topology.clients) nodeByIp[c.ip] = c.id;
  const links: Record<string, string> = {};
  for (const l of scenario.topology.links) {
    if (l.a === spec.id) links[l.b] = l.id;
    if (l.b === spec.id) links[l.a] = l.id;
  }
  const mitm = mitmOf(scenario.topology, spec.id);
  return {
    id: spec.id,
    domain: spec.domain,
    ip: spec.ip,
    down: spec.down === true,
    settings: {
      tls: st.tls,
      s2sTls: st.s2sTls ?? st.tls,
      mechanisms: st.serverMechanisms ?? ['SCRAM-SHA-256', 'SCRAM-SHA-1', 'PLAIN'],
      allowPlainWithoutTls: st.allowPlainWithoutTls ?? false,
      maxAuthAttempts: st.maxAuthAttempts ?? 3,
      offlineLimit: st.offlineLimit ?? 50,
      iterations,
    },
    accounts,
    sessions: {},
    s2s: {},
    s2sIn: {},
    s2sDialled: {},
    secret: toHex(ctx.randomBytes(32)),
    dns: zoneOf(scenario),
    nodeByIp,
    links,
    c2sPort: XMPP_CLIENT_PORT,
    nextId: 1,
    otrMitm: mitm ? initOtrMitm(mitm.between, ctx.randomBytes) : null,
    muc: {},
    pep: {},
    ...tlsOf(spec, st.tls === 'none' ? (st.s2sTls ?? 'none') : st.tls, ctx),
  };
}

/** The certificate and trust anchor: only with TLS on, so that a run without TLS draws nothing for them. */
function tlsOf(spec: ServerSpec, tls: Settings['tls'], ctx: HostContext): Pick<ServerState, 'tlsIdentity' | 'trustAnchor'> {
  if (tls === 'none') return { tlsIdentity: null, trustAnchor: null };
  const seed = pkiSeed(ctx);
  const problem = spec.certificate === undefined || spec.certificate === 'valid' ? undefined : spec.certificate;
  return { tlsIdentity: serverIdentity(seed, spec.domain, problem), trustAnchor: labAnchor(seed) };
}

/** A parsed address, or null when it is not a valid JID (RFC 7622). */
export interface Address {
  local: string | null;
  domain: string;
  resource: string | null;
  bare: string;
  full: string;
}

/** Addresses by their text (a server reads the same few on every stanza); bounded like lib/xmpp/jid.ts's table. */
const addresses = new Map<string, Readonly<Address>>();

export function address(s: string | undefined): Address | null {
  if (s === undefined) return null;
  let a = addresses.get(s);
  if (!a) {
    const r = tryParseJid(s);
    if (!r.ok) return null;
    if (addresses.size >= 4096) addresses.clear();
    addresses.set(s, (a = fromJid(r.jid)));
  }
  return { local: a.local, domain: a.domain, resource: a.resource, bare: a.bare, full: a.full }; // a copy: callers own what they get
}

function fromJid(j: Jid): Address {
  const bare = j.local !== undefined ? `${j.local}@${j.domain}` : j.domain;
  return { local: j.local ?? null, domain: j.domain, resource: j.resource ?? null, bare, full: j.resource !== undefined ? `${bare}/${j.resource}` : bare };
}

export function nextId(s: ServerState, what: string): string {
  return `${what}-${s.nextId++}`;
}

/** Established sessions of one account. */
export function sessionsOf(s: ServerState, user: string): Session[] {
  return Object.values(s.sessions).filter((x) => x.phase === 'established' && x.user === user);
}

export function availableSessions(s: ServerState, user: string): Session[] {
  return sessionsOf(s, user).filter((x) => x.available);
}
