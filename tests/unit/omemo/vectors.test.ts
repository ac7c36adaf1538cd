/**
 * The 29 known-answer vectors of python-twomemo 1.0.3 (tests/fixtures/omemo-twomemo-vectors.json,
 * made by ../shared/interop/omemo/omemo_vectors.py from python-twomemo's own classes on fixed
 * inputs), recomputed byte for byte by lib/omemo.
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../../../lib/bytes/hex';
import { openPayload, sealPayload } from '../../../lib/omemo/aead';
import { kdfMessageChain, kdfRootChain } from '../../../lib/omemo/kdf';
import { edToX25519, identityFromSeed, makeSignedPreKey, verifySpkSignature, x25519Pair } from '../../../lib/omemo/keys';
import { encodeAuthenticatedMessage, encodeKeyExchange, encodeOmemoMessage, decodeAuthenticatedMessage, decodeKeyExchange, isDecodeError } from '../../../lib/omemo/protobuf';
import { initActive, initPassive, ratchetDecrypt, ratchetEncrypt } from '../../../lib/omemo/ratchet';
import { x3dhActive, x3dhPassive } from '../../../lib/omemo/x3dh';
import V from '../../fixtures/omemo-twomemo-vectors.json';

const I = V.in;
const O = V.out;
const h = fromHex;
const hex = (b: Uint8Array) => toHex(b);

const alice = identityFromSeed(h(I.alice_ik_seed));
const bob = identityFromSeed(h(I.bob_ik_seed));
const bobSpk = makeSignedPreKey(bob, I.kex_ids.spk_id, h(I.bob_spk_priv));
const bobPk = { id: I.kex_ids.pk_id, ...x25519Pair(h(I.bob_pk_priv)) };
const pythonBundle = {
  ik: h(O.bob_bundle.ik),
  spkId: 1,
  spk: h(O.bob_bundle.spk),
  spks: h(O.bob_bundle.spks),
  preKeys: [{ id: 1, pk: h(O.bob_bundle.pk) }],
};

/** Runs the whole exchange of the vectors, returning every intermediate value. */
function conversation() {
  const x = x3dhActive(alice, pythonBundle, 0, h(I.alice_ek_priv));
  if ('error' in x) throw new Error(x.error);
  const a = initActive(x.sk, x.spk, h(I.alice_ratchet_priv_0));
  const m1 = ratchetEncrypt(a, h(I.dr_plaintext_1), x.ad);
  const kex = encodeKeyExchange({ ...x.header, message: decodeAuthenticatedMessage(m1.message) as never });
  // bob: X3DH passive from the key exchange, then the passive ratchet and the first message
  const p = x3dhPassive(bob, x.header, bobSpk, bobPk);
  const b = initPassive(p.sk, bobSpk, m1.header.dhPub, h(I.bob_ratchet_priv_0));
  const d1 = ratchetDecrypt(b, m1.header, m1.message, p.ad, () => {
    throw new Error('no DH step expected');
  });
  if ('error' in d1) throw new Error(d1.error);
  const m2 = ratchetEncrypt(d1.state, h(I.dr_plaintext_2), p.ad);
  const d2 = ratchetDecrypt(a, m2.header, m2.message, x.ad, () => h(I.alice_ratchet_priv_1));
  if ('error' in d2) throw new Error(d2.error);
  const m3 = ratchetEncrypt(d2.state, h(I.dr_plaintext_3), x.ad);
  return { x, p, m1, kex, d1, m2, d2, m3, aliceAfter: d2.state };
}

