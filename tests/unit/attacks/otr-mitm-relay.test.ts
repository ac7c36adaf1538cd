import { describe, expect, it } from 'vitest';
import { fingerprint, fingerprintHuman, publicPart } from '@/lib/otr/dsa';
import { receiveMessage, sendMessage, smpRespond, smpStart, startOtr, type OtrEvent, type OtrOutput } from '@/lib/otr/session';
import { initOtrMitm, relayText, type MitmEvent } from '@/lib/attacks/otr-mitm-relay';
import { makeSide, relay, seededCtx, type Side } from '../otr/pair';

const A = 'alice@a.example';
const B = 'bob@a.example';

/** alice and bob, every text passing through the operator's relay. */
function network(withMitm: boolean) {
  const alice = makeSide(A, B, 'mitm-alice');
  const bob = makeSide(B, A, 'mitm-bob');
  const ctx = seededCtx('mitm-operator');
  const mitm = initOtrMitm([A, B], ctx.randomBytes);
  const seen: MitmEvent[] = [];
  const sides: Record<string, Side> = { [A]: alice, [B]: bob };
  const pump = (from: Side, out: OtrOutput) => {
    if (!withMitm) return relay(from, from === alice ? bob : alice, out);
    from.events.push(...out.events);
    const queue = out.send.map((text) => ({ from: from.name, text }));
    for (let i = 0; queue.length; i++) {
      if (i > 200) throw new Error('no quiescence');
      const { from: f, text } = queue.shift()!;
      sides[f]!.wires.push(text);
      const step = relayText(mitm, f, text, ctx);
      seen.push(...step.events);
      const to = f === A ? B : A;
      for (const [target, texts] of [[f, step.back], [to, step.onward]] as const) {
        for (const { text: t } of texts) {
          const side = sides[target]!;
          const res = receiveMessage(side.st, t, side.ctx);
          side.events.push(...res.events);
          queue.push(...res.send.map((text) => ({ from: target, text })));
        }
      }
    }
  };
  return { alice, bob, mitm, seen, pump };
}

const smpResults = (evs: OtrEvent[]) => evs.filter((e) => e.type === 'smp' && e.kind === 'result').map((e) => (e.type === 'smp' && e.kind === 'result' ? e.success : null));

function script(withMitm: boolean) {
  const n = network(withMitm);
  const { alice, bob, pump } = n;
  pump(alice, startOtr(alice.st));
  pump(alice, sendMessage(alice.st, 'The meeting is at 3.', alice.ctx));
  pump(bob, sendMessage(bob.st, 'Room 101?', bob.ctx));
  pump(alice, sendMessage(alice.st, 'Yes.', alice.ctx));
  pump(alice, smpStart(alice.st, 'our first date', null, alice.ctx));
  pump(bob, smpRespond(bob.st, 'our first date', bob.ctx));
  return n;
}

describe('attacks/otr-mitm-relay', () => {
  const n = script(true);
  const { alice, bob, mitm, seen } = n;

  it('both ends reach encrypted — each with the operator, whose fingerprint they see', () => {
    expect(alice.st.msgstate).toBe('encrypted');
    expect(bob.st.msgstate).toBe('encrypted');
    const mitmFp = fingerprint(publicPart(mitm.key));
    expect(fingerprint(alice.st.theirLongTerm!)).toEqual(mitmFp);
    expect(fingerprint(bob.st.theirLongTerm!)).toEqual(mitmFp);
    expect(mitmFp).not.toEqual(fingerprint(publicPart(bob.st.longTerm)));
    expect(mitmFp).not.toEqual(fingerprint(publicPart(alice.st.longTerm)));
    expect(alice.st.ssid).not.toEqual(bob.st.ssid);
    const fps = seen.find((e) => e.type === 'fingerprints');
    expect(fps).toEqual({ type: 'fingerprints', a: A, b: B, aReal: fingerprintHuman(fingerprint(publicPart(alice.st.longTerm))), bReal: fingerprintHuman(fingerprint(publicPart(bob.st.longTerm))), shown: fingerprintHuman(fingerprint(publicPart(mitm.key))) });
  });

  it('the operator reads every message, and each arrives intact', () => {
    expect(seen.filter((e) => e.type === 'read').map((e) => e.type === 'read' && `${e.from}: ${e.text}`)).toEqual([`${A}: The meeting is at 3.`, `${B}: Room 101?`, `${A}: Yes.`]);
    const texts = (s: Side) => s.events.filter((e) => e.type === 'message' && e.encrypted && e.text).map((e) => e.type === 'message' && e.text);
    expect(texts(bob)).toEqual(['The meeting is at 3.', 'Yes.']);
    expect(texts(alice)).toEqual(['Room 101?']);
  });

  it('SMP with the same secret fails on both sides: the relayed TLVs carry secrets hashed with different fingerprints and ssids', () => {
    expect(seen.filter((e) => e.type === 'smp-relayed').map((e) => e.type === 'smp-relayed' && e.tlvs[0])).toEqual([2, 3, 4, 5]);
    expect(smpResults(alice.events)).toEqual([false]);
    expect(smpResults(bob.events)).toEqual([false]);
    expect(alice.events.some((e) => e.type === 'smp' && e.kind === 'cheated')).toBe(false);
  });

  it('without the operator the same script ends in SMP success', () => {
    const clean = script(false);
    expect(smpResults(clean.alice.events)).toEqual([true]);
    expect(smpResults(clean.bob.events)).toEqual([true]);
  });

  it('is deterministic', () => {
    const again = script(true);
    expect(alice.wires.length).toBeGreaterThan(5);
    expect(again.seen).toEqual(seen);
    expect(again.alice.wires).toEqual(alice.wires);
    expect(again.bob.wires).toEqual(bob.wires);
  });
});
