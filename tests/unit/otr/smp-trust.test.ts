/**
 * Who marks the fingerprint verified after SMP, and what the narration says about it. libotr
 * (message.c, on SMP message 3) sets trust on the responder's side only when `received_question == 0`:
 * an answer to someone else's question proves nothing to the one who answered, because the asker chose
 * the question — an impostor can always ask one whose answer he knows. So after an SMP with a question
 * only the asker's app verifies; the responder must run an SMP of their own.
 */
import { describe, expect, it } from 'vitest';
import { smpRespond, smpStart, startOtr, type OtrEvent } from '../../../lib/otr/session';
import { eventNotes } from '../../../lib/xmpp/im/otr-describe';
import { formatNote } from '../../../lib/narration/notes';
import { makeSide, relay } from './pair';

const parties = (client: string, peer: string) => ({ client, account: `${client}@a.example`, peer: `${peer}@a.example` });
const resultNotes = (events: OtrEvent[], client: string, peer: string) =>
  eventNotes(events.filter((e) => e.type === 'smp' && e.kind === 'result'), parties(client, peer));

function smpRun(tag: string, question: string | null) {
  const a = makeSide('alice', 'bob', `trust-a-${tag}`);
  const b = makeSide('bob', 'alice', `trust-b-${tag}`);
  relay(a, b, startOtr(a.st));
  relay(a, b, smpStart(a.st, 'Minka', question, a.ctx));
  relay(b, a, smpRespond(b.st, 'Minka', b.ctx));
  return [a, b] as const;
}

describe('SMP trust, as libotr sets it', () => {
  it('with a question: the asker verifies, the responder does not, and the narration says so', () => {
    const [a, b] = smpRun('q', 'Name of our first office cat?');
    expect(a.st.trust).toBe('smp');
    expect(b.st.trust).toBeNull();
    expect(resultNotes(a.events, 'alice', 'bob').map((n) => n.key)).toEqual(['otr.smp-success']);
    const [bobNote] = resultNotes(b.events, 'bob', 'alice');
    expect(bobNote?.key).toBe('otr.smp-success-answered');
    const en = formatNote(bobNote!, 'en');
    const de = formatNote(bobNote!, 'de');
    expect(en).not.toMatch(/conversation is verified/i);
    expect(en).toMatch(/SMP of their own/);
    expect(de).toMatch(/eigenes SMP/);
  });

  it('without a question (both typed the secret): both verify', () => {
    const [a, b] = smpRun('noq', null);
    expect(a.st.trust).toBe('smp');
    expect(b.st.trust).toBe('smp');
    expect(resultNotes(a.events, 'alice', 'bob').map((n) => n.key)).toEqual(['otr.smp-success']);
    expect(resultNotes(b.events, 'bob', 'alice').map((n) => n.key)).toEqual(['otr.smp-success']);
  });

  it('a responder who was already verified keeps that trust after answering a question', () => {
    const [a, b] = smpRun('keep', null);
    relay(a, b, smpStart(a.st, 'Minka', 'Name of our first office cat?', a.ctx));
    relay(b, a, smpRespond(b.st, 'Minka', b.ctx));
    expect(b.st.trust).toBe('smp');
  });
});
