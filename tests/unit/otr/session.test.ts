import { describe, expect, it } from 'vitest';
import { endOtr, sendMessage, startOtr } from '../../../lib/otr/session';
import { makeSide, relay } from './pair';

describe('otr/session: two engines', () => {
  for (const [label, policyA, policyB, version] of [
    ['v3', {}, {}, 3],
    ['v2 (bob allows only v2)', {}, { allowV3: false }, 2],
  ] as const) {
    it(`AKE + alternating data messages, ${label}`, () => {
      const alice = makeSide('alice', 'bob', 'a-' + label, policyA);
      const bob = makeSide('bob', 'alice', 'b-' + label, policyB);
      relay(alice, bob, startOtr(alice.st));
      expect(alice.st.msgstate).toBe('encrypted');
      expect(bob.st.msgstate).toBe('encrypted');
      expect(alice.st.protocolVersion).toBe(version);
      const ga = alice.events.find((e) => e.type === 'gone-secure');
      const gb = bob.events.find((e) => e.type === 'gone-secure');
      expect(ga && gb && ga.type === 'gone-secure' && gb.type === 'gone-secure' && ga.ssid === gb.ssid).toBe(true);
      const keyids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const [s, r] = i % 3 === 1 ? [bob, alice] : [alice, bob];
        const out = sendMessage(s.st, `msg ${i}`, s.ctx);
        const sent = out.events.find((e) => e.type === 'data-sent');
        if (sent?.type === 'data-sent') keyids.push(`${sent.senderKeyid}/${sent.recipientKeyid}`);
        relay(s, r, out);
        const got = r.events.filter((e) => e.type === 'message').at(-1);
        expect(got).toMatchObject({ text: `msg ${i}`, encrypted: true });
      }
      expect(keyids).toEqual(['1/1', '1/2', '2/2', '2/2', '2/3', '3/3']);
      relay(alice, bob, endOtr(alice.st, alice.ctx));
      expect(alice.st.msgstate).toBe('plaintext');
      expect(bob.st.msgstate).toBe('finished');
    });
  }
});

describe('otr/session: determinism and heartbeats', () => {
  it('the same seeds give byte-identical transcripts (the simulator relies on it)', () => {
    const run = () => {
      const a = makeSide('alice', 'bob', 'det-a');
      const b = makeSide('bob', 'alice', 'det-b');
      relay(a, b, startOtr(a.st));
      relay(b, a, sendMessage(b.st, 'same bytes', b.ctx));
      return [...a.wires, ...b.wires];
    };
    expect(run()).toEqual(run());
  });

  it('sends an IGNORE_UNREADABLE heartbeat when nothing was sent for heartbeatMs (virtual clock)', () => {
    const a = makeSide('alice', 'bob', 'hb-a');
    const b = makeSide('bob', 'alice', 'hb-b');
    a.ctx.now = 0;
    b.ctx.now = 0;
    relay(a, b, startOtr(a.st));
    relay(a, b, sendMessage(a.st, 'soon', a.ctx));
    expect(b.events.some((e) => e.type === 'heartbeat-sent')).toBe(false);
    a.ctx.now = b.ctx.now = 61_000;
    relay(a, b, sendMessage(a.st, 'a minute later', a.ctx));
    expect(b.events.some((e) => e.type === 'heartbeat-sent')).toBe(true);
    const hb = a.events.filter((e) => e.type === 'message').at(-1);
    expect(hb).toMatchObject({ text: '', encrypted: true, tlvs: [] });
  });
});
