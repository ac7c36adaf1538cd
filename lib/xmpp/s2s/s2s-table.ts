/**
 * Server-to-server stream negotiation as a transition table (RFC 6120 §3.2 DNS, §4 streams, §5
 * STARTTLS; XEP-0220 Server Dialback), for both ends of one connection: the Originating (initiating)
 * Server on its outgoing stream and the Receiving Server on the incoming one. The Receiving Server's
 * 'verifying' lasts while its question travels over its OWN outgoing connection (XEP-0220 §2.1.3).
 * lib/xmpp/server/s2s.ts moves only along these rows (no lesson draws them yet).
 * @module
 */
import type { S2sPhase } from '../server/state';
import type { Transition } from '../stream/transition';

export type S2sTrigger =
  | 'dns-answer'
  | 'dns-nxdomain'
  | 'stream-header'
  | 'features-starttls'
  | 'proceed'
  /** the TLS handshake completed at this end (RFC 8446: the peer's Finished checked) */
  | 'tls-established'
  | 'features-dialback'
  | 'db-result-valid'
  | 'db-result-invalid'
  | 'timeout'
  | 'starttls'
  | 'db-result'
  | 'db-verify-valid'
  | 'db-verify-invalid'
  | 'stream-close'
  | 'stream-error';

export interface S2sTransition extends Transition<S2sPhase, S2sTrigger> {
  role: 'initiator' | 'responder';
}

export const s2sTransitions: readonly S2sTransition[] = [
  { role: 'initiator', from: 'resolving', on: 'dns-answer', to: 'connecting', spec: 'RFC 6120 §3.2.1' },
  { role: 'initiator', from: 'resolving', on: 'dns-nxdomain', to: 'failed', spec: 'RFC 6120 §8.3.3.16' },
  { role: 'initiator', from: 'connecting', on: 'stream-header', to: 'features', spec: 'RFC 6120 §4.3.2' },
  { role: 'initiator', from: 'features', on: 'features-starttls', to: 'awaiting-proceed', spec: 'RFC 6120 §5.4.2.1' },
  { role: 'initiator', from: 'awaiting-proceed', on: 'proceed', to: 'tls-handshake', spec: 'RFC 6120 §5.4.2.3' },
  { role: 'initiator', from: 'tls-handshake', on: 'tls-established', to: 'connecting', spec: 'RFC 6120 §5.4.3.3' },
  { role: 'initiator', from: 'features', on: 'features-dialback', to: 'dialback', spec: 'XEP-0220 §2.1.1' },
  { role: 'initiator', from: 'dialback', on: 'db-result-valid', to: 'established', spec: 'XEP-0220 §2.1.4' },
  { role: 'initiator', from: 'dialback', on: 'db-result-invalid', to: 'failed', spec: 'XEP-0220 §2.4' },
  { role: 'initiator', from: 'connecting', on: 'timeout', to: 'failed', spec: 'RFC 6120 §8.3.3.17' },
  { role: 'initiator', from: 'features', on: 'timeout', to: 'failed', spec: 'RFC 6120 §8.3.3.17' },
  { role: 'initiator', from: 'dialback', on: 'timeout', to: 'failed', spec: 'RFC 6120 §8.3.3.17' },
  { role: 'responder', from: 'responding', on: 'starttls', to: 'tls-handshake', spec: 'RFC 6120 §5.4.2.3' },
  { role: 'responder', from: 'tls-handshake', on: 'tls-established', to: 'responding', spec: 'RFC 6120 §5.4.3.3' },
  { role: 'responder', from: 'responding', on: 'db-result', to: 'verifying', spec: 'XEP-0220 §2.1.2' },
  { role: 'responder', from: 'verifying', on: 'db-verify-valid', to: 'established', spec: 'XEP-0220 §2.1.4' },
  { role: 'responder', from: 'verifying', on: 'db-verify-invalid', to: 'responding', spec: 'XEP-0220 §2.4' },
];

/** A close or a stream error ends the connection from any live phase (RFC 6120 §4.4, §4.9). */
export function nextS2sPhase(role: S2sTransition['role'], from: S2sPhase, on: S2sTrigger): S2sPhase | null {
  const row = s2sTransitions.find((t) => t.role === role && t.from === from && t.on === on);
  if (row) return row.to;
  if (on === 'stream-close' || on === 'stream-error') return from === 'closed' ? null : 'closed';
  if (on === 'timeout' || on === 'dns-nxdomain') return from === 'established' || from === 'closed' ? null : 'failed';
  return null;
}
