import { describe, expect, it } from 'vitest';
import { newSigningKey, signMessage, verifySigned } from '@/lib/contrast/signed';
import { forge, recordedMessages, type RecordedBody } from '@/lib/knowledge/forger-edit';
import { receiveMessage, sendMessage, startOtr, type OtrSession } from '@/lib/otr/session';
import { makeSide, relay, seededCtx } from '../otr/pair';

/** alice and bob talk; the recording is every text that crossed, and bob's state just before the first. */
function conversation() {
  const alice = makeSide('alice@a.example', 'bob@a.example', 'forger-a');
  const bob = makeSide('bob@a.example', 'alice@a.example', 'forger-b');
  relay(alice, bob, startOtr(alice.st));
  const bodies: RecordedBody[] = [];
  let seq = 0;
  let bobBefore: OtrSession | null = null;
  const say = (s: typeof alice, r: typeof bob, text: string) => {
    const out = sendMessage(s.st, text, s.ctx);
    if (s === alice && !bobBefore) bobBefore = structuredClone(bob.st);
    for (const body of out.send) bodies.push({ seq: seq++, time: seq * 100, from: s.name, to: r.name, body });
    relay(s, r, out);
  };
  say(alice, bob, 'I’ll pay 100 € on Friday.');
  say(bob, alice, 'Deal.');
  say(alice, bob, 'See you.');
  say(bob, alice, 'Bye!');
  return { alice, bob, bodies, bobBefore: bobBefore! };
}

describe('knowledge/forger-edit: OTR', () => {
  const { bob, bodies, bobBefore } = conversation();
  const recorded = recordedMessages(bodies, {});
  const edit = { message: 0, known: 'I’ll pay 100 € on Friday.', find: '100', replace: '900' };
  const [f] = forge(recorded, [edit], {});

  it('finds, in a later message, the MAC key that verifies the first one', () => {
    const first = recorded[0]!;
    expect(first.scheme).toBe('otr');
    if (first.scheme !== 'otr') return;
    expect(first.macKey).toMatch(/^[0-9a-f]{40}$/);
    expect(first.macKeyRevealedAt).toBeGreaterThan(first.seq);
    expect(first.macValid).toBe(true);
    // the last message's key is not published by anyone yet
    const last = recorded.at(-1)!;
    expect(last.scheme === 'otr' && last.macKey).toBe(null);
  });

  it('the forgery verifies under the revealed key, and bob’s engine (as it was) accepts it and reads the edit', () => {
    expect(f).toMatchObject({ forged: expect.stringMatching(/^\?OTR:/), macValid: true, claims: 'I’ll pay 900 € on Friday.' });
    expect(f!.forged).not.toBe(f!.original);
    const out = receiveMessage(structuredClone(bobBefore), f!.forged!, seededCtx('replay'));
    expect(out.events).toContainEqual(expect.objectContaining({ type: 'message', text: 'I’ll pay 900 € on Friday.', encrypted: true }));
    // and the original, fed to the same state, reads as the original
    const real = receiveMessage(structuredClone(bobBefore), f!.original, seededCtx('replay'));
    expect(real.events).toContainEqual(expect.objectContaining({ type: 'message', text: 'I’ll pay 100 € on Friday.' }));
    expect(bob.st.msgstate).toBe('encrypted');
  });

  it('a message whose MAC key is still secret cannot be forged this way; misfit edits get a reason', () => {
    const last = recorded.length - 1;
    const res = forge(recorded, [
      { message: last, find: 'Bye', replace: 'Hi!' },
      { message: 99, find: 'a', replace: 'b' },
      { message: 0, known: 'I’ll pay 100 €', find: '200', replace: '900' },
      { message: 0, find: '100', replace: '1000' },
    ], {});
    expect(res.map((r) => r.reason)).toEqual(['mac-key-not-revealed', 'no-such-message', 'text-not-found', 'length-differs']);
    expect(res.every((r) => r.forged === null)).toBe(true);
  });
});

describe('knowledge/forger-edit: signed messages', () => {
  const ctx = seededCtx('signer');
  const key = newSigningKey(ctx.randomBytes);
  const published = { 'alice@a.example': key.publicKey };
  const body = signMessage(key, 'alice@a.example', 'I’ll pay 100 € on Friday.');
  const bodies: RecordedBody[] = [
    { seq: 3, time: 10, from: 'alice@a.example', to: 'bob@a.example', body },
    { seq: 4, time: 20, from: 'bob@a.example', to: 'alice@a.example', body: 'plain words' },
  ];

  it('records the signed message (not the plain one) with a valid signature', () => {
    const rec = recordedMessages(bodies, published);
    expect(rec).toEqual([expect.objectContaining({ index: 0, scheme: 'signed', signer: 'alice@a.example', text: 'I’ll pay 100 € on Friday.', signatureValid: true })]);
  });

  it('the same edit breaks the signature', () => {
    const [f] = forge(recordedMessages(bodies, published), [{ message: 0, find: '100', replace: '900' }], published);
    expect(f).toMatchObject({ scheme: 'signed', claims: 'I’ll pay 900 € on Friday.', signatureValid: false });
    expect(verifySigned(f!.forged!, published)).toEqual({ valid: false, reason: 'bad-signature' });
  });
});
