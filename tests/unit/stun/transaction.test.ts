// The client transaction (RFC 8489 §6.2.1 schedule, §6.3.3 matching) and the Binding server (§6.3.1).
import { describe, expect, it } from 'vitest';
import { ATTR, decodeUnknownAttributes, encodeXorMappedAddress } from '../../../lib/stun/attributes';
import { bindingRequest, bindingSuccess, errorOf, errorResponse, newTransactionId, reflexiveAddress } from '../../../lib/stun/binding';
import { onDatagram, onTimer, startTransaction, type ClientTransaction, type Step } from '../../../lib/stun/client-transaction';
import { checkFingerprint, encodeSigned, shortTermKey } from '../../../lib/stun/integrity';
import { decodeMessage, encodeMessage, findAttribute } from '../../../lib/stun/message';
import { handleDatagram } from '../../../lib/stun/server';

let counter = 0;
const fakeRandom = (n: number): Uint8Array => new Uint8Array(n).map(() => ++counter & 0xff);
const source = { family: 4, address: '203.0.113.5', port: 40123 } as const;

/** Runs the timers to the end, recording when each request leaves and when it gives up. */
function schedule(rto?: number): { sends: number[]; timeoutAt: number | null } {
  const req = encodeSigned(bindingRequest(newTransactionId(fakeRandom)));
  let step: Step = startTransaction(req, 0, rto ? { rto } : {});
  const sends = [0];
  let timeoutAt: number | null = null;
  for (let i = 0; i < 20 && step.state.status === 'waiting'; i++) {
    const now = step.state.nextAt;
    step = onTimer(step.state, now);
    for (const o of step.outputs) {
      if (o.type === 'send') sends.push(now);
      if (o.type === 'timeout') timeoutAt = now;
    }
  }
  return { sends, timeoutAt };
}

describe('client transaction (RFC 8489 §6.2.1)', () => {
  it('sends at 0, 500, 1500, 3500, 7500, 15500, 31500 ms and times out at 39500 ms', () => {
    expect(schedule()).toEqual({ sends: [0, 500, 1500, 3500, 7500, 15500, 31500], timeoutAt: 39500 });
  });
  it('the schedule scales with RTO', () => {
    expect(schedule(100)).toEqual({ sends: [0, 100, 300, 700, 1500, 3100, 6300], timeoutAt: 7900 });
  });
  it('an early timer call does nothing', () => {
    const s = startTransaction(encodeSigned(bindingRequest(newTransactionId(fakeRandom))), 0).state;
    expect(onTimer(s, 499)).toEqual({ state: s, outputs: [] });
  });

  const tid = newTransactionId(fakeRandom);
  const req = encodeSigned(bindingRequest(tid), { fingerprint: true });
  const t = (): ClientTransaction => startTransaction(req, 1000).state;
  const reply = (id: Uint8Array, fp = true): Uint8Array => encodeSigned(bindingSuccess({ method: 1, transactionId: id }, source), { fingerprint: fp });

  it('a success response with our transaction ID yields the reflexive address and ends the transaction', () => {
    const step = onDatagram(t(), reply(tid));
    expect(step.state.status).toBe('succeeded');
    expect(step.outputs).toMatchObject([{ type: 'success', mapped: source }]);
    expect(onTimer(step.state, 1e9).outputs).toEqual([]);
    expect(onDatagram(step.state, reply(tid)).outputs).toEqual([{ type: 'ignored', reason: 'transaction already succeeded' }]);
  });
  it('ignores another transaction, garbage, and a response whose FINGERPRINT is wrong', () => {
    const other = tid.slice();
    other[0]! ^= 1;
    expect(onDatagram(t(), reply(other)).outputs).toEqual([{ type: 'ignored', reason: 'transaction ID of another transaction' }]);
    expect(onDatagram(t(), new Uint8Array([1, 2, 3])).outputs[0]).toMatchObject({ type: 'ignored', reason: expect.stringMatching(/^not STUN/) });
    const bad = reply(tid);
    bad[bad.length - 1]! ^= 1;
    expect(onDatagram(t(), bad).outputs).toEqual([{ type: 'ignored', reason: 'FINGERPRINT does not match' }]);
  });
  it('an error response ends it with the code', () => {
    const e = encodeSigned(errorResponse({ method: 1, transactionId: tid }, 420, 'Unknown Attribute', [0x7777]));
    const step = onDatagram(t(), e);
    expect(step.state.status).toBe('failed');
    expect(step.outputs).toMatchObject([{ type: 'error-response', code: 420, reason: 'Unknown Attribute' }]);
  });
  it('with an integrity key, a response without a valid MESSAGE-INTEGRITY is ignored', () => {
    const key = shortTermKey('secret');
    const s = startTransaction(req, 0, { integrityKey: key }).state;
    expect(onDatagram(s, reply(tid)).outputs).toEqual([{ type: 'ignored', reason: 'MESSAGE-INTEGRITY missing or wrong' }]);
    const signed = encodeSigned(bindingSuccess({ method: 1, transactionId: tid }, source), { integrityKey: key });
    expect(onDatagram(s, signed).state.status).toBe('succeeded');
  });
});

