import { describe, expect, it } from 'vitest';
import { receiveMessage, sendMessage, startOtr, type OtrOutput } from '../../../lib/otr/session';
import { ratchetView, revealsInText, shortHex, snapshotSession, type SessionAt, type WireReveal } from '../../../lib/viz/ratchet';
import { makeSide, type Side } from '../otr/pair';

/**
 * Two lib/otr sessions talking directly, one delivered text per step (like the simulator's wire events):
 * frames[i] are both sessions after step i, reveals[] where a Data Message carried old MAC keys.
 */
function conversation() {
  const alice = makeSide('alice@a.example', 'bob@a.example', 'ratchet-a');
  const bob = makeSide('bob@a.example', 'alice@a.example', 'ratchet-b');
  const frames: SessionAt[][] = [];
  const reveals: WireReveal[] = [];
  const snap = () => frames.push([
    { node: 'alice', snap: snapshotSession(alice.st) },
    { node: 'bob', snap: snapshotSession(bob.st) },
  ]);
  snap(); // step 0
  const name = (s: Side) => (s === alice ? 'alice' : 'bob');
  const deliver = (from: Side, to: Side, out: OtrOutput) => {
    // Sending is a step of its own (the user's action), then every text crosses as one step.
    snap();
    let queue = out.send.map((text) => ({ src: from, dst: to, text }));
    while (queue.length) {
      const next: typeof queue = [];
      for (const { src, dst, text } of queue) {
        const res = receiveMessage(dst.st, text, dst.ctx);
        snap();
        const keys = revealsInText(text);
        if (keys.length) reveals.push({ step: frames.length - 1, from: name(src), keys });
        next.push(...res.send.map((t) => ({ src: dst, dst: src, text: t })));
      }
      queue = next;
    }
  };
  return { alice, bob, frames, reveals, deliver };
}

