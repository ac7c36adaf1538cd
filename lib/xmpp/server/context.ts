/**
 * What the server's modules get instead of importing the router: the host's context (time,
 * randomness) plus routing, bound to one server for one input. router.ts builds it
 * (`serverContext`); presence, roster, the s2s layer and every service reach the rest of the server
 * only through it. So nothing below the router imports the router (no import cycle), and a service
 * plugs in by registration (service.ts) instead of by an edit to a chain.
 * @module
 */
import type { HostContext, HostOutput } from '../../sim/types';
import type { XmlElement } from '../../xml/element';
import type { StanzaErrorCondition } from '../im/stanza-error';

export interface ServerContext extends HostContext {
  /** Route a stamped stanza (RFC 6120 §8.5): to this domain, to one of its services, or across federation. */
  route(stanza: XmlElement): HostOutput[];
  /** Deliver a stamped stanza addressed to this domain or one of its services (RFC 6121 §8.5). */
  deliverLocal(stanza: XmlElement): HostOutput[];
  /** An error reply routed back to the sender of `stanza` (never for errors, RFC 6120 §8.3.1). */
  bounce(stanza: XmlElement, condition: StanzaErrorCondition): HostOutput[];
  /** This server's domain, or the subdomain of one of its services (`conference.a.example`). */
  serves(domain: string): boolean;
}