describe('Binding server (RFC 8489 §6.3.1)', () => {
  const decode = (b: Uint8Array | null) => {
    const r = decodeMessage(b!);
    if (!r.ok) throw new Error(r.error);
    return r.message;
  };
  it('answers with XOR-MAPPED-ADDRESS of the source, same transaction ID, FINGERPRINT if the request had one', () => {
    const tid = newTransactionId(fakeRandom);
    const r = handleDatagram(encodeSigned(bindingRequest(tid), { fingerprint: true }), source, { software: 'lab' });
    expect(r.event).toEqual({ type: 'answered', mapped: source, classic: false });
    const m = decode(r.reply);
    expect([m.cls, m.transactionId]).toEqual(['success', tid]);
    expect(findAttribute(m, ATTR.XOR_MAPPED_ADDRESS)!.value).toEqual(encodeXorMappedAddress(source, tid));
    expect(reflexiveAddress(m)).toEqual(source);
    expect(checkFingerprint(m)).toBe('valid');
    expect(checkFingerprint(decode(handleDatagram(encodeSigned(bindingRequest(tid)), source).reply))).toBe('absent');
  });
  it('420 with UNKNOWN-ATTRIBUTES for an unknown comprehension-required attribute; unknown optional ones are fine', () => {
    const tid = newTransactionId(fakeRandom);
    const withUnknown = encodeMessage({ ...bindingRequest(tid), attributes: [{ type: 0x7777, value: new Uint8Array(4) }, { type: 0xc057, value: new Uint8Array(4) }] });
    const r = handleDatagram(withUnknown, source);
    const m = decode(r.reply);
    expect(errorOf(m)).toEqual({ code: 420, reason: 'Unknown Attribute' });
    expect(decodeUnknownAttributes(findAttribute(m, ATTR.UNKNOWN_ATTRIBUTES)!.value)).toEqual([0x7777]);
    const optional = encodeMessage({ ...bindingRequest(tid), attributes: [{ type: 0xc057, value: new Uint8Array(4) }] });
    expect(handleDatagram(optional, source).event.type).toBe('answered');
  });
  it('drops garbage, responses, and a request whose FINGERPRINT is wrong (no reply)', () => {
    expect(handleDatagram(new Uint8Array(10), source)).toMatchObject({ reply: null, event: { type: 'dropped' } });
    const resp = encodeSigned(bindingSuccess({ method: 1, transactionId: newTransactionId(fakeRandom) }, source));
    expect(handleDatagram(resp, source)).toMatchObject({ reply: null, event: { type: 'dropped', reason: 'a success, not a request' } });
    const bad = encodeSigned(bindingRequest(newTransactionId(fakeRandom)), { fingerprint: true });
    bad[bad.length - 2]! ^= 1;
    expect(handleDatagram(bad, source)).toEqual({ reply: null, event: { type: 'dropped', reason: 'FINGERPRINT does not match' } });
  });
  it('an RFC 3489 request (no magic cookie) gets MAPPED-ADDRESS and its 128-bit ID back, no SOFTWARE', () => {
    const classic = encodeMessage(bindingRequest(newTransactionId(fakeRandom)));
    classic.set([9, 8, 7, 6], 4);
    const r = handleDatagram(classic, source, { software: 'lab' });
    const m = decode(r.reply);
    expect(m.classic).toBe(true);
    expect(m.raw.slice(4, 20)).toEqual(classic.slice(4, 20));
    expect(m.attributes.map((a) => a.type)).toEqual([ATTR.MAPPED_ADDRESS]);
    expect(reflexiveAddress(m)).toEqual(source);
  });
  it('a method other than Binding gets 400', () => {
    const alloc = encodeMessage({ method: 0x003, cls: 'request', transactionId: newTransactionId(fakeRandom), attributes: [] });
    expect(handleDatagram(alloc, source).event).toMatchObject({ type: 'rejected', code: 400 });
  });
});

describe('Binding server with short-term credentials (RFC 8489 §9.1.3)', () => {
  const users = { 'evtj:h6vY': 'VOkJxbRl1RmTxUk/WvJxBt' };
  const key = shortTermKey(users['evtj:h6vY']);
  const code = (bytes: Uint8Array): number | null => {
    const r = handleDatagram(bytes, source, { users });
    return r.event.type === 'rejected' ? r.event.code : null;
  };
  const req = (username?: string) => bindingRequest(newTransactionId(fakeRandom), username ? { username } : {});
  it('400 without USERNAME or MESSAGE-INTEGRITY, 401 for an unknown user or a wrong key', () => {
    expect(code(encodeSigned(req()))).toBe(400);
    expect(code(encodeSigned(req('evtj:h6vY')))).toBe(400);
    expect(code(encodeSigned(req('mallory'), { integrityKey: key }))).toBe(401);
    expect(code(encodeSigned(req('evtj:h6vY'), { integrityKey: shortTermKey('guess') }))).toBe(401);
  });
  it('answers an authenticated request (SHA-1 or SHA-256) with MESSAGE-INTEGRITY the client transaction accepts', () => {
    for (const opt of [{ integrityKey: key }, { integritySha256Key: key }]) {
      const bytes = encodeSigned(req('evtj:h6vY'), opt);
      const r = handleDatagram(bytes, source, { users });
      expect(r.event.type).toBe('answered');
      const step = onDatagram(startTransaction(bytes, 0, { integrityKey: key }).state, r.reply!);
      expect(step.outputs).toMatchObject([{ type: 'success', mapped: source }]);
    }
  });
});
