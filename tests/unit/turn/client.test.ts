// The TURN client (RFC 8656) against a server played by hand: the 401 and nonce dance, 438, wrong
// passwords, integrity of responses, permissions, channels, the data path both ways, Refresh, timeouts.
import { describe, expect, it } from 'vitest';
import { ATTR, decodeText, decodeXorMappedAddress, encodeErrorCode, encodeXorMappedAddress, textValue, type TransportAddress } from '../../../lib/stun/attributes';
import { checkIntegrity, encodeSigned, longTermKey } from '../../../lib/stun/integrity';
import { decodeMessage, findAttribute, type DecodedMessage, type StunAttribute } from '../../../lib/stun/message';
import { decodeChannelNumber, decodeLifetime, encodeLifetime, METHOD, TURN_ATTR } from '../../../lib/turn/attributes';
import { decodeChannelData, encodeChannelData } from '../../../lib/turn/channel-data';
import {
  allocate,
  channelBind,
  createPermission,
  describeFailure,
  newTurnClient,
  onDatagram,
  onTimer,
  refresh,
  sendTo,
  type TurnClient,
  type TurnOutput,
  type TurnStep,
} from '../../../lib/turn/client';

let counter = 0;
const rnd = (n: number): Uint8Array => new Uint8Array(n).map(() => ++counter & 0xff);
const REALM = 'lab.example';
const KEY = longTermKey('lab', REALM, 'labpass');
const RELAYED: TransportAddress = { family: 4, address: '198.51.100.7', port: 49160 };
const MAPPED: TransportAddress = { family: 4, address: '203.0.113.9', port: 40001 };
const PEER: TransportAddress = { family: 4, address: '192.0.2.44', port: 5004 };

const sent = (step: TurnStep): Uint8Array[] => step.outputs.flatMap((o) => (o.type === 'send' ? [o.bytes] : []));
const only = <T extends TurnOutput['type']>(step: TurnStep, type: T): Extract<TurnOutput, { type: T }> => {
  const o = step.outputs.find((x) => x.type === type);
  if (!o) throw new Error(`no ${type} output in ${JSON.stringify(step.outputs.map((x) => x.type))}`);
  return o as Extract<TurnOutput, { type: T }>;
};
function decoded(bytes: Uint8Array): DecodedMessage {
  const r = decodeMessage(bytes);
  if (!r.ok) throw new Error(r.error);
  return r.message;
}
const text = (m: DecodedMessage, type: number): string | undefined => {
  const a = findAttribute(m, type);
  return a && decodeText(a.value);
};

/** A reply to `req`: an error (no integrity: a 401 or 438 cannot carry any) or a success signed with `key`. */
function reply(req: DecodedMessage, cls: 'success' | 'error', attributes: StunAttribute[], key: Uint8Array | null = KEY): Uint8Array {
  const msg = { method: req.method, cls, transactionId: req.transactionId, attributes };
  return encodeSigned(msg, key ? { integrityKey: key } : {});
}
const challenge = (req: DecodedMessage, code: 401 | 438, nonce: string, reason = code === 401 ? 'Unauthorized' : 'Stale Nonce'): Uint8Array =>
  reply(req, 'error', [
    { type: ATTR.ERROR_CODE, value: encodeErrorCode(code, reason) },
    { type: ATTR.REALM, value: textValue(REALM) },
    { type: ATTR.NONCE, value: textValue(nonce) },
  ], null);
const allocateSuccess = (req: DecodedMessage, key: Uint8Array | null = KEY): Uint8Array =>
  reply(req, 'success', [
    { type: TURN_ATTR.XOR_RELAYED_ADDRESS, value: encodeXorMappedAddress(RELAYED, req.transactionId) },
    { type: TURN_ATTR.LIFETIME, value: encodeLifetime(600) },
    { type: ATTR.XOR_MAPPED_ADDRESS, value: encodeXorMappedAddress(MAPPED, req.transactionId) },
  ], key);

const fresh = (password = 'labpass'): TurnClient => newTurnClient({ username: 'lab', password, software: 'test' });

/** Allocate through the 401 dance; returns the allocated client and the two requests sent. */
function allocated(now = 0): { c: TurnClient; first: DecodedMessage; second: DecodedMessage } {
  let step = allocate(fresh(), now, rnd);
  const first = decoded(sent(step)[0]!);
  step = onDatagram(step.state, challenge(first, 401, 'nonce-1'), now, rnd);
  const second = decoded(sent(step)[0]!);
  step = onDatagram(step.state, allocateSuccess(second), now, rnd);
  return { c: step.state, first, second };
}

