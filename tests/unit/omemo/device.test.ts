/**
 * lib/omemo/device.ts between our own devices: the session manager's behaviour that the interop
 * tests then check against python-omemo (first message with key exchange, the key exchange repeated
 * until confirmed, empty messages, DH steps, skipped keys, multi-device, replay, tamper, trust).
 */
import { describe, expect, it } from 'vitest';
import { utf8, utf8Decode } from '../../../lib/bytes/hex';
import {
  addBundle,
  createDevice,
  decryptMessage,
  encryptMessage,
  isOmemoError,
  ownBundle,
  updateDeviceList,
  type DecryptResult,
  type OmemoDevice,
} from '../../../lib/omemo/device';
import { fingerprint } from '../../../lib/omemo/keys';
import { MAX_SKIPPED } from '../../../lib/omemo/ratchet';
import { trustOf, verifyByFingerprint } from '../../../lib/omemo/trust';
import { encryptedToXml, parseEncrypted, type OmemoEncrypted } from '../../../lib/omemo/xml';
import { randomBytes, seedRng } from '../../../lib/sim/rng';
import { plainDataProblems } from '../../helpers/plain-data';

const rng = seedRng('omemo-device-test');
const random = (n: number) => randomBytes(rng, n);

/** Every device learns every device's list and bundle, as PEP +notify would deliver them. */
function network(...devs: OmemoDevice[]): void {
  for (const d of devs)
    for (const o of devs) {
      if (o === d) continue;
      addBundle(d, o.jid, o.deviceId, ownBundle(o));
    }
}

function send(from: OmemoDevice, to: string[], text: string | null): OmemoEncrypted {
  const r = encryptMessage(from, to, text === null ? null : utf8(text), random);
  if (isOmemoError(r)) throw new Error(r.error);
  // through the XML and back, as on the wire
  const back = parseEncrypted(encryptedToXml(r.message));
  if ('error' in back) throw new Error(back.error);
  return back;
}

function open(to: OmemoDevice, from: OmemoDevice, m: OmemoEncrypted): DecryptResult {
  const r = decryptMessage(to, from.jid, m, random);
  if (isOmemoError(r)) throw new Error(`${r.kind}: ${r.error}`);
  return r;
}

const text = (r: DecryptResult) => (r.plaintext ? utf8Decode(r.plaintext) : null);
const kexFor = (m: OmemoEncrypted, d: OmemoDevice) => m.keys.find((k) => k.rid === d.deviceId)?.kex;

