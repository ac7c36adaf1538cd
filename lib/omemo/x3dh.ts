/**
 * X3DH (Signal's "The X3DH Key Agreement Protocol", §3.3 and §3.4) as python-x3dh 1.0.3 runs it for
 * python-twomemo (`StateImpl`: SHA-256, info "OMEMO X3DH", Ed25519 identity keys):
 *
 *   "If the bundle does not contain a one-time prekey, … " — twomemo requires one: a bundle without
 *   pre keys is refused, and so is a key exchange without one.
 *   DH1 = DH(IK_A, SPK_B)   DH2 = DH(EK_A, IK_B)   DH3 = DH(EK_A, SPK_B)   DH4 = DH(EK_A, OPK_B)
 *   SK = KDF(DH1 ‖ DH2 ‖ DH3 ‖ DH4)
 *   "Alice then calculates an 'associated data' byte sequence AD that contains identity information
 *   for both parties: AD = Encode(IK_A) ‖ Encode(IK_B)" — Encode is the 32-byte Ed25519 key, and A
 *   is always the party that actively initiated (twomemo uses this AD in both directions).
 * @module
 */
import { concat } from '../bytes/hex';
import { x3dhSecret } from './kdf';
import { dh, edToX25519, verifySpkSignature, x25519Pair, type IdentityKey, type X25519KeyPair } from './keys';

/** What a bundle (`<bundle xmlns="urn:xmpp:omemo:2">`) carries. */
export interface Bundle {
  ik: Uint8Array;
  spkId: number;
  spk: Uint8Array;
  spks: Uint8Array;
  preKeys: { id: number; pk: Uint8Array }[];
}

/** The key exchange fields of OMEMOKeyExchange (besides the first ratchet message). */
export interface KeyExchangeHeader {
  ik: Uint8Array;
  ek: Uint8Array;
  spkId: number;
  pkId: number;
}

export interface X3dhActiveResult {
  sk: Uint8Array;
  ad: Uint8Array;
  header: KeyExchangeHeader;
  /** the responder's SPK: the initiator's first ratchet step is against it */
  spk: Uint8Array;
}

/**
 * The initiator's side ("Sending the initial message", §3.3). `pkIndex` picks the one-time pre key
 * (python: `secrets.choice`), `ekPriv` is the fresh ephemeral private key.
 */
export function x3dhActive(own: IdentityKey, bundle: Bundle, pkIndex: number, ekPriv: Uint8Array): X3dhActiveResult | { error: string } {
  if (bundle.preKeys.length === 0) return { error: 'this bundle does not contain a pre key' };
  // "Alice verifies the prekey signature and aborts the protocol if verification fails."
  if (!verifySpkSignature(bundle.ik, bundle.spk, bundle.spks)) return { error: 'the signature of the signed pre key could not be verified' };
  const pk = bundle.preKeys[pkIndex % bundle.preKeys.length]!;
  const ek = x25519Pair(ekPriv);
  const ikB = edToX25519(bundle.ik);
  const sk = x3dhSecret([dh(own.xPriv, bundle.spk), dh(ek.priv, ikB), dh(ek.priv, bundle.spk), dh(ek.priv, pk.pk)]);
  return {
    sk,
    ad: concat(own.edPub, bundle.ik),
    header: { ik: own.edPub, ek: ek.pub, spkId: bundle.spkId, pkId: pk.id },
    spk: bundle.spk,
  };
}

/** The responder's side ("Receiving the initial message", §3.4), with the SPK and pre key its ids name. */
export function x3dhPassive(own: IdentityKey, header: KeyExchangeHeader, spk: X25519KeyPair, pk: X25519KeyPair): { sk: Uint8Array; ad: Uint8Array } {
  const ikA = edToX25519(header.ik);
  const sk = x3dhSecret([dh(spk.priv, ikA), dh(own.xPriv, header.ek), dh(spk.priv, header.ek), dh(pk.priv, header.ek)]);
  return { sk, ad: concat(header.ik, own.edPub) };
}
