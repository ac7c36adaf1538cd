/**
 * The four NAT types of lib/sim/nat.ts (RFC 4787 mapping and filtering) and what they mean for a call:
 * for every pair of types, does a direct ICE check between the two server-reflexive candidates
 * succeed once both sides have sent (RFC 8445 §7.2: a check and its answer on the reverse path), and
 * does the TURN relay always work? RFC 4787 §4–§5 and RFC 8445 §1 predict: only when one side maps
 * address-and-port-dependently (symmetric) and the other filters by port as well (port-restricted or
 * symmetric) does the direct path fail, and the call needs the relay.
 */
import { describe, expect, it } from 'vitest';
import { NAT_TYPES, natBox, type NatState, type NatType } from '@/lib/sim/nat';
import type { Endpoint, HostContext, MiddleboxSpec, Packet, Scenario } from '@/lib/sim/types';

// The NAT box reads neither the scenario nor the context: it is driven directly here.
const SCENARIO = {} as Scenario;
const CTX = {} as HostContext;

type Kind = NatType | 'none';
const KINDS: Kind[] = ['none', 'full-cone', 'restricted', 'port-restricted', 'symmetric'];
const STUN: Endpoint = { ip: '192.0.2.1', port: 3478 };
/** The TURN server listens beside the STUN port and relays from its own address (RFC 8656). */
const TURN: Endpoint = { ip: '192.0.2.1', port: 3479 };
const RELAYED: Endpoint = { ip: '192.0.2.1', port: 49160 };

interface Side {
  readonly name: string;
  /** The host's own address (its base). */
  readonly base: Endpoint;
  readonly nat: NatState | null;
}

function side(name: string, kind: Kind, privateIp: string, publicIp: string): Side {
  if (kind === 'none') return { name, base: { ip: publicIp, port: 5000 }, nat: null };
  const spec: MiddleboxSpec = { id: `nat-${name}`, machine: 'nat', link: `${name}~net`, config: { inside: name, publicIp, type: kind } };
  return { name, base: { ip: privateIp, port: 5000 }, nat: natBox.init(spec, SCENARIO, CTX) };
}

const packet = (src: Endpoint, dst: Endpoint, from: string, to: string): Packet => ({
  proto: 'udp',
  src,
  dst,
  from,
  to,
  data: new Uint8Array(0),
  layers: [],
  note: { key: 'transport.drop', params: {} },
});

/** Through a NAT box: the packet as rewritten, or null when the box drops it. */
function pass(nat: NatState, p: Packet): Packet | null {
  const fwd = natBox.handle(nat, { type: 'packet', packet: p }, CTX).find((o) => o.type === 'forward');
  return fwd && fwd.type === 'forward' ? fwd.packet : null;
}

/** The source address a datagram from `s` (sent from its base) carries once it is out of `s`'s NAT. */
const leave = (s: Side, dst: Endpoint): Endpoint => (s.nat ? pass(s.nat, packet(s.base, dst, s.name, 'net'))!.src : s.base);

/** Delivers a datagram from `from` (seen as `src` on the net) to `to`'s public `dst`: did it get in? */
function enter(to: Side, src: Endpoint, dst: Endpoint): boolean {
  if (!to.nat) return dst.ip === to.base.ip && dst.port === to.base.port;
  return pass(to.nat, packet(src, dst, 'net', to.name)) !== null;
}

/** One ICE check from `a` to `b`'s candidate `cand`, and `b`'s answer back to the source it saw. */
function check(a: Side, b: Side, cand: Endpoint): boolean {
  const seen = leave(a, cand);
  if (!enter(b, seen, cand)) return false;
  const answerSrc = leave(b, seen);
  return enter(a, answerSrc, seen);
}

/** Gathering (a Binding request to STUN from each base), then two rounds of checks both ways. */
function direct(ka: Kind, kb: Kind): boolean {
  const a = side('alice', ka, '10.0.0.1', '198.51.100.1');
  const b = side('bob', kb, '10.1.0.2', '203.0.113.1');
  const srflxA = leave(a, STUN);
  const srflxB = leave(b, STUN);
  let ok = false;
  for (let round = 0; round < 2; round++) {
    ok = check(a, b, srflxB) || ok;
    ok = check(b, a, srflxA) || ok;
  }
  return ok;
}

/**
 * Through the relay: alice allocates (her NAT now has a mapping toward the TURN server), bob sends to
 * the relayed address (no NAT in front of it; alice's permission is per IP, so any port of bob's NAT
 * passes), the server hands it to alice from the address she allocated with, and her answer goes out
 * from the relayed address to the source bob's datagram came from.
 */