describe('omemo device', () => {
  it('first message with key exchanges to all devices; the key exchange repeats until the empty reply confirms it', () => {
    const a1 = createDevice({ jid: 'alice@example.org', label: 'A1' }, random);
    const a2 = createDevice({ jid: 'alice@example.org', label: 'A2' }, random);
    const b1 = createDevice({ jid: 'bob@example.org' }, random);
    const b2 = createDevice({ jid: 'bob@example.org' }, random);
    network(a1, a2, b1, b2);
    const m1 = send(a1, ['bob@example.org'], 'hello');
    expect(m1.keys.map((k) => [k.jid, k.rid === a2.deviceId || k.rid === b1.deviceId || k.rid === b2.deviceId, k.kex])).toEqual([
      ['alice@example.org', true, true],
      ['bob@example.org', true, true],
      ['bob@example.org', true, true],
    ]);
    const pk = b1.preKeys.length;
    const r1 = open(b1, a1, m1);
    expect(text(r1)).toBe('hello');
    expect(r1.keyExchange && r1.publishBundle).toBe(true);
    expect(b1.preKeys.length).toBe(pk); // used pre key replaced
    expect(r1.reply?.payload).toBeNull();
    // a second message before the reply arrives still carries the same key exchange
    const m2 = send(a1, ['bob@example.org'], 'second');
    expect(kexFor(m2, b1)).toBe(true);
    expect(text(open(b1, a1, m2))).toBe('second'); // same session, not rebuilt
    // the empty message confirms the session: no key exchange to b1 any more
    expect(open(a1, b1, r1.reply!).plaintext).toBeNull();
    const m3 = send(a1, ['bob@example.org'], 'third');
    expect(kexFor(m3, b1)).toBe(false);
    expect(kexFor(m3, b2)).toBe(true);
    expect(text(open(b1, a1, m3))).toBe('third');
    expect(text(open(a2, a1, m3))).toBe('third'); // own other device
    expect(plainDataProblems(b1)).toEqual([]);
  });

  it('replies both ways are DH steps; out of order within a chain and across a DH step', () => {
    const a = createDevice({ jid: 'alice@example.org' }, random);
    const b = createDevice({ jid: 'bob@example.org' }, random);
    network(a, b);
    const x0 = send(a, ['bob@example.org'], 'x0');
    open(a, b, open(b, a, x0).reply!);
    const x1 = send(a, ['bob@example.org'], 'x1');
    const x2 = send(a, ['bob@example.org'], 'x2');
    const y = send(b, ['alice@example.org'], 'y');
    // y rides on the chain of bob's empty reply, which already made alice step: no new DH step
    expect(open(a, b, y).dhStep).toBe(false);
    const z = send(a, ['bob@example.org'], 'z');
    const rz = open(b, a, z); // z first: pn tells bob that x1, x2 are missing
    expect(text(rz)).toBe('z');
    expect(rz.dhStep).toBe(true);
    expect(text(open(b, a, x2))).toBe('x2');
    expect(text(open(b, a, x1))).toBe('x1');
    // replay is refused and changes nothing
    const replay = decryptMessage(b, a.jid, x1, random);
    expect(isOmemoError(replay) && replay.kind).toBe('decryption-failed');
    const again = send(a, ['bob@example.org'], 'after');
    expect(text(open(b, a, again))).toBe('after');
  });

  it('tampering with the key, the payload or the header is refused', () => {
    const a = createDevice({ jid: 'alice@example.org' }, random);
    const b = createDevice({ jid: 'bob@example.org' }, random);
    network(a, b);
    const m = send(a, ['bob@example.org'], 'original');
    const flip = (b: Uint8Array, i: number) => {
      const c = b.slice();
      c[i]! ^= 1;
      return c;
    };
    const badPayload = { ...m, payload: flip(m.payload!, 3) };
    expect(decryptMessage(b, a.jid, badPayload, random)).toMatchObject({ kind: 'decryption-failed' });
    const k = m.keys.find((x) => x.rid === b.deviceId)!;
    const badKey = { ...m, keys: [{ ...k, data: flip(k.data, k.data.length - 5) }] };
    expect(isOmemoError(decryptMessage(b, a.jid, badKey, random))).toBe(true);
    // the untouched message still decrypts: nothing was committed
    expect(text(open(b, a, m))).toBe('original');
  });

  it(`more than ${MAX_SKIPPED} skipped keys within a chain is refused`, () => {
    const a = createDevice({ jid: 'alice@example.org' }, random);
    const b = createDevice({ jid: 'bob@example.org' }, random);
    network(a, b);
    open(a, b, open(b, a, send(a, ['bob@example.org'], 'start')).reply!);
    for (let i = 0; i < MAX_SKIPPED + 1; i++) send(a, ['bob@example.org'], null);
    const late = send(a, ['bob@example.org'], 'too late');
    expect(decryptMessage(b, a.jid, late, random)).toMatchObject({ kind: 'decryption-failed' });
  });

  it('trust: BTBV until a key is verified; then a new device stays undecided; a wrong fingerprint distrusts', () => {
    const a = createDevice({ jid: 'alice@example.org' }, random);
    const b1 = createDevice({ jid: 'bob@example.org' }, random);
    network(a, b1);
    const first = encryptMessage(a, ['bob@example.org'], utf8('hi'), random);
    expect(isOmemoError(first)).toBe(false);
    if (!isOmemoError(first)) expect(first.decisions.map((d) => d.level)).toEqual(['blindly-trusted']);
    expect(verifyByFingerprint(a.trust, b1.jid, b1.identity.edPub, fingerprint(b1.identity.edPub).toUpperCase())).toBe('verified');
    // the server adds a device of its own to bob's list
    const evil = createDevice({ jid: 'bob@example.org' }, random);
    updateDeviceList(a, 'bob@example.org', [{ id: b1.deviceId, label: null }, { id: evil.deviceId, label: 'evil' }]);
    addBundle(a, evil.jid, evil.deviceId, ownBundle(evil));
    const r = encryptMessage(a, ['bob@example.org'], utf8('secret'), random);
    expect(isOmemoError(r) && r.kind).toBe('still-undecided');
    expect(verifyByFingerprint(a.trust, evil.jid, evil.identity.edPub, fingerprint(b1.identity.edPub))).toBe('distrusted');
    const r2 = encryptMessage(a, ['bob@example.org'], utf8('secret'), random);
    expect(isOmemoError(r2)).toBe(false);
    if (!isOmemoError(r2)) expect(r2.message.keys.map((k) => k.rid)).toEqual([b1.deviceId]);
    expect(trustOf(a.trust, evil.jid, evil.identity.edPub)).toBe('distrusted');
  });

  it('manual policy refuses undecided recipients; distrusted senders are not read', () => {
    const a = createDevice({ jid: 'alice@example.org', policy: 'manual' }, random);
    const b = createDevice({ jid: 'bob@example.org' }, random);
    network(a, b);
    expect(encryptMessage(a, ['bob@example.org'], utf8('x'), random)).toMatchObject({ kind: 'still-undecided' });
    // an undecided sender is read (python-omemo's rule)
    expect(text(open(a, b, send(b, ['alice@example.org'], 'to alice')))).toBe('to alice');
    // a fingerprint that does not match distrusts the key: its messages are refused
    expect(verifyByFingerprint(a.trust, b.jid, b.identity.edPub, '00')).toBe('distrusted');
    expect(decryptMessage(a, b.jid, send(b, ['alice@example.org'], 'again'), random)).toMatchObject({ kind: 'sender-distrusted' });
  });

  it('a message without our key, from an unknown device, or without a session is an error value', () => {
    const a = createDevice({ jid: 'alice@example.org' }, random);
    const b = createDevice({ jid: 'bob@example.org' }, random);
    const c = createDevice({ jid: 'carol@example.org' }, random);
    network(a, b);
    const m = send(a, ['bob@example.org'], 'hi');
    expect(decryptMessage(c, a.jid, m, random)).toMatchObject({ kind: 'message-not-for-us' });
    expect(decryptMessage(b, 'mallory@example.org', m, random)).toMatchObject({ kind: 'sender-not-found' });
    const k = m.keys[0]!;
    expect(k.kex).toBe(true);
    // strip the key exchange: bob has no session
    const inner = open(b, a, m);
    expect(text(inner)).toBe('hi');
    const b2 = createDevice({ jid: 'bob@example.org', deviceId: b.deviceId }, random);
    network(a, b2);
    const next = send(a, ['bob@example.org'], 'hi again');
    const nk = next.keys.find((x) => x.rid === b2.deviceId)!;
    expect(nk.kex).toBe(true); // not confirmed yet
    expect(decryptMessage(b2, a.jid, { ...next, keys: [{ ...nk, kex: false }] }, random)).toMatchObject({ kind: expect.any(String) });
  });
});
