/**
 * Found by the fuzzer (npm run fuzz, target otr-session): while a session is encrypted, an AKE
 * message from another instance tag — a second device of the correspondent, or anyone who can put a
 * text on the wire (the AKE is unauthenticated until its signatures) — must not redirect the running
 * session. Before the fix one injected D-H Commit set `theirInstance` to the stranger's tag, so every
 * genuine Data Message afterwards was "from another session or instance" and ours went to the wrong
 * instance; a v2-only Query Message or whitespace tag zeroed it the same way. A completed AKE with the new instance still switches over (as libotr's new child context would).
 */
import { describe, expect, it } from 'vitest';
import { WHITESPACE_BASE, WHITESPACE_V2 } from '../../../lib/otr/query';
import { receiveMessage, sendMessage, startOtr } from '../../../lib/otr/session';
import { makeSide, relay } from './pair';

function encryptedPair() {
  const alice = makeSide('alice', 'bob', 'inst-a');
  const bob = makeSide('bob', 'alice', 'inst-b');
  relay(alice, bob, startOtr(alice.st));
  expect(bob.st.msgstate).toBe('encrypted');
  return { alice, bob };
}

/** A D-H Commit to bob from another instance: `who` answers a Query Message of bob's (receiver instance 0). */
function commitFrom(who: ReturnType<typeof makeSide>, bob: ReturnType<typeof makeSide>) {
  return receiveMessage(who.st, startOtr(bob.st).send[0]!, who.ctx);
}

describe('otr/session: an AKE message from another instance while encrypted', () => {
  it('leaves the running session usable in both directions', () => {
    const { alice, bob } = encryptedPair();
    const mallory = makeSide('mallory', 'bob', 'inst-m');
    const injected = receiveMessage(bob.st, commitFrom(mallory, bob).send[0]!, bob.ctx);
    expect(injected.events.some((e) => e.type === 'ake-sent')).toBe(true); // bob answers the stranger's commit
    expect(bob.st.msgstate).toBe('encrypted');

    const toBob = sendMessage(alice.st, 'still there?', alice.ctx);
    const got = receiveMessage(bob.st, toBob.send[0]!, bob.ctx);
    expect(got.events).toContainEqual(expect.objectContaining({ type: 'message', text: 'still there?', encrypted: true }));

    const toAlice = sendMessage(bob.st, 'yes', bob.ctx);
    const back = receiveMessage(alice.st, toAlice.send[0]!, alice.ctx);
    expect(back.events).toContainEqual(expect.objectContaining({ type: 'message', text: 'yes', encrypted: true }));
  });

  for (const [label, text] of [
    ['a v2 Query Message', '?OTRv2?'],
    ['a whitespace tag offering only v2', `hi${WHITESPACE_BASE}${WHITESPACE_V2}`],
  ] as const) {
    it(`${label} (anyone can send one) leaves the running v3 session usable`, () => {
      const { alice, bob } = encryptedPair();
      const answered = receiveMessage(bob.st, text, bob.ctx);
      expect(answered.events).toContainEqual(expect.objectContaining({ type: 'ake-sent', version: 2 }));
      const toBob = sendMessage(alice.st, 'still there?', alice.ctx);
      const got = receiveMessage(bob.st, toBob.send[0]!, bob.ctx);
      expect(got.events).toContainEqual(expect.objectContaining({ type: 'message', text: 'still there?', encrypted: true }));
      const back = receiveMessage(alice.st, sendMessage(bob.st, 'yes', bob.ctx).send[0]!, alice.ctx);
      expect(back.events).toContainEqual(expect.objectContaining({ type: 'message', text: 'yes', encrypted: true }));
    });
  }

  it('a completed AKE with a second device of alice switches bob to that instance', () => {
    const { alice, bob } = encryptedPair();
    const alice2 = makeSide('alice', 'bob', 'inst-a2');
    alice2.st.longTerm = alice.st.longTerm; // the same account key on a second device
    relay(alice2, bob, commitFrom(alice2, bob));
    expect(alice2.st.msgstate).toBe('encrypted');
    const gone = bob.events.filter((e) => e.type === 'gone-secure').at(-1);
    expect(gone).toMatchObject({ theirInstance: alice2.st.ourInstance });
    const out = sendMessage(bob.st, 'to the new device', bob.ctx);
    const got = receiveMessage(alice2.st, out.send[0]!, alice2.ctx);
    expect(got.events).toContainEqual(expect.objectContaining({ type: 'message', text: 'to the new device', encrypted: true }));
  });
});