function relayed(ka: Kind, kb: Kind): boolean {
  const a = side('alice', ka, '10.0.0.1', '198.51.100.1');
  const b = side('bob', kb, '10.1.0.2', '203.0.113.1');
  const aliceAtServer = leave(a, TURN);
  const bobAtRelay = leave(b, RELAYED);
  return enter(a, TURN, aliceAtServer) && enter(b, RELAYED, bobAtRelay);
}

/** RFC 4787/8445's prediction: symmetric against port-restricted or symmetric cannot go direct. */
const predicted = (a: Kind, b: Kind): boolean => {
  const hard = (x: Kind, y: Kind) => x === 'symmetric' && (y === 'port-restricted' || y === 'symmetric');
  return !hard(a, b) && !hard(b, a);
};

describe('NAT types (RFC 4787): mapping and filtering', () => {
  it('the classic names stand for these behaviours', () => {
    expect(NAT_TYPES['full-cone']).toEqual({ mapping: 'endpoint-independent', filtering: 'endpoint-independent' });
    expect(NAT_TYPES.restricted).toEqual({ mapping: 'endpoint-independent', filtering: 'address-dependent' });
    expect(NAT_TYPES['port-restricted']).toEqual({ mapping: 'endpoint-independent', filtering: 'address-and-port-dependent' });
    expect(NAT_TYPES.symmetric).toEqual({ mapping: 'address-and-port-dependent', filtering: 'address-and-port-dependent' });
  });

  it('a symmetric NAT shows each destination another port: what STUN saw is not what the peer sees', () => {
    const s = side('alice', 'symmetric', '10.0.0.1', '198.51.100.1');
    const toStun = leave(s, STUN);
    expect(leave(s, { ip: '203.0.113.1', port: 62000 })).not.toEqual(toStun);
    expect(leave(s, STUN)).toEqual(toStun);
    const cone = side('alice', 'port-restricted', '10.0.0.1', '198.51.100.1');
    expect(leave(cone, { ip: '203.0.113.1', port: 62000 })).toEqual(leave(cone, STUN));
  });

  it('filtering: full cone lets anyone in, restricted only IPs it sent to, port-restricted only the exact address', () => {
    const stranger = { ip: '203.0.113.50', port: 7000 };
    const stunOtherPort = { ip: STUN.ip, port: 9999 };
    const verdicts = (['full-cone', 'restricted', 'port-restricted'] as const).map((k) => {
      const s = side('alice', k, '10.0.0.1', '198.51.100.1');
      const mapped = leave(s, STUN);
      return [enter(s, STUN, mapped), enter(s, stunOtherPort, mapped), enter(s, stranger, mapped)];
    });
    expect(verdicts).toEqual([
      [true, true, true],
      [true, true, false],
      [true, false, false],
    ]);
  });

  it('a filtered packet is dropped with a note naming the RFC 4787 filtering', () => {
    const s = side('alice', 'port-restricted', '10.0.0.1', '198.51.100.1');
    const mapped = leave(s, STUN);
    const out = natBox.handle(s.nat!, { type: 'packet', packet: packet({ ip: '203.0.113.50', port: 7000 }, mapped, 'net', 'alice') }, CTX);
    expect(out).toEqual([
      { type: 'drop', note: { key: 'transport.nat-filtered-port', params: { middlebox: 'nat-alice', proto: 'UDP', from: '203.0.113.50:7000', to: `${mapped.ip}:${mapped.port}`, peer: '203.0.113.50:7000' } } },
    ]);
  });

  it('an unknown type is refused when the box is set up', () => {
    expect(() => natBox.init({ id: 'n', machine: 'nat', link: 'a~b', config: { inside: 'a', publicIp: '198.51.100.1', type: 'cone' } }, SCENARIO, CTX)).toThrow(/not one of full-cone/);
  });
});

describe('every pair of NAT types: direct path or relay (RFC 4787, RFC 8445)', () => {
  for (const a of KINDS)
    for (const b of KINDS)
      it(`${a} ↔ ${b}: direct ${predicted(a, b) ? 'works' : 'fails, the relay is needed'}`, () => {
        expect(direct(a, b)).toBe(predicted(a, b));
        expect(relayed(a, b)).toBe(true);
      });

  it('the failing pairs are exactly symmetric↔symmetric and symmetric↔port-restricted', () => {
    const failing = KINDS.flatMap((a) => KINDS.filter((b) => a <= b && !direct(a, b)).map((b) => `${a}↔${b}`));
    expect(failing).toEqual(['port-restricted↔symmetric', 'symmetric↔symmetric']);
  });
});
