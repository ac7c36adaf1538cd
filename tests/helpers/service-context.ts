/**
 * A ServiceContext without a network, for calling a server service's handler directly: everything it
 * routes, replies or bounces is appended to `sent`, so a test reads exactly what went to whom.
 */
import type { HostOutput } from '@/lib/sim/types';
import { x, type XmlElement } from '@/lib/xml/element';
import type { ServiceContext } from '@/lib/xmpp/server/service';
import type { Address, ServerState, Session } from '@/lib/xmpp/server/state';

export function collectingContext(state: ServerState, stanza: XmlElement, to: Address, session: Session | null, sent: XmlElement[], now = 0): ServiceContext {
  const out = (s: XmlElement): HostOutput[] => (sent.push(s), []);
  const answer = (type: string, payload: XmlElement | null) => out(x('iq', { from: stanza.attrs.to, to: stanza.attrs.from, type, id: stanza.attrs.id }, payload));
  return {
    state,
    host: { now, self: state.domain, randomBytes: (n: number) => new Uint8Array(n), route: out, deliverLocal: out, bounce: () => [], serves: () => true },
    session,
    to,
    route: out,
    reply: (payload) => answer('result', payload),
    error: (condition) => answer('error', x('error', null, x(condition))),
    components: [],
    features: [],
  };
}
