// ICE connectivity checks (RFC 8445 §7): RFC 5769 §2.1 is an ICE check, rebuilt byte for byte; the
// answer, the short-term credentials both ways, role conflicts by tie-breaker, USE-CANDIDATE.
import { describe, expect, it } from 'vitest';
import * as V from '../../fixtures/rfc5769';
import { candidatePriority } from '../../../lib/ice/candidate';
import { answerCheck, checkRequest, ICE_ATTR, readCheckResponse, type Agent, type CheckRequest } from '../../../lib/ice/check';
import { reflexiveAddress } from '../../../lib/stun/binding';
import { checkFingerprint, checkIntegrity, shortTermKey } from '../../../lib/stun/integrity';
import { decodeMessage, findAttribute } from '../../../lib/stun/message';

const tie = (...b: number[]): Uint8Array => new Uint8Array([...b, ...new Array<number>(8 - b.length).fill(0)]);
const source = { family: 4, address: '198.51.100.1', port: 62000 } as const;
let n = 0;
const tid = (): Uint8Array => new Uint8Array(12).map(() => ++n & 0xff);

// The vector's controlled agent (ufrag h6vY) checks the agent whose ufrag is evtj.
const VECTOR: CheckRequest = {
  transactionId: V.TRANSACTION_ID,
  localUfrag: 'h6vY',
  remoteUfrag: 'evtj',
  remotePassword: V.SHORT_TERM_PASSWORD,
  priority: candidatePriority('prflx', 1, 1),
  role: 'controlled',
  tieBreaker: new Uint8Array([0x93, 0x2f, 0xf9, 0xb1, 0x51, 0x26, 0x3b, 0x36]),
  software: 'STUN test client',
};
const evtj: Agent = { ufrag: 'evtj', password: V.SHORT_TERM_PASSWORD, role: 'controlling', tieBreaker: tie(1) };

describe('the check request (§7.1, §7.2.2)', () => {
  it('RFC 5769 §2.1 is an ICE check: SOFTWARE, PRIORITY, ICE-CONTROLLED, USERNAME "evtj:h6vY", MI, FINGERPRINT — rebuilt byte for byte', () => {
    expect(checkRequest(VECTOR, { pad: 0x20 })).toEqual(V.SAMPLE_REQUEST);
  });
  it('the controlling agent sends ICE-CONTROLLING and, to nominate, USE-CANDIDATE; a controlled one may not nominate', () => {
    const req = decodeMessage(checkRequest({ ...VECTOR, role: 'controlling', useCandidate: true }));
    if (!req.ok) throw new Error(req.error);
    expect(findAttribute(req.message, ICE_ATTR.ICE_CONTROLLING)?.value).toEqual(VECTOR.tieBreaker);
    expect(findAttribute(req.message, ICE_ATTR.ICE_CONTROLLED)).toBeUndefined();
    expect(findAttribute(req.message, ICE_ATTR.USE_CANDIDATE)?.value).toHaveLength(0);
    expect(() => checkRequest({ ...VECTOR, useCandidate: true })).toThrow(/controlling/);
    expect(() => checkRequest({ ...VECTOR, tieBreaker: new Uint8Array(4) })).toThrow(RangeError);
  });
});

