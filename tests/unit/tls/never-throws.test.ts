/**
 * Whatever a peer sends, our ends never throw (RFC 8446 §6.2: a peer's error ends the connection
 * with an alert, it does not crash the endpoint). fast-check feeds random bytes — raw, and inside
 * well-framed records — to a fresh server, to a client waiting for the ServerHello, and to both
 * ends once connected; every alert we raise leaves the end in 'failed'.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { receiveClient } from '../../../lib/tls/client';
import { receiveServer } from '../../../lib/tls/server';
import { encodeRecord } from '../../../lib/tls/record';
import { identity, makePair, run } from './pair';
import type { TlsEvent } from '../../../lib/tls/state';

const id = identity('ed25519', 'fuzz');
const fresh = makePair(id);
const connected = run(fresh.pair, fresh.firstFlight);

const consistent = (events: TlsEvent[], phase: string) =>
  !events.some((e) => e.type === 'alert' && e.sent && e.alert.name !== 'close_notify') || phase === 'failed';

const input = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.tuple(fc.constantFrom(20, 21, 22, 23), fc.uint8Array({ maxLength: 300 })).map(([t, b]) => encodeRecord(t, b)),
  // a handshake record whose body starts like a real message type
  fc.tuple(fc.constantFrom(1, 2, 4, 8, 11, 13, 15, 20, 24), fc.uint8Array({ maxLength: 200 })).map(([t, b]) =>
    encodeRecord(22, Uint8Array.from([t, 0, (b.length >> 8) & 0xff, b.length & 0xff, ...b])),
  ),
);

describe('tls: random bytes never make an end throw', () => {
  it('a fresh server', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 4 }), (chunks) => {
        let st = fresh.pair.server;
        for (const c of chunks) {
          const s = receiveServer(st, c);
          expect(consistent(s.events, s.state.phase)).toBe(true);
          st = s.state;
        }
      }),
      { numRuns: 300 },
    );
  });
  it('a client waiting for the ServerHello', () => {
    fc.assert(
      fc.property(fc.array(input, { maxLength: 4 }), (chunks) => {
        let st = fresh.pair.client;
        for (const c of chunks) {
          const s = receiveClient(st, c);
          expect(consistent(s.events, s.state.phase)).toBe(true);
          st = s.state;
        }
      }),
      { numRuns: 300 },
    );
  });
  it('both ends once connected', () => {
    fc.assert(
      fc.property(input, (c) => {
        const a = receiveClient(connected.client, c);
        const b = receiveServer(connected.server, c);
        expect(consistent(a.events, a.state.phase) && consistent(b.events, b.state.phase)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tls: real flights with one octet changed never make an end throw', () => {
  const flip = (bytes: Uint8Array, at: number, xor: number) => {
    const out = bytes.slice();
    out[at % out.length]! ^= xor || 1;
    return out;
  };
  it('a mutated ClientHello to a fresh server', () => {
    const ch = fresh.firstFlight[0]!;
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const s = receiveServer(fresh.pair.server, flip(ch, at, xor));
        expect(consistent(s.events, s.state.phase)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('a mutated server flight to the client', () => {
    const flight = receiveServer(fresh.pair.server, fresh.firstFlight[0]!).out;
    const all = Uint8Array.from(flight.flatMap((r) => [...r]));
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const c = receiveClient(fresh.pair.client, flip(all, at, xor));
        expect(consistent(c.events, c.state.phase)).toBe(true);
        // A changed octet never goes unnoticed — either the client failed or it still waits for
        // more — except in the ServerHello record's legacy_record_version, which §5.1 says "MUST be
        // ignored for all purposes" (a protected record's is covered by the AEAD's additional data).
        const ignored = at % all.length === 1 || at % all.length === 2;
        if (!ignored) expect(c.state.phase === 'connected').toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tls: a server with HelloRetryRequest and CertificateRequest configured never throws either', () => {
  const odd = makePair(identity('ecdsa_secp256r1_sha256', 'fuzz-odd'), {
    server: { helloRetryCookie: Uint8Array.of(1, 2, 3), requestClientCertificate: true },
    client: { compatibilityMode: true },
  });
  it('random input and mutated hellos, one or two at a time', () => {
    const ch = odd.firstFlight[0]!;
    fc.assert(
      fc.property(fc.array(fc.oneof(input, fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([at, x]) => {
        const b = ch.slice();
        b[at % b.length]! ^= x;
        return b;
      }), fc.constant(ch)), { maxLength: 3 }), (chunks) => {
        let st = odd.pair.server;
        for (const c of chunks) {
          const s = receiveServer(st, c);
          expect(consistent(s.events, s.state.phase)).toBe(true);
          st = s.state;
        }
      }),
      { numRuns: 300 },
    );
  });
  it('and the whole handshake still completes', () => {
    const p = run(odd.pair, odd.firstFlight);
    expect([p.client.phase, p.server.phase]).toEqual(['connected', 'connected']);
  });
});