describe('viz/ratchet', () => {
  it('shortHex groups the first eight hex digits and marks the rest with an ellipsis', () => {
    expect(shortHex('9a3f01c2deadbeef')).toBe('9a3f 01c2…');
    expect(shortHex('9a3f01c2')).toBe('9a3f 01c2');
    expect(shortHex('abc')).toBe('abc');
  });

  it('is empty before any OTR session exists, and shows the AKE state while it runs', () => {
    expect(ratchetView([[]], 0).conversations).toEqual([]);
    const c = conversation();
    // alice sends the query; bob answers with a DH-Commit: bob is awaiting the DH-Key and holds his x.
    const query = startOtr(c.alice.st);
    const res = receiveMessage(c.bob.st, query.send[0]!, c.bob.ctx);
    const frame = [
      { node: 'alice', snap: snapshotSession(c.alice.st) },
      { node: 'bob', snap: snapshotSession(c.bob.st) },
    ];
    const v = ratchetView([frame], 0);
    expect(v.conversations).toHaveLength(1);
    const [a, b] = v.conversations[0]!.parties;
    expect(a!.account).toBe('alice@a.example');
    expect(a!.auth).toBe('none');
    expect(b!.auth).toBe('awaiting-dhkey');
    expect(b!.ourKeys).toEqual([expect.objectContaining({ keyid: 1, state: 'ake' })]);
    expect(b!.msgstate).toBe('plaintext');
    expect(res.send).toHaveLength(1);
  });

  it('after the AKE both sides hold key ids 1 and 2, their key 1, and know each other\'s fingerprint', () => {
    const c = conversation();
    c.deliver(c.alice, c.bob, startOtr(c.alice.st));
    const v = ratchetView(c.frames, c.frames.length - 1);
    const [a, b] = v.conversations[0]!.parties;
    for (const p of [a!, b!]) {
      expect(p.msgstate).toBe('encrypted');
      expect(p.auth).toBe('none');
      expect(p.version).toBe(3);
      expect(p.ourKeyid).toBe(2);
      expect(p.theirKeyid).toBe(1);
      expect(p.ourKeys.map((k) => [k.keyid, k.state])).toEqual([
        [2, 'current'],
        [1, 'previous'],
      ]);
      expect(p.theirKeys.map((k) => k.keyid)).toEqual([1]);
      expect(p.theirFingerprint).toMatch(/^[0-9A-F]{8}( [0-9A-F]{8}){4}$/);
    }
    // The AKE key of one side is the other side's "their key 1".
    expect(a!.ourKeys[1]!.full).toBe(b!.theirKeys[0]!.full);
    expect(a!.ssid).toBe(b!.ssid);
    expect(a!.revealed).toEqual([]);
  });

  it('rotates keys per round trip: key ids grow, old private keys are forgotten at a step, MAC keys are revealed with their pair', () => {
    const c = conversation();
    c.deliver(c.alice, c.bob, startOtr(c.alice.st));
    for (let i = 0; i < 6; i++) {
      const [s, r] = i % 2 === 0 ? [c.alice, c.bob] : [c.bob, c.alice];
      c.deliver(s, r, sendMessage(s.st, `message ${i}`, s.ctx));
    }
    const end = c.frames.length - 1;
    const v = ratchetView(c.frames, end, c.reveals);
    const [a, b] = v.conversations[0]!.parties;
    expect(a!.ourKeyid!).toBeGreaterThan(2);
    expect(b!.ourKeyid!).toBeGreaterThan(2);
    // Exactly two private keys are held at any time; the rest are listed as forgotten, latest first.
    for (const p of [a!, b!]) {
      const live = p.ourKeys.filter((k) => k.state !== 'forgotten');
      expect(live.map((k) => k.keyid)).toEqual([p.ourKeyid!, p.ourKeyid! - 1]);
      const gone = p.ourKeys.filter((k) => k.state === 'forgotten');
      expect(gone.length).toBeGreaterThan(0);
      expect(gone[0]!.keyid).toBe(p.ourKeyid! - 2);
      for (const k of gone) expect(k.forgottenStep).toBeGreaterThan(0);
      const steps = gone.map((k) => k.forgottenStep!);
      expect([...steps].sort((x, y) => y - x)).toEqual(steps);
    }
    // Alice's key 1 was forgotten at the step where her key 3 was born (rotation is one move).
    const a1 = ratchetView(c.frames, end, c.reveals, 10).conversations[0]!.parties[0]!.ourKeys.find((k) => k.keyid === 1)!;
    const a3 = a!.ourKeys.find((k) => k.keyid === 3)!;
    expect(a1.state).toBe('forgotten');
    expect(a1.forgottenStep).toBe(a3.bornStep);
    // Revealed MAC keys: each traced to its pair and to the step where it crossed the wire.
    const revealed = [...a!.revealed, ...b!.revealed];
    expect(revealed.length).toBeGreaterThan(0);
    for (const r of revealed) {
      expect(r.pair).not.toBeNull();
      expect(c.reveals.some((w) => w.step === r.step && w.keys.includes(r.full))).toBe(true);
    }
    // Counters: bob sent last; the pair he sent with (his key ourKeyid−1, alice's newest) counts 1.
    expect(b!.counters.find((p) => p.ourKeyid === b!.ourKeyid! - 1 && p.theirKeyid === b!.theirKeyid)?.sendCtr).toBe('1');
  });

  it('stepping back shows the earlier state: nothing revealed, lower key ids', () => {
    const c = conversation();
    c.deliver(c.alice, c.bob, startOtr(c.alice.st));
    const akeEnd = c.frames.length - 1;
    for (let i = 0; i < 4; i++) {
      const [s, r] = i % 2 === 0 ? [c.alice, c.bob] : [c.bob, c.alice];
      c.deliver(s, r, sendMessage(s.st, `m${i}`, s.ctx));
    }
    const early = ratchetView(c.frames, akeEnd, c.reveals).conversations[0]!.parties;
    const late = ratchetView(c.frames, c.frames.length - 1, c.reveals).conversations[0]!.parties;
    expect(early.every((p) => p.revealed.length === 0 && p.ourKeys.every((k) => k.state !== 'forgotten'))).toBe(true);
    expect(late[0]!.ourKeyid!).toBeGreaterThan(early[0]!.ourKeyid!);
    // A step beyond the frames is clamped, never a crash.
    expect(ratchetView(c.frames, 10_000, c.reveals)).toEqual(ratchetView(c.frames, c.frames.length - 1, c.reveals));
  });

  it('revealsInText reads the old MAC keys of a Data Message and nothing from other texts', () => {
    expect(revealsInText('hello')).toEqual([]);
    expect(revealsInText('?OTRv3?')).toEqual([]);
    expect(revealsInText('?OTR:AAMD!!!.')).toEqual([]);
  });
});
