/**
 * How an observer reads OTR bodies. It follows the public DH keys of each conversation on the wire,
 * as anyone can — g^y from the D-H Key, g^x once the Reveal Signature discloses r (both key id 1), and
 * next_dh in every data message (key id sender+1) — and opens a data message only when it holds the
 * private half of the sender's or the recipient's key: then it derives the session keys
 * (lib/otr/keys.ts) and opens it with the recipient's own code (decryptDataMessage).
 * @module
 */
import { otrAesCtr } from '../crypto/otr-aes-ctr';
import { CodecError, dearmor, Reader } from '../otr/codec';
import { decryptDataMessage, parseDataMessage, type DataMessageFields, type ReceivingKeys } from '../otr/data-message';
import { dhSharedSecret } from '../otr/dh';
import { deriveSessionKeys } from '../otr/keys';
import { classify } from '../otr/query';
import { decodePlaintext } from '../otr/tlv';
import { MSG_DATA, MSG_DH_COMMIT, MSG_DH_KEY, MSG_REVEAL_SIGNATURE, MSG_SIGNATURE, readHeader } from '../otr/wire';
import type { E2eKeys } from './scheme';

export type OtrReadKind = 'otr-query' | 'otr-dh-commit' | 'otr-dh-key' | 'otr-reveal-signature' | 'otr-signature' | 'otr-data' | 'otr-error' | 'otr-other';

export interface OtrReading {
  kind: OtrReadKind;
  keys?: string;
  content: string | null;
}

/** Public DH keys per (owner, correspondent), by key id; D-H Commits waiting for their r. */
export interface OtrWireState {
  pubs: Map<string, Map<number, bigint>>;
  commits: Map<string, Uint8Array>;
}

export const newOtrWireState = (): OtrWireState => ({ pubs: new Map(), commits: new Map() });

const pair = (owner: string, other: string): string => `${owner}\u0000${other}`;

function setPub(w: OtrWireState, owner: string, other: string, keyid: number, pub: bigint, fresh: boolean): void {
  const k = pair(owner, other);
  if (fresh || !w.pubs.has(k)) w.pubs.set(k, new Map());
  w.pubs.get(k)!.set(keyid, pub);
}

const AKE_KIND: Record<number, OtrReadKind> = {
  [MSG_DH_COMMIT]: 'otr-dh-commit',
  [MSG_DH_KEY]: 'otr-dh-key',
  [MSG_REVEAL_SIGNATURE]: 'otr-reveal-signature',
  [MSG_SIGNATURE]: 'otr-signature',
};

/** Read one body sent from `from` to `to` (bare JIDs); null when it is not OTR. */
export function readOtrBody(w: OtrWireState, keys: E2eKeys, from: string, to: string, body: string): OtrReading | null {
  switch (classify(body)) {
    case 'query':
      return { kind: 'otr-query', content: null };
    case 'error':
      return { kind: 'otr-error', content: null };
    case 'fragment':
      return { kind: 'otr-other', content: null };
    case 'plaintext':
      return null;
    case 'encoded':
      break;
  }
  const bin = dearmor(body);
  if (!bin) return { kind: 'otr-other', content: null };
  try {
    const r = new Reader(bin);
    const h = readHeader(r);
    switch (h.type) {
      case MSG_DH_COMMIT:
        w.commits.set(pair(from, to), r.data());
        break;
      case MSG_DH_KEY:
        setPub(w, from, to, 1, r.mpi(), true);
        break;
      case MSG_REVEAL_SIGNATURE: {
        const enc = w.commits.get(pair(from, to));
        if (enc) setPub(w, from, to, 1, new Reader(otrAesCtr(r.data(), enc)).mpi(), true);
        break;
      }
      case MSG_DATA: {
        const m = parseDataMessage(h, r);
        const content = openData(w, keys, from, to, m);
        setPub(w, from, to, m.senderKeyid + 1, m.nextDh, false);
        return { kind: 'otr-data', keys: `${m.senderKeyid}/${m.recipientKeyid}`, content };
      }
    }
    return { kind: AKE_KIND[h.type] ?? 'otr-other', content: null };
  } catch (e) {
    if (e instanceof CodecError) return { kind: 'otr-other', content: null };
    throw e;
  }
}

/**
 * The text of a data message if the keyring holds one side's private DH key. The sender's sending
 * keys are the recipient's receiving keys, so either side's key opens it the one way a recipient
 * does (lib/otr/data-message.ts decryptDataMessage: MAC first; an observer keeps no counters).
 */
function openData(w: OtrWireState, keys: E2eKeys, from: string, to: string, m: DataMessageFields): string | null {
  const senderPub = w.pubs.get(pair(from, to))?.get(m.senderKeyid);
  const recipientPub = w.pubs.get(pair(to, from))?.get(m.recipientKeyid);
  if (senderPub === undefined || recipientPub === undefined) return null;
  const senderPriv = keys.dh.get(senderPub.toString(16));
  const recipientPriv = keys.dh.get(recipientPub.toString(16));
  let receiving: ReceivingKeys;
  if (senderPriv !== undefined) {
    const k = deriveSessionKeys(dhSharedSecret({ priv: senderPriv, pub: senderPub }, recipientPub), senderPub, recipientPub);
    receiving = { rcvenc: k.sendenc, rcvmac: k.sendmac };
  } else if (recipientPriv !== undefined) {
    receiving = deriveSessionKeys(dhSharedSecret({ priv: recipientPriv, pub: recipientPub }, senderPub), recipientPub, senderPub);
  } else {
    return null;
  }
  const opened = decryptDataMessage(receiving, m, null);
  return opened.ok ? decodePlaintext(opened.plaintext).text : null;
}
