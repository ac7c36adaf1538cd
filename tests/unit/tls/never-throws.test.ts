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