describe('answering a check (§7.3)', () => {
  it("answers RFC 5769 §2.1 with the source address, signed with evtj's password; the checker reads it back", () => {
    const { reply, event, agent } = answerCheck(V.SAMPLE_REQUEST, source, evtj);
    expect(event).toEqual({ type: 'answered', remoteUfrag: 'h6vY', priority: 0x6e0001ff, useCandidate: false, source });
    expect(agent).toBe(evtj);
    const d = decodeMessage(reply!);
    if (!d.ok) throw new Error(d.error);
    expect(d.message.cls).toBe('success');
    expect(reflexiveAddress(d.message)).toEqual(source);
    expect(checkIntegrity(d.message, shortTermKey(V.SHORT_TERM_PASSWORD))).toBe('valid');
    expect(checkFingerprint(d.message)).toBe('valid');
    expect(readCheckResponse(reply!, V.TRANSACTION_ID, V.SHORT_TERM_PASSWORD)).toEqual({ type: 'succeeded', mapped: source });
    // Read with another password (a forged answer) it is ignored, not believed.
    expect(readCheckResponse(reply!, V.TRANSACTION_ID, 'other').type).toBe('ignored');
    expect(readCheckResponse(reply!, tid(), V.SHORT_TERM_PASSWORD).type).toBe('ignored');
  });

  it('another ufrag or a wrong password: 401; no credentials: 400; not STUN: dropped', () => {
    expect(answerCheck(V.SAMPLE_REQUEST, source, { ...evtj, ufrag: 'zzzz' }).event).toMatchObject({ type: 'rejected', code: 401 });
    expect(answerCheck(V.SAMPLE_REQUEST, source, { ...evtj, password: 'VOkJxbRl1RmTxUk/WvJxBT' }).event).toMatchObject({ type: 'rejected', code: 401 });
    const bare = checkRequest({ ...VECTOR, transactionId: tid() }).slice();
    expect(answerCheck(new Uint8Array([1, 2, 3]), source, evtj).event.type).toBe('dropped');
    bare[bare.length - 1]! ^= 1;
    expect(answerCheck(bare, source, evtj).event).toEqual({ type: 'dropped', reason: 'FINGERPRINT does not match' });
  });

  it('USE-CANDIDATE reaches the controlled agent as a nomination', () => {
    const id = tid();
    const req = checkRequest({ ...VECTOR, transactionId: id, role: 'controlling', useCandidate: true, tieBreaker: tie(5) });
    expect(answerCheck(req, source, { ...evtj, role: 'controlled' }).event).toMatchObject({ type: 'answered', useCandidate: true });
  });
});

describe('role conflicts (§7.3.1.1)', () => {
  const ask = (role: 'controlling' | 'controlled', theirs: Uint8Array) => checkRequest({ ...VECTOR, transactionId: tid(), role, tieBreaker: theirs });

  it('both controlling: the larger (or equal) tie-breaker keeps the role and answers 487; the smaller switches', () => {
    const conflict = answerCheck(ask('controlling', tie(1)), source, { ...evtj, tieBreaker: tie(2) });
    expect(conflict.event).toEqual({ type: 'role-conflict' });
    expect(conflict.agent.role).toBe('controlling');
    const d = decodeMessage(conflict.reply!);
    if (!d.ok) throw new Error(d.error);
    expect(readCheckResponse(conflict.reply!, d.message.transactionId, V.SHORT_TERM_PASSWORD)).toEqual({ type: 'role-conflict' });
    expect(answerCheck(ask('controlling', tie(2)), source, { ...evtj, tieBreaker: tie(2) }).event.type).toBe('role-conflict');

    const yields = answerCheck(ask('controlling', tie(3)), source, { ...evtj, tieBreaker: tie(2) });
    expect(yields.event).toMatchObject({ type: 'answered', switchedTo: 'controlled' });
    expect(yields.agent.role).toBe('controlled');
  });

  it('both controlled: the larger (or equal) tie-breaker becomes controlling; the smaller answers 487', () => {
    const me = { ...evtj, role: 'controlled' as const, tieBreaker: tie(0, 9) };
    expect(answerCheck(ask('controlled', tie(0, 8)), source, me).agent.role).toBe('controlling');
    expect(answerCheck(ask('controlled', tie(0, 9)), source, me).agent.role).toBe('controlling');
    const conflict = answerCheck(ask('controlled', tie(1)), source, me);
    expect(conflict.event.type).toBe('role-conflict');
    expect(conflict.agent.role).toBe('controlled');
  });

  it('different roles are no conflict', () => {
    expect(answerCheck(ask('controlled', tie(9)), source, evtj).event).toMatchObject({ type: 'answered' });
    expect(answerCheck(ask('controlled', tie(9)), source, evtj).event).not.toHaveProperty('switchedTo');
  });
});