describe('Allocate with long-term credentials', () => {
  it('first without credentials: REQUESTED-TRANSPORT UDP (17), no USERNAME, no MESSAGE-INTEGRITY', () => {
    const step = allocate(fresh(), 0, rnd);
    const m = decoded(sent(step)[0]!);
    expect([m.method, m.cls]).toEqual([METHOD.ALLOCATE, 'request']);
    expect(findAttribute(m, TURN_ATTR.REQUESTED_TRANSPORT)?.value).toEqual(new Uint8Array([17, 0, 0, 0]));
    expect(findAttribute(m, ATTR.USERNAME)).toBeUndefined();
    expect(findAttribute(m, ATTR.MESSAGE_INTEGRITY)).toBeUndefined();
    expect(step.state.allocation).toBe('requested');
    expect(only(step, 'timer').at).toBe(500);
  });

  it('401 with REALM and NONCE → the same request again, new transaction, USERNAME/REALM/NONCE, MI with MD5(lab:realm:labpass)', () => {
    let step = allocate(fresh(), 0, rnd);
    const first = decoded(sent(step)[0]!);
    step = onDatagram(step.state, challenge(first, 401, 'nonce-1'), 10, rnd);
    expect(only(step, 'challenged')).toEqual({ type: 'challenged', realm: REALM, nonce: 'nonce-1', stale: false });
    const second = decoded(sent(step)[0]!);
    expect(second.transactionId).not.toEqual(first.transactionId);
    expect([text(second, ATTR.USERNAME), text(second, ATTR.REALM), text(second, ATTR.NONCE)]).toEqual(['lab', REALM, 'nonce-1']);
    expect(checkIntegrity(second, KEY)).toBe('valid');
    expect(checkIntegrity(second, longTermKey('lab', REALM, 'other'))).toBe('invalid');
    expect(findAttribute(second, TURN_ATTR.REQUESTED_TRANSPORT)).toBeDefined();
  });

  it('the signed success gives the relayed and the reflexive address and the lifetime', () => {
    let step = allocate(fresh(), 0, rnd);
    step = onDatagram(step.state, challenge(decoded(sent(step)[0]!), 401, 'n'), 0, rnd);
    step = onDatagram(step.state, allocateSuccess(decoded(sent(step)[0]!)), 1000, rnd);
    expect(only(step, 'allocated')).toEqual({ type: 'allocated', relayed: RELAYED, mapped: MAPPED, lifetime: 600 });
    expect(step.state).toMatchObject({ allocation: 'allocated', relayed: RELAYED, expiresAt: 601_000, pending: [] });
  });

  it('a success whose MESSAGE-INTEGRITY fails (a forger without the password) is ignored, the request still waits', () => {
    let step = allocate(fresh(), 0, rnd);
    step = onDatagram(step.state, challenge(decoded(sent(step)[0]!), 401, 'n'), 0, rnd);
    const req = decoded(sent(step)[0]!);
    const waiting = step.state;
    for (const forged of [allocateSuccess(req, longTermKey('lab', REALM, 'guess')), allocateSuccess(req, null)]) {
      const s = onDatagram(waiting, forged, 0, rnd);
      expect(only(s, 'ignored').reason).toMatch(/MESSAGE-INTEGRITY (invalid|absent)/);
      expect(s.state.allocation).toBe('requested');
    }
  });

  it('a wrong password: the second 401 ends it — "401 Unauthorized: wrong user or password"', () => {
    let step = allocate(fresh('nope'), 0, rnd);
    step = onDatagram(step.state, challenge(decoded(sent(step)[0]!), 401, 'n'), 0, rnd);
    step = onDatagram(step.state, challenge(decoded(sent(step)[0]!), 401, 'n2'), 0, rnd);
    const f = only(step, 'failed');
    expect(f).toMatchObject({ request: 'allocate', code: 401 });
    expect(describeFailure(f)).toBe('401 Unauthorized: wrong user or password');
    expect(sent(step)).toEqual([]);
    expect(step.state).toMatchObject({ allocation: 'failed', pending: [] });
  });

  it('438 Stale Nonce: again with the new nonce (twice at most), then the error', () => {
    let step = allocate(fresh(), 0, rnd);
    step = onDatagram(step.state, challenge(decoded(sent(step)[0]!), 401, 'old'), 0, rnd);
    for (const nonce of ['new-1', 'new-2']) {
      step = onDatagram(step.state, challenge(decoded(sent(step)[0]!), 438, nonce), 0, rnd);
      expect(only(step, 'challenged')).toMatchObject({ nonce, stale: true });
      const retry = decoded(sent(step)[0]!);
      expect(text(retry, ATTR.NONCE)).toBe(nonce);
      expect(checkIntegrity(retry, KEY)).toBe('valid');
    }
    step = onDatagram(step.state, challenge(decoded(sent(step)[0]!), 438, 'new-3'), 0, rnd);
    expect(describeFailure(only(step, 'failed'))).toBe('438 Stale Nonce: the server keeps rejecting our nonce');
  });

  it('other error codes are values with their names; a 401 without REALM says so', () => {
    let step = allocate(fresh(), 0, rnd);
    const req = decoded(sent(step)[0]!);
    const s = onDatagram(step.state, reply(req, 'error', [{ type: ATTR.ERROR_CODE, value: encodeErrorCode(401, '') }], null), 0, rnd);
    expect(describeFailure(only(s, 'failed'))).toBe('401 Unauthenticated: the server wants credentials but sent no REALM and NONCE');
    step = onDatagram(step.state, reply(req, 'error', [{ type: ATTR.ERROR_CODE, value: encodeErrorCode(486, 'Allocation Quota Reached') }], null), 0, rnd);
    expect(describeFailure(only(step, 'failed'))).toBe('486 Allocation Quota Reached: this user has as many allocations as the server allows');
  });

  it('no answer: RFC 8489 §6.2.1 retransmissions, then failed with no code', () => {
    let step = allocate(fresh(), 0, rnd);
    let sends = 1;
    for (let i = 0; i < 20 && step.state.pending.length; i++) {
      step = onTimer(step.state, only(step, 'timer').at);
      sends += sent(step).length;
    }
    expect(sends).toBe(7);
    expect(only(step, 'failed')).toMatchObject({ code: null, reason: 'no response' });
    expect(describeFailure(only(step, 'failed'))).toBe('no response: no response after 7 requests (RFC 8489 §6.2.1)');
    expect(step.state.allocation).toBe('failed');
  });

  it('a second Allocate while one is active is refused, nothing sent', () => {
    const { c } = allocated();
    const s = allocate(c, 0, rnd);
    expect(only(s, 'refused').reason).toMatch(/already allocated/);
    expect(sent(s)).toEqual([]);
  });
});

