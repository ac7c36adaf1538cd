/**
 * A NAT box (RFC 4787 for UDP, RFC 5382 for TCP) as a middlebox on the link between an inside node and
 * the rest: a packet from the inside leaves with the box's public address and a port of the box's
 * choosing — the mapping — and a packet to that public address and port comes back in with the inside
 * node's own address. The mapping is endpoint-independent (RFC 4787 §4.1, REQ-1: one mapping per inside
 * address and port, whatever the destination) and so is the filtering (§5): anyone who learns the
 * mapping can send through it, which is what STUN relies on. A packet for which there is no mapping
 * is dropped. Mappings never expire here (a run is short).
 *
 * Config (`MiddleboxSpec.config`): `inside` — the node behind the NAT; `publicIp`; `firstPort` — the
 * first external port it hands out (default 62000, counting up).
 * @module
 */
import type { NoteKey } from '../narration/notes';
import { endpointText } from './transport';
import type { Endpoint, Layer, MiddleboxMachine, MiddleboxOutput, MiddleboxSpec, Note, Packet } from './types';

export interface NatState {
  id: string;
  inside: string;
  publicIp: string;
  nextPort: number;
  /** `udp 192.0.2.10:5000` (inside address) → external port. */
  out: Record<string, number>;
  /** `udp 62000` (external port) → inside address. */
  in: Record<string, Endpoint>;
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
    return { id: spec.id, inside, publicIp, nextPort: typeof first === 'number' ? first : 62000, out: {}, in: {} };
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

function outbound(s: NatState, p: Packet): MiddleboxOutput[] {
  const key = `${p.proto} ${endpointText(p.src)}`;
  let port = s.out[key];
  const out: MiddleboxOutput[] = [];
  if (port === undefined) {
    port = s.nextPort++;
    s.out[key] = port;
    s.in[`${p.proto} ${port}`] = p.src;
    out.push({ type: 'note', note: note('transport.nat-mapping', { middlebox: s.id, proto: p.proto.toUpperCase(), inside: endpointText(p.src), outside: `${s.publicIp}:${port}` }) });
  }
  const external = { ip: s.publicIp, port };
  out.push({ type: 'forward', packet: readdressed(p, external, p.dst), note: note('transport.nat-out', { middlebox: s.id, from: endpointText(p.src), to: endpointText(external) }) });
  return out;
}

function inbound(s: NatState, p: Packet): MiddleboxOutput[] {
  const inside = p.dst.ip === s.publicIp ? s.in[`${p.proto} ${p.dst.port}`] : undefined;
  if (!inside) return [{ type: 'drop', note: note('transport.nat-no-mapping', { middlebox: s.id, proto: p.proto.toUpperCase(), to: endpointText(p.dst) }) }];
  return [{ type: 'forward', packet: readdressed(p, p.src, inside), note: note('transport.nat-in', { middlebox: s.id, from: endpointText(p.dst), to: endpointText(inside) }) }];
}
