/**
 * The client side of c2s stream negotiation (RFC 6120 §4.3, §6, §7) as a transition table.
 * The handler in client.ts follows it, and the lessons draw their state diagram from it,
 * so the picture cannot drift from the code.
 * @module
 */

export type ClientPhase =
  | 'offline'
  | 'awaiting-stream' // header sent, waiting for the server's header (RFC 6120 §4.2)
  | 'awaiting-features' // header received, waiting for <stream:features/> (§4.3.2)
  | 'authenticating' // <auth/> sent (§6.4.2)
  | 'awaiting-restart' // SASL succeeded; new header sent, waiting for the server's (§6.4.6)
  | 'awaiting-bind-features'
  | 'binding' // <iq type='set'><bind/></iq> sent (§7.6)
  | 'online' // resource bound, initial presence sent (RFC 6121 §4.2)
  | 'closed'
  | 'failed';

export type ClientTrigger =
  | 'connect'
  | 'stream-header'
  | 'features-sasl'
  | 'sasl-success'
  | 'sasl-failure'
  | 'features-bind'
  | 'bind-result'
  | 'disconnect'
  | 'stream-close'
  | 'stream-error';

export interface ClientTransition {
  from: ClientPhase;
  on: ClientTrigger;
  to: ClientPhase;
  /** RFC 6120 section that governs this step. */
  spec: string;
}

export const clientTransitions: readonly ClientTransition[] = [
  { from: 'offline', on: 'connect', to: 'awaiting-stream', spec: 'RFC 6120 §4.2' },
  { from: 'awaiting-stream', on: 'stream-header', to: 'awaiting-features', spec: 'RFC 6120 §4.3.2' },
  { from: 'awaiting-features', on: 'features-sasl', to: 'authenticating', spec: 'RFC 6120 §6.4.2' },
  { from: 'authenticating', on: 'sasl-success', to: 'awaiting-restart', spec: 'RFC 6120 §6.4.6' },
  { from: 'authenticating', on: 'sasl-failure', to: 'failed', spec: 'RFC 6120 §6.4.5' },
  { from: 'awaiting-restart', on: 'stream-header', to: 'awaiting-bind-features', spec: 'RFC 6120 §4.3.3' },
  { from: 'awaiting-bind-features', on: 'features-bind', to: 'binding', spec: 'RFC 6120 §7.6' },
  { from: 'binding', on: 'bind-result', to: 'online', spec: 'RFC 6120 §7.6.1' },
  { from: 'online', on: 'disconnect', to: 'closed', spec: 'RFC 6120 §4.4' },
  { from: 'online', on: 'stream-close', to: 'closed', spec: 'RFC 6120 §4.4' },
];

/** Any phase but offline/closed may meet a stream error or a close; both end the stream (RFC 6120 §4.9.1.1). */
export function nextClientPhase(from: ClientPhase, on: ClientTrigger): ClientPhase | null {
  const row = clientTransitions.find((t) => t.from === from && t.on === on);
  if (row) return row.to;
  if ((on === 'stream-error' || on === 'stream-close' || on === 'disconnect') && from !== 'offline' && from !== 'closed') {
    return on === 'stream-error' ? 'failed' : 'closed';
  }
  return null;
}