describe('permissions, channels and the data path', () => {
  it('sending before a permission is refused (the server would drop it silently)', () => {
    const { c } = allocated();
    expect(only(sendTo(c, PEER, new Uint8Array([1]), 0, rnd), 'refused').reason).toMatch(/no permission for 192\.0\.2\.44/);
  });

  it('CreatePermission carries XOR-PEER-ADDRESS (XORed with its own transaction ID) and credentials; then a Send indication goes out', () => {
    const { c } = allocated();
    let step = createPermission(c, [PEER], 0, rnd);
    const req = decoded(sent(step)[0]!);
    expect(req.method).toBe(METHOD.CREATE_PERMISSION);
    expect(decodeXorMappedAddress(findAttribute(req, TURN_ATTR.XOR_PEER_ADDRESS)!.value, req.transactionId)).toEqual(PEER);
    expect(checkIntegrity(req, KEY)).toBe('valid');
    step = onDatagram(step.state, reply(req, 'success', []), 1000, rnd);
    expect(only(step, 'permitted').peers).toEqual([PEER]);
    expect(step.state.permissions).toEqual({ '192.0.2.44': 301_000 });

    const send = sendTo(step.state, PEER, new TextEncoder().encode('hi'), 2000, rnd);
    const ind = decoded(sent(send)[0]!);
    expect([ind.method, ind.cls]).toEqual([METHOD.SEND, 'indication']);
    expect(decodeXorMappedAddress(findAttribute(ind, TURN_ATTR.XOR_PEER_ADDRESS)!.value, ind.transactionId)).toEqual(PEER);
    expect(findAttribute(ind, TURN_ATTR.DATA)!.value).toEqual(new TextEncoder().encode('hi'));
    expect(findAttribute(ind, ATTR.MESSAGE_INTEGRITY)).toBeUndefined();
    // §9: permissions last 300 s; after that the client refuses again.
    expect(only(sendTo(step.state, PEER, new Uint8Array([1]), 301_000, rnd), 'refused')).toBeDefined();
  });

  it('ChannelBind takes 0x4000 first, then 0x4001; data then goes as 4-byte-header ChannelData', () => {
    const { c } = allocated();
    let step = channelBind(c, PEER, 0, rnd);
    const req = decoded(sent(step)[0]!);
    expect(req.method).toBe(METHOD.CHANNEL_BIND);
    expect(decodeChannelNumber(findAttribute(req, TURN_ATTR.CHANNEL_NUMBER)!.value)).toBe(0x4000);
    expect(findAttribute(req, TURN_ATTR.CHANNEL_NUMBER)!.value).toEqual(new Uint8Array([0x40, 0, 0, 0]));
    step = onDatagram(step.state, reply(req, 'success', []), 0, rnd);
    expect(only(step, 'channel-bound')).toEqual({ type: 'channel-bound', peer: PEER, channel: 0x4000 });
    expect(only(channelBind(step.state, PEER, 0, rnd), 'refused').reason).toMatch(/already bound to channel 0x4000/);
    const other = { ...PEER, port: 5006 };
    expect(decodeChannelNumber(findAttribute(decoded(sent(channelBind(step.state, other, 0, rnd))[0]!), TURN_ATTR.CHANNEL_NUMBER)!.value)).toBe(0x4001);

    const out = sent(sendTo(step.state, PEER, new Uint8Array([1, 2, 3]), 0, rnd))[0]!;
    expect(out).toEqual(new Uint8Array([0x40, 0x00, 0x00, 0x03, 1, 2, 3]));
    expect(decodeChannelData(out)).toMatchObject({ ok: true, channel: 0x4000 });
  });

  it('data from the peer: a Data indication, or ChannelData on a bound channel (padded or not); an unbound channel is ignored', () => {
    const { c } = allocated();
    const tid = rnd(12);
    const dataInd = encodeSigned({
      method: METHOD.DATA,
      cls: 'indication',
      transactionId: tid,
      attributes: [
        { type: TURN_ATTR.XOR_PEER_ADDRESS, value: encodeXorMappedAddress(PEER, tid) },
        { type: TURN_ATTR.DATA, value: new Uint8Array([7, 8]) },
      ],
    });
    expect(only(onDatagram(c, dataInd, 0, rnd), 'data')).toEqual({ type: 'data', peer: PEER, data: new Uint8Array([7, 8]), via: 'data-indication' });
    expect(only(onDatagram(c, encodeChannelData(0x4000, new Uint8Array([1])), 0, rnd), 'ignored').reason).toMatch(/not bound/);

    let step = channelBind(c, PEER, 0, rnd);
    step = onDatagram(step.state, reply(decoded(sent(step)[0]!), 'success', []), 0, rnd);
    for (const pad of [false, true])
      expect(only(onDatagram(step.state, encodeChannelData(0x4000, new Uint8Array([5, 6, 7]), { pad }), 0, rnd), 'data')).toEqual({ type: 'data', peer: PEER, data: new Uint8Array([5, 6, 7]), via: 'channel' });
  });

  it('Refresh extends the lifetime; LIFETIME 0 deletes the allocation, its permissions and channels', () => {
    const { c } = allocated();
    let step = refresh(c, 1200, 5000, rnd);
    let req = decoded(sent(step)[0]!);
    expect(req.method).toBe(METHOD.REFRESH);
    expect(decodeLifetime(findAttribute(req, TURN_ATTR.LIFETIME)!.value)).toBe(1200);
    step = onDatagram(step.state, reply(req, 'success', [{ type: TURN_ATTR.LIFETIME, value: encodeLifetime(1200) }]), 5000, rnd);
    expect(only(step, 'refreshed').lifetime).toBe(1200);
    expect(step.state.expiresAt).toBe(1_205_000);

    step = createPermission(step.state, [PEER], 0, rnd);
    step = onDatagram(step.state, reply(decoded(sent(step)[0]!), 'success', []), 0, rnd);
    step = refresh(step.state, 0, 6000, rnd);
    req = decoded(sent(step)[0]!);
    expect(decodeLifetime(findAttribute(req, TURN_ATTR.LIFETIME)!.value)).toBe(0);
    step = onDatagram(step.state, reply(req, 'success', [{ type: TURN_ATTR.LIFETIME, value: encodeLifetime(0) }]), 6000, rnd);
    expect(step.outputs[0]).toEqual({ type: 'deleted' });
    expect(step.state).toMatchObject({ allocation: 'deleted', permissions: {}, channels: {} });
    expect(step.state.expiresAt).toBeUndefined();
    expect(only(sendTo(step.state, PEER, new Uint8Array([1]), 6000, rnd), 'refused')).toBeDefined();
    expect(only(refresh(step.state, 600, 6000, rnd), 'refused')).toBeDefined();
  });

  it('the state stays plain data (structuredClone keeps it equal)', () => {
    const { c } = allocated();
    const step = channelBind(c, PEER, 0, rnd);
    expect(structuredClone(step.state)).toEqual(step.state);
  });

  it('stray datagrams are ignored: not STUN, a response to nothing, an indication of another method', () => {
    const { c, second } = allocated();
    expect(only(onDatagram(c, new Uint8Array([0x80, 1, 2, 3]), 0, rnd), 'ignored')).toBeDefined();
    expect(only(onDatagram(c, allocateSuccess(second), 0, rnd), 'ignored').reason).toMatch(/no pending request/);
    const tid = rnd(12);
    expect(only(onDatagram(c, encodeSigned({ method: METHOD.SEND, cls: 'indication', transactionId: tid, attributes: [] }), 0, rnd), 'ignored')).toBeDefined();
  });
});
