/**
 * A NAT box (RFC 4787 for UDP, RFC 5382 for TCP) as a middlebox on the link between an inside node and
 * the rest: a packet from the inside leaves with the box's public address and a port of the box's
 * choosing — the mapping — and a packet to that public address and port comes back in with the inside
 * node's own address. Two behaviours make the four classic NAT types (RFC 4787 §4.1 mapping, §5
 * filtering; RFC 3489 §5 named them as cones):
 *  - mapping: endpoint-independent (one external port per inside address and port, whatever the
 *    destination, REQ-1), address-dependent (one per destination IP), or address-and-port-dependent
 *    (one per destination IP and port — then what a STUN server saw is not what a peer will see);
 *  - filtering: which outside senders may use a mapping — anyone (endpoint-independent), those at an
 *    IP the mapping has sent to (address-dependent), or exactly the IP and port it sent to.
 * A packet for which there is no mapping, or that the filter refuses, is dropped. Mappings never
 * expire here (a run is short).
 *
 * Config (`MiddleboxSpec.config`): `inside` — the node behind the NAT; `publicIp`; `firstPort` — the
 * first external port it hands out (default 62000, counting up); `type` — one of NAT_TYPES, default
 * 'full-cone' (endpoint-independent mapping and filtering).
 * @module
 */
import type { NoteKey } from '../narration/notes';
import { endpointText } from './transport';
import type { Endpoint, Layer, MiddleboxMachine, MiddleboxOutput, MiddleboxSpec, Note, Packet } from './types';

/** RFC 4787's three behaviours, for mapping (§4.1) and for filtering (§5). */
export type NatBehaviour = 'endpoint-independent' | 'address-dependent' | 'address-and-port-dependent';

/** The classic names (RFC 3489 §5) and the RFC 4787 behaviours each stands for. */
export const NAT_TYPES = {
  'full-cone': { mapping: 'endpoint-independent', filtering: 'endpoint-independent' },
  restricted: { mapping: 'endpoint-independent', filtering: 'address-dependent' },
  'port-restricted': { mapping: 'endpoint-independent', filtering: 'address-and-port-dependent' },
  symmetric: { mapping: 'address-and-port-dependent', filtering: 'address-and-port-dependent' },
} as const satisfies Record<string, { mapping: NatBehaviour; filtering: NatBehaviour }>;

export type NatType = keyof typeof NAT_TYPES;

export interface NatState {
  id: string;
  inside: string;
  publicIp: string;
  nextPort: number;
  mapping: NatBehaviour;
  filtering: NatBehaviour;
  /** `udp 192.0.2.10:5000` (inside address; with a dependent mapping ` → ` and the destination) → external port. */
  out: Record<string, number>;
  /** `udp 62000` (external port) → inside address. */
  in: Record<string, Endpoint>;
  /** `udp 62000` (external port) → the destinations sent to through it: what the filter lets back in. */
  sent: Record<string, string[]>;
}

function config(spec: MiddleboxSpec, name: string): string | number | boolean | undefined {
  return spec.config?.[name];
}

function note(key: NoteKey, params: Record<string, string | number>): Note {
  return { key, params };
}

export const natBox: MiddleboxMachine<NatState> = {
  role: 'middlebox',
  init(spec) {
    const inside = config(spec, 'inside');
    const publicIp = config(spec, 'publicIp');
    if (typeof inside !== 'string' || typeof publicIp !== 'string') throw new Error(`sim/nat: '${spec.id}' needs config.inside and config.publicIp`);
    const first = config(spec, 'firstPort');
    const type = config(spec, 'type') ?? 'full-cone';
    if (typeof type !== 'string' || !Object.hasOwn(NAT_TYPES, type)) throw new Error(`sim/nat: '${spec.id}' has type ${String(type)}, not one of ${Object.keys(NAT_TYPES).join(', ')}`);
    const { mapping, filtering } = NAT_TYPES[type as NatType];
    return { id: spec.id, inside, publicIp, nextPort: typeof first === 'number' ? first : 62000, mapping, filtering, out: {}, in: {}, sent: {} };
  },
  handle(s, input): MiddleboxOutput[] {
    if (input.type !== 'packet') return [];
    const p = input.packet;
    return p.from === s.inside ? outbound(s, p) : inbound(s, p);
  },
};

