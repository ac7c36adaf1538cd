/**
 * SASL data in XMPP elements (RFC 6120 §6.4.2): base64 (RFC 4648 §4) text content of `<auth/>`,
 * `<challenge/>`, `<response/>`, `<success/>`; a single "=" means data of zero length.
 * @module
 */
import { fromBase64, toBase64 } from '../../bytes/base64';
import { utf8, utf8DecodeStrict } from '../../bytes/hex';
import { saslFailure, type SaslFailure } from './failure';

/** Encode data for the element's text content; empty data is "=" (RFC 6120 §6.4.2). */
export function encodeSaslPayload(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  return bytes.length === 0 ? '=' : toBase64(bytes);
}

/**
 * Decode an element's text content. Empty content (no data) and "=" (empty data) both give zero
 * bytes; anything but canonical base64 is `<incorrect-encoding/>` (RFC 6120 §6.5.2).
 */
export function decodeSaslPayload(content: string): { type: 'ok'; bytes: Uint8Array } | SaslFailure {
  if (content === '' || content === '=') return { type: 'ok', bytes: new Uint8Array() };
  try {
    return { type: 'ok', bytes: fromBase64(content) };
  } catch {
    return saslFailure('incorrect-encoding', 'bad-base64');
  }
}

/** Decode to text: SCRAM and PLAIN messages are UTF-8 (RFC 5802 §7, RFC 4616 §2); bad UTF-8 is malformed. */
export function decodeSaslText(content: string): { type: 'ok'; text: string } | SaslFailure {
  const r = decodeSaslPayload(content);
  if (r.type === 'failure') return r;
  const text = utf8DecodeStrict(r.bytes);
  return text === null ? saslFailure('malformed-request', 'bad-utf8') : { type: 'ok', text };
}