describe('omemo: python-twomemo 1.0.3 known-answer vectors', () => {
  const c = conversation();

  it('1 KDF_RK = HKDF-SHA256(salt=rk, ikm=dh_out, "OMEMO Root Chain", 64)', () => {
    const r = kdfRootChain(h(I.kdf_rk.rk), h(I.kdf_rk.dh_out));
    expect(hex(r.rootKey) + hex(r.chainKey)).toBe(O.kdf_rk);
  });
  it('2 KDF_CK = HMAC(ck, 02) ‖ HMAC(ck, 01)', () => {
    const r = kdfMessageChain(h(I.kdf_ck.ck));
    expect(hex(r.chainKey) + hex(r.messageKey)).toBe(O.kdf_ck);
  });
  for (const [who, id] of [['alice', alice], ['bob', bob]] as const) {
    it(`3–8 ${who}: Ed25519 public key, X25519 private (libsodium sk_to_curve25519) and public`, () => {
      expect(hex(id.edPub)).toBe(O[`${who}_ik_ed25519_pub`]);
      expect(hex(id.xPriv)).toBe(O[`${who}_ik_x25519_priv`]);
      expect(hex(edToX25519(id.edPub))).toBe(O[`${who}_ik_x25519_pub`]);
      // the birational map agrees with X25519 of the converted private key
      expect(hex(x25519.getPublicKey(id.xPriv))).toBe(O[`${who}_ik_x25519_pub`]);
    });
  }
  it('9 RFC 8032 Ed25519 signature equals xeddsa.ed25519_seed_sign', () => {
    expect(hex(ed25519.sign(utf8('OMEMO'), bob.seed))).toBe(O.bob_rfc8032_sig_of_OMEMO);
  });
  it('10–11 SPK and pre key public keys', () => {
    expect(hex(bobSpk.pub)).toBe(O.bob_bundle.spk);
    expect(hex(bobPk.pub)).toBe(O.bob_bundle.pk);
  });
  it("12 python's random-nonce SPK signature verifies; ours verifies; a flipped bit does not", () => {
    expect(verifySpkSignature(h(O.bob_bundle.ik), h(O.bob_bundle.spk), h(O.bob_bundle.spks))).toBe(true);
    expect(verifySpkSignature(bob.edPub, bobSpk.pub, bobSpk.sig)).toBe(true);
    const bad = h(O.bob_bundle.spks);
    bad[5]! ^= 1;
    expect(verifySpkSignature(h(O.bob_bundle.ik), h(O.bob_bundle.spk), bad)).toBe(false);
  });
  it('13 ephemeral key', () => expect(hex(c.x.header.ek)).toBe(O.x3dh.ek_pub));
  it('14 X3DH SK (both sides)', () => {
    expect(hex(c.x.sk)).toBe(O.x3dh.shared_secret);
    expect(hex(c.p.sk)).toBe(O.x3dh.shared_secret);
  });
  it('15 AD = IK_A ‖ IK_B (Ed25519), the same on both sides', () => {
    expect(hex(c.x.ad)).toBe(O.x3dh.associated_data);
    expect(hex(c.p.ad)).toBe(O.x3dh.associated_data);
  });
  it('16 message 1: dh_pub is a fresh ratchet key, not EK; header n=0 pn=0', () => {
    expect(hex(c.m1.header.dhPub)).toBe(O.dr_message_1.header.dh_pub);
    expect(c.m1.header.dhPub).not.toEqual(c.x.header.ek);
    expect([c.m1.header.pn, c.m1.header.n]).toEqual([O.dr_message_1.header.pn, O.dr_message_1.header.n]);
  });
  it('17 message 1 OMEMOAuthenticatedMessage bytes', () => expect(hex(c.m1.message)).toBe(O.dr_message_1.OMEMOAuthenticatedMessage));
  it('18 OMEMOKeyExchange bytes', () => expect(hex(c.kex)).toBe(O.OMEMOKeyExchange_1));
  it('19 bob decrypts message 1; message 2 (after passive init) bytes and header', () => {
    expect(hex(c.d1.plaintext)).toBe(I.dr_plaintext_1);
    expect(hex(c.m2.header.dhPub)).toBe(O.dr_message_2_bob.header.dh_pub);
    expect(hex(c.m2.message)).toBe(O.dr_message_2_bob.OMEMOAuthenticatedMessage);
  });
  it('20 message 3 header pn=1 after the DH step', () => {
    expect(c.d2.dhStep).toBe(true);
    expect(hex(c.d2.plaintext)).toBe(I.dr_plaintext_2);
    expect(c.m3.header).toMatchObject({ pn: O.dr_message_3_alice.header.pn, n: O.dr_message_3_alice.header.n });
    expect(hex(c.m3.header.dhPub)).toBe(O.dr_message_3_alice.header.dh_pub);
  });
  it('21 message 3 bytes', () => expect(hex(c.m3.message)).toBe(O.dr_message_3_alice.OMEMOAuthenticatedMessage));
  it('22–24 alice root, sending and receiving chain keys after message 3', () => {
    expect(hex(c.aliceAfter.rootKey)).toBe(O.alice_state_after_3.root_key);
    expect(hex(c.aliceAfter.sendChainKey)).toBe(O.alice_state_after_3.sending_chain_key);
    expect(hex(c.aliceAfter.recvChainKey!)).toBe(O.alice_state_after_3.receiving_chain_key);
  });
  it('25–26 payload: AES-256-CBC with HKDF "OMEMO Payload", tag = HMAC(ak, ct)[0:16]', () => {
    const p = sealPayload(h(I.payload_key), utf8(I.payload_plaintext));
    expect(hex(p.ciphertext)).toBe(O.payload.ciphertext);
    expect(hex(p.keyAndTag)).toBe(O.payload.key_material_48);
    expect(hex(p.keyAndTag.subarray(32))).toBe(O.payload.auth_tag);
    const back = openPayload(p.keyAndTag, p.ciphertext);
    expect(back instanceof Uint8Array && new TextDecoder().decode(back)).toBe(I.payload_plaintext);
  });
  it('27–29 protobuf: n=0 pn=0 header, n=300 varint, OMEMOAuthenticatedMessage', () => {
    const d = new Uint8Array(32).fill(0x11);
    expect(hex(encodeOmemoMessage({ n: 0, pn: 0, dhPub: d }))).toBe(O.pb_OMEMOMessage_n0_pn0_header_only);
    expect(hex(encodeOmemoMessage({ n: 300, pn: 5, dhPub: d, ciphertext: new Uint8Array(16).fill(0x22) }))).toBe(O.pb_OMEMOMessage_n300_pn5_ct);
    expect(hex(encodeAuthenticatedMessage({ mac: new Uint8Array(16).fill(0x33), message: new Uint8Array(3).fill(0x44) }))).toBe(O.pb_OMEMOAuthenticatedMessage);
  });
  it('the key exchange decodes back to its fields', () => {
    const k = decodeKeyExchange(c.kex);
    expect(isDecodeError(k)).toBe(false);
    if (!isDecodeError(k)) expect([k.pkId, k.spkId, hex(k.ik), hex(k.ek)]).toEqual([1, 1, O.alice_ik_ed25519_pub, O.x3dh.ek_pub]);
  });
});
