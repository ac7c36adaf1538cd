/**
 * The server side of c2s stream negotiation (RFC 6120 §4.3, §5, §6, §7) as a transition table, the
 * counterpart of client-table.ts. lib/xmpp/server/c2s.ts follows it. No lesson draws it yet; it is data so that one can.
 * @module
 */
import type { Transition } from './transition';

export type ServerC2sPhase =
  | 'awaiting-header' // TCP accepted or stream restarted; waiting for the client's header (§4.2)
  | 'negotiating' // features sent before authentication: STARTTLS and/or SASL mechanisms (§4.3.2)
  | 'tls-handshake' // <proceed/> sent; the TLS 1.3 handshake runs until the client's Finished (§5.4.2.3, RFC 8446)
  | 'sasl-challenge' // a SCRAM challenge is out, waiting for the response (§6.4.3)
  | 'awaiting-bind' // authenticated stream restarted; bind offered (§7.6)
  | 'established' // resource bound: stanzas flow (§7.6.1, §8)
  | 'closed';

export type ServerC2sTrigger =
  | 'stream-header'
  | 'stream-header-authenticated'
  | 'starttls'
  | 'tls-established'
  | 'auth-success'
  | 'auth-challenge'
  | 'auth-failure'
  | 'response-success'
  | 'response-failure'
  | 'abort'
  | 'too-many-failures'
  | 'bind'
  | 'stanza'
  | 'stream-close'
  | 'stream-error';

export type ServerC2sTransition = Transition<ServerC2sPhase, ServerC2sTrigger>;

export const serverC2sTransitions: readonly ServerC2sTransition[] = [
  { from: 'awaiting-header', on: 'stream-header', to: 'negotiating', spec: 'RFC 6120 §4.3.2' },
  { from: 'awaiting-header', on: 'stream-header-authenticated', to: 'awaiting-bind', spec: 'RFC 6120 §4.3.3, §7.6' },
  { from: 'negotiating', on: 'starttls', to: 'tls-handshake', spec: 'RFC 6120 §5.4.2.3' },
  { from: 'tls-handshake', on: 'tls-established', to: 'awaiting-header', spec: 'RFC 6120 §5.4.3.3' },
  { from: 'negotiating', on: 'auth-success', to: 'awaiting-header', spec: 'RFC 6120 §6.4.6' },
  { from: 'negotiating', on: 'auth-challenge', to: 'sasl-challenge', spec: 'RFC 6120 §6.4.3' },
  { from: 'negotiating', on: 'auth-failure', to: 'negotiating', spec: 'RFC 6120 §6.4.5' },
  { from: 'sasl-challenge', on: 'response-success', to: 'awaiting-header', spec: 'RFC 6120 §6.4.6' },
  { from: 'sasl-challenge', on: 'response-failure', to: 'negotiating', spec: 'RFC 6120 §6.4.5' },
  { from: 'sasl-challenge', on: 'abort', to: 'negotiating', spec: 'RFC 6120 §6.4.4' },
  { from: 'negotiating', on: 'too-many-failures', to: 'closed', spec: 'RFC 6120 §6.4.5' },
  { from: 'sasl-challenge', on: 'too-many-failures', to: 'closed', spec: 'RFC 6120 §6.4.5' },
  { from: 'awaiting-bind', on: 'bind', to: 'established', spec: 'RFC 6120 §7.6.1' },
  { from: 'established', on: 'stanza', to: 'established', spec: 'RFC 6120 §8' },
];

/** A close or a stream error ends the stream from any phase (RFC 6120 §4.4, §4.9.1.1). */
export function nextServerC2sPhase(from: ServerC2sPhase, on: ServerC2sTrigger): ServerC2sPhase | null {
  const row = serverC2sTransitions.find((t) => t.from === from && t.on === on);
  if (row) return row.to;
  if ((on === 'stream-close' || on === 'stream-error') && from !== 'closed') return 'closed';
  return null;
}
