/**
 * The client side of c2s stream negotiation (RFC 6120 §4.3, §5 STARTTLS, §6 SASL, §7 binding) as a
 * transition table. The client (lib/xmpp/client/negotiation.ts) moves only along its rows: a step the
 * code takes that the table refuses is an engine error (lib/xmpp/client/state.ts `go`), which tests
 * assert never happens. No lesson draws it yet; it is data so that one can.
 * @module
 */
import type { Transition } from './transition';


export type ClientPhase =
  | 'offline'
  | 'awaiting-stream' // header sent, waiting for the server's header (RFC 6120 §4.2)
  | 'awaiting-features' // header received, waiting for <stream:features/> (§4.3.2)
  | 'awaiting-proceed' // <starttls/> sent (§5.4.2.1)
  | 'tls-handshake' // <proceed/> received, ClientHello sent; until the server's Finished (§5.4.3.1, RFC 8446)
  | 'authenticating' // <auth/> sent, maybe challenges and responses (§6.4.2–6.4.3)
  | 'auth-failed' // <failure/> received, or the client refused its own credentials; the stream stays open for a retry (§6.4.5)
  | 'awaiting-restart' // SASL succeeded; new header sent, waiting for the server's (§6.4.6)
  | 'awaiting-bind-features'
  | 'binding' // <iq type='set'><bind/></iq> sent (§7.6)
  | 'online' // resource bound (§7.6.1)
  | 'closed'
  | 'failed';

export type ClientTrigger =
  | 'connect'
  | 'stream-header'
  | 'features-starttls'
  | 'proceed'
  | 'tls-failure'
  | 'tls-established'
  | 'features-sasl'
  | 'no-mechanism'
  | 'credentials-refused'
  | 'sasl-challenge'
  | 'sasl-success'
  | 'sasl-failure'
  | 'retry-login'
  | 'features-bind'
  | 'bind-result'
  | 'bind-error'
  | 'disconnect'
  | 'stream-close'
  | 'stream-error';

export type ClientTransition = Transition<ClientPhase, ClientTrigger>;

export const clientTransitions: readonly ClientTransition[] = [
  { from: 'offline', on: 'connect', to: 'awaiting-stream', spec: 'RFC 6120 §4.2' },
  { from: 'closed', on: 'connect', to: 'awaiting-stream', spec: 'RFC 6120 §4.2' },
  { from: 'failed', on: 'connect', to: 'awaiting-stream', spec: 'RFC 6120 §4.2' },
  { from: 'awaiting-stream', on: 'stream-header', to: 'awaiting-features', spec: 'RFC 6120 §4.3.2' },
  { from: 'awaiting-features', on: 'features-starttls', to: 'awaiting-proceed', spec: 'RFC 6120 §5.4.2.1' },
  { from: 'awaiting-proceed', on: 'proceed', to: 'tls-handshake', spec: 'RFC 6120 §5.4.2.3' },
  { from: 'awaiting-proceed', on: 'tls-failure', to: 'failed', spec: 'RFC 6120 §5.4.2.2' },
  { from: 'tls-handshake', on: 'tls-established', to: 'awaiting-stream', spec: 'RFC 6120 §5.4.3.3' },
  { from: 'awaiting-features', on: 'features-sasl', to: 'authenticating', spec: 'RFC 6120 §6.4.2' },
  { from: 'awaiting-features', on: 'no-mechanism', to: 'failed', spec: 'RFC 6120 §6.4.1' },
  // The client refuses its own password before sending it (empty, or SASLprep rejects it: RFC 4013 §2,
  // RFC 4616 §2): nothing was sent, the stream stays open and the user may try again.
  { from: 'awaiting-features', on: 'credentials-refused', to: 'auth-failed', spec: 'RFC 6120 §6.4.5' },
  { from: 'authenticating', on: 'sasl-challenge', to: 'authenticating', spec: 'RFC 6120 §6.4.3' },
  { from: 'authenticating', on: 'sasl-success', to: 'awaiting-restart', spec: 'RFC 6120 §6.4.6' },
  { from: 'authenticating', on: 'sasl-failure', to: 'auth-failed', spec: 'RFC 6120 §6.4.5' },
  { from: 'auth-failed', on: 'retry-login', to: 'authenticating', spec: 'RFC 6120 §6.4.5' },
  // A retry the client cannot even start (a mechanism not offered, an unusable password) sends
  // nothing: the stream is still open for the next one.
  { from: 'auth-failed', on: 'no-mechanism', to: 'auth-failed', spec: 'RFC 6120 §6.4.5' },
  { from: 'auth-failed', on: 'credentials-refused', to: 'auth-failed', spec: 'RFC 6120 §6.4.5' },
  { from: 'awaiting-restart', on: 'stream-header', to: 'awaiting-bind-features', spec: 'RFC 6120 §4.3.3' },
  { from: 'awaiting-bind-features', on: 'features-bind', to: 'binding', spec: 'RFC 6120 §7.6' },
  { from: 'binding', on: 'bind-result', to: 'online', spec: 'RFC 6120 §7.6.1' },
  { from: 'binding', on: 'bind-error', to: 'failed', spec: 'RFC 6120 §7.6.2' },
  { from: 'online', on: 'disconnect', to: 'closed', spec: 'RFC 6120 §4.4' },
  { from: 'online', on: 'stream-close', to: 'closed', spec: 'RFC 6120 §4.4' },
];

/** Any phase but offline/closed/failed may meet a stream error or a close; both end the stream (RFC 6120 §4.9.1.1). */
export function nextClientPhase(from: ClientPhase, on: ClientTrigger): ClientPhase | null {
  const row = clientTransitions.find((t) => t.from === from && t.on === on);
  if (row) return row.to;
  if ((on === 'stream-error' || on === 'stream-close' || on === 'disconnect') && from !== 'offline' && from !== 'closed' && from !== 'failed') {
    return on === 'stream-error' ? 'failed' : 'closed';
  }
  return null;
}