/** The packet with new addresses, its TCP/UDP layer relabelled to match (the header is what the NAT rewrites). */
function readdressed(p: Packet, src: Endpoint, dst: Endpoint): Packet {
  const proto = p.proto.toUpperCase();
  const layers = p.layers.map((l): Layer => (l.layer === 'tcp' && l.label.startsWith(`${proto} `) ? { ...l, label: `${proto} ${endpointText(src)} → ${endpointText(dst)}` } : l));
  return { ...p, src, dst, layers };
}

/** The part of the destination a mapping depends on (RFC 4787 §4.1): nothing, its IP, or its IP and port. */
const dependentPart = (b: NatBehaviour, dst: Endpoint): string => (b === 'endpoint-independent' ? '' : b === 'address-dependent' ? dst.ip : endpointText(dst));

const MAPPING_NOTE = {
  'endpoint-independent': 'transport.nat-mapping',
  'address-dependent': 'transport.nat-mapping-address',
  'address-and-port-dependent': 'transport.nat-mapping-port',
} as const satisfies Record<NatBehaviour, NoteKey>;

function outbound(s: NatState, p: Packet): MiddleboxOutput[] {
  const peer = dependentPart(s.mapping, p.dst);
  const key = `${p.proto} ${endpointText(p.src)}${peer ? ` → ${peer}` : ''}`;
  let port = s.out[key];
  const out: MiddleboxOutput[] = [];
  if (port === undefined) {
    port = s.nextPort++;
    s.out[key] = port;
    s.in[`${p.proto} ${port}`] = p.src;
    out.push({ type: 'note', note: note(MAPPING_NOTE[s.mapping], { middlebox: s.id, proto: p.proto.toUpperCase(), inside: endpointText(p.src), outside: `${s.publicIp}:${port}`, ...(peer ? { peer } : {}) }) });
  }
  const sent = (s.sent[`${p.proto} ${port}`] ??= []);
  if (!sent.includes(endpointText(p.dst))) sent.push(endpointText(p.dst));
  const external = { ip: s.publicIp, port };
  out.push({ type: 'forward', packet: readdressed(p, external, p.dst), note: note('transport.nat-out', { middlebox: s.id, from: endpointText(p.src), to: endpointText(external) }) });
  return out;
}

/** RFC 4787 §5: may this outside sender use the mapping? */
function admits(s: NatState, p: Packet): boolean {
  if (s.filtering === 'endpoint-independent') return true;
  const sent = s.sent[`${p.proto} ${p.dst.port}`] ?? [];
  const from = dependentPart(s.filtering, p.src);
  return sent.some((d) => (s.filtering === 'address-dependent' ? d.slice(0, d.lastIndexOf(':')) === from : d === from));
}

function inbound(s: NatState, p: Packet): MiddleboxOutput[] {
  const inside = p.dst.ip === s.publicIp ? s.in[`${p.proto} ${p.dst.port}`] : undefined;
  if (!inside) return [{ type: 'drop', note: note('transport.nat-no-mapping', { middlebox: s.id, proto: p.proto.toUpperCase(), to: endpointText(p.dst) }) }];
  if (!admits(s, p)) {
    const key = s.filtering === 'address-dependent' ? 'transport.nat-filtered-address' : 'transport.nat-filtered-port';
    return [{ type: 'drop', note: note(key, { middlebox: s.id, proto: p.proto.toUpperCase(), from: endpointText(p.src), to: endpointText(p.dst), peer: dependentPart(s.filtering, p.src) }) }];
  }
  return [{ type: 'forward', packet: readdressed(p, p.src, inside), note: note('transport.nat-in', { middlebox: s.id, from: endpointText(p.dst), to: endpointText(inside) }) }];
}
