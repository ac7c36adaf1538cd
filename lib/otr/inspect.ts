/**
 * Dissect any text an OTR client might see into named fields, for the inspector and the lessons —
 * the same fields libotr's `otr_parse` prints (OTR v3 spec, "Encoded messages" and "Fragmentation"):
 * query / whitespace tag / error / fragment / D-H Commit / D-H Key / Reveal Signature / Signature /
 * Data Message (flags, keyids, next DH y, counter, ciphertext, MAC, revealed MAC keys).
 * Never throws: what cannot be read is reported as `malformed`.
 * @module
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { CodecError, dearmor, Reader } from './codec';
import { parseDataMessage } from './data-message';
import { parseFragment } from './fragment';
import { classify, parseError, parseQuery, stripWhitespaceTag, type OfferedVersions } from './query';
import {
  MSG_DATA,
  MSG_DH_COMMIT,
  MSG_DH_KEY,
  MSG_REVEAL_SIGNATURE,
  MSG_SIGNATURE,
  messageTypeName,
  readHeader,
  type MessageHeader,
} from './wire';

export type Dissection =
  | { kind: 'plaintext'; text: string; whitespaceTag: OfferedVersions | null }
  | { kind: 'query'; offered: OfferedVersions }
  | { kind: 'error'; error: string }
  | { kind: 'fragment'; version: 2 | 3; senderInstance: number; receiverInstance: number; k: number; n: number; piece: string }
  | { kind: 'malformed'; reason: string }
  | {
      kind: 'encoded';
      header: MessageHeader;
      typeName: string;
      /** hex of each field, in wire order (MPIs as unsigned big-endian hex) */
      fields: { name: string; value: string | number | string[] }[];
    };

const h = bytesToHex;
const bigHex = (n: bigint) => n.toString(16);

export function dissect(text: string): Dissection {
  switch (classify(text)) {
    case 'fragment': {
      const f = parseFragment(text);
      return f ? { kind: 'fragment', ...f } : { kind: 'malformed', reason: 'unreadable fragment' };
    }
    case 'error':
      return { kind: 'error', error: parseError(text) ?? '' };
    case 'query':
      return { kind: 'query', offered: parseQuery(text)! };
    case 'plaintext': {
      const t = stripWhitespaceTag(text);
      return { kind: 'plaintext', text: t ? t.text : text, whitespaceTag: t ? t.offered : null };
    }
    case 'encoded':
      break;
  }
  const bin = dearmor(text);
  if (!bin) return { kind: 'malformed', reason: 'bad base64 or missing "."' };
  try {
    const r = new Reader(bin);
    const header = readHeader(r);
    const fields: { name: string; value: string | number | string[] }[] = [];
    switch (header.type) {
      case MSG_DH_COMMIT:
        fields.push({ name: 'Encrypted gx', value: h(r.data()) }, { name: 'Hashed gx', value: h(r.data()) });
        break;
      case MSG_DH_KEY:
        fields.push({ name: 'gy', value: bigHex(r.mpi()) });
        break;
      case MSG_REVEAL_SIGNATURE:
        fields.push(
          { name: 'Revealed key (r)', value: h(r.data()) },
          { name: 'Encrypted signature', value: h(r.data()) },
          { name: "MAC'd signature", value: h(r.mac()) },
        );
        break;
      case MSG_SIGNATURE:
        fields.push({ name: 'Encrypted signature', value: h(r.data()) }, { name: "MAC'd signature", value: h(r.mac()) });
        break;
      case MSG_DATA: {
        const m = parseDataMessage(header, r);
        fields.push(
          { name: 'Flags', value: m.flags },
          { name: 'Sender keyid', value: m.senderKeyid },
          { name: 'Rcpt keyid', value: m.recipientKeyid },
          { name: 'DH y (next)', value: bigHex(m.nextDh) },
          { name: 'Counter', value: h(m.ctr) },
          { name: 'Encrypted message', value: h(m.encrypted) },
          { name: 'MAC', value: h(m.mac) },
          { name: 'Revealed MAC keys', value: m.oldMacKeys.map(h) },
        );
        break;
      }
      default:
        return { kind: 'malformed', reason: `unknown message type ${header.type}` };
    }
    if (header.type !== MSG_DATA) r.end();
    return { kind: 'encoded', header, typeName: messageTypeName(header.type), fields };
  } catch (e) {
    if (e instanceof CodecError) return { kind: 'malformed', reason: e.message };
    throw e;
  }
}
