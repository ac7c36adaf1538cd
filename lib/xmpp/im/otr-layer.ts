/**
 * The 'otr' wire layer of a message body that is OTR: its label (what kind of OTR message, and for
 * data messages the key ids, the counter and how many MAC keys it reveals) and, for data messages,
 * the name of the key needed to open it. The sending client and every server that relays the stanza
 * describe it the same way, from the OTR text alone (lib/otr/inspect.ts).
 * @module
 */
import { dissect } from '../../otr/inspect';
import { child, text, type XmlElement } from '../../xml/element';
import type { WirePiece } from '../wire';
import { bareOf as bare } from '../jid';

/** The key a Data Message needs, named by sender → recipient (bare JIDs) and their key ids. */
function otrKeyName(sender: string, recipient: string, senderKeyid: number, recipientKeyid: number): string {
  return `otr:${sender}>${recipient}:${senderKeyid}/${recipientKeyid}`;
}

const AKE_LABELS: Record<string, string> = {
  'DH-Commit': 'OTR D-H Commit (AKE 1/4): AES_r(g^x) and SHA-256(g^x)',
  'DH-Key': 'OTR D-H Key (AKE 2/4): g^y in the clear',
  'Reveal-Signature': 'OTR Reveal Signature (AKE 3/4): r, then pub key, keyid and signature encrypted under c, MAC under m2',
  Signature: "OTR Signature (AKE 4/4): pub key, keyid and signature encrypted under c', MAC under m2'",
};


/** Label and key name of an OTR text; null when the text is not OTR at all. */
export function otrLayer(body: string, sender: string, recipient: string): { label: string; key?: string } | null {
  const d = dissect(body);
  switch (d.kind) {
    case 'plaintext':
      return d.whitespaceTag ? { label: 'text with an OTR whitespace tag (offers OTR)' } : null;
    case 'query':
      return { label: 'OTR Query Message “?OTRv23?” (offers versions 2 and 3) and a line for clients without OTR' };
    case 'error':
      return { label: 'OTR Error Message (readable text)' };
    case 'fragment':
      return { label: `OTR fragment ${d.k}/${d.n}` };
    case 'malformed':
      return { label: `not a valid OTR message (${d.reason})` };
    case 'encoded':
      break;
  }
  if (d.typeName !== 'Data') return { label: AKE_LABELS[d.typeName] ?? `OTR ${d.typeName}` };
  const field = (name: string) => d.fields.find((f) => f.name === name)?.value;
  const s = Number(field('Sender keyid'));
  const r = Number(field('Rcpt keyid'));
  const counter = BigInt(`0x${String(field('Counter') ?? '0')}`);
  const revealed = (field('Revealed MAC keys') as string[] | undefined)?.length ?? 0;
  const reveals = revealed ? `, reveals ${revealed} old MAC key${revealed > 1 ? 's' : ''}` : '';
  return { label: `OTR data message, keys ${s}/${r}, counter ${counter}${reveals} (AES-128-CTR + HMAC-SHA1)`, key: otrKeyName(bare(sender), bare(recipient), s, r) };
}

/** The inner layer for a <message> stanza whose body is OTR (as a server relays it); undefined otherwise. */
export function otrInnerOf(el: XmlElement): WirePiece['inner'] {
  if (el.name !== 'message') return undefined;
  const body = child(el, 'body');
  if (!body) return undefined;
  const t = text(body);
  if (!t.includes('?OTR') && !t.includes(' \t  \t\t\t\t \t \t \t  ')) return undefined;
  const l = otrLayer(t, el.attrs.from ?? '', el.attrs.to ?? '');
  return l ? { layer: 'otr', text: t, label: l.label, ...(l.key ? { key: l.key } : {}) } : undefined;
}
