/**
 * The server's handler table: a service (roster, disco, ping; later PEP, MUC, pubsub, upload)
 * registers what it answers — a stanza kind, a payload namespace and an address — and a handler.
 * The router looks the stanza up instead of running a chain of ifs; services.ts lists the services a
 * server runs. A handler reaches the rest of the server only through its ServiceContext (the state,
 * the session, `route`, `reply`, `error`), never by importing the router.
 * @module
 */
import type { NoteKey } from '../../narration/notes';
import type { HostOutput } from '../../sim/types';
import { isElement, type XmlElement } from '../../xml/element';
import type { StanzaErrorCondition } from '../im/stanza-error';
import type { ServerContext } from './context';
import type { Address, ServerState, Session } from './state';

/**
 * Where a service listens:
 *  - 'server': the domain itself (`a.example`), as XEP-0030 and XEP-0199 address a server;
 *  - 'account': a local account's bare JID (`alice@a.example`), which the server answers for
 *    (RFC 6121 §8.5.2.1.3);
 *  - 'service:<sub>': a component at its own subdomain (`service:conference` is `conference.a.example`).
 */
export type ServiceAddress = 'server' | 'account' | `service:${string}`;

export interface ServiceMatch {
  stanza: 'iq' | 'message' | 'presence';
  /** For an iq: the namespace of its one payload element. Absent: every stanza of this kind at `to`. */
  ns?: string;
  to: ServiceAddress;
  /**
   * 'self': only from one of the account's own sessions, to its own bare JID or with no 'to' at all
   * (RFC 6121 §2.1.3: roster requests). Absent: from anyone.
   */
  from?: 'self';
}

export interface ServiceContext {
  state: ServerState;
  host: ServerContext;
  /** The c2s session the stanza came from, for a `from: 'self'` service; null otherwise. */
  session: Session | null;
  /** The address the stanza was sent to (for `from: 'self'` with no 'to': the account's bare JID). */
  to: Address;
  /** Route a stanza this service makes (a notification, a message to a room's occupant). */
  route(stanza: XmlElement): HostOutput[];
  /** The iq result to the sender (RFC 6120 §8.2.3), from the address it asked, narrated with `key`. */
  reply(payload: XmlElement | null, key: NoteKey): HostOutput[];
  /** The stanza error RFC 6120 §8.3.3 names, back to the sender. */
  error(condition: StanzaErrorCondition): HostOutput[];
  /** The JIDs of this server's components (the 'service:' addresses), for disco#items (XEP-0030 §4). */
  components: string[];
  /** The features the domain's own services announce (`features`), for disco#info (XEP-0030 §3). */
  features: string[];
}

export interface ServerService {
  /** A short name, for tests and the inspector. */
  name: string;
  match: ServiceMatch;
  /** Features this service adds to the server's disco#info (XEP-0030 §3.1), in this order. */
  features?: readonly string[];
  /** Called for iq 'get'/'set' (results and errors go to the session that asked) and for every message or presence it matches. */
  handle(ctx: ServiceContext, stanza: XmlElement): HostOutput[];
}

/**
 * A services list as a server can run it: two services for the same stanza kind, namespace, address
 * and sender would shadow one another, a 'service:' address needs a subdomain label, and `from: 'self'`
 * goes with the address 'account' only. Misuse throws, labelled; returns the list.
 */
export function checkServices(services: readonly ServerService[]): readonly ServerService[] {
  const seen = new Map<string, string>();
  for (const v of services) {
    const m = v.match;
    if (m.to.startsWith('service:') && !/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(m.to.slice('service:'.length))) throw new Error(`xmpp/server: service '${v.name}' has no subdomain in '${m.to}'`);
    if (m.from === 'self' && m.to !== 'account') throw new Error(`xmpp/server: service '${v.name}' listens for its own account's sessions, so its address must be 'account'`);
    const key = `${m.stanza} ${m.ns ?? '*'} ${m.to} ${m.from ?? 'anyone'}`;
    const other = seen.get(key);
    if (other !== undefined) throw new Error(`xmpp/server: services '${other}' and '${v.name}' both register ${key}`);
    seen.set(key, v.name);
  }
  return services;
}

/** The namespace of an iq's payload ('' when it has none). */
export function payloadNs(stanza: XmlElement): string {
  return stanza.children.find(isElement)?.attrs.xmlns ?? '';
}

/** The service registered for this stanza at this address; undefined when none is. */
export function findService(services: readonly ServerService[], stanza: XmlElement, to: ServiceAddress, self: boolean): ServerService | undefined {
  const ns = stanza.name === 'iq' ? payloadNs(stanza) : undefined;
  return services.find((v) => {
    const m = v.match;
    if (m.stanza !== stanza.name || m.to !== to || (m.from === 'self') !== self) return false;
    return m.ns === undefined || m.ns === ns;
  });
}

/** The 'service:<sub>' address of a domain under `domain` that a service listens at; null when none does. */
export function serviceAddressOf(services: readonly ServerService[], domain: string, target: string): ServiceAddress | null {
  if (!target.endsWith(`.${domain}`)) return null;
  const to: ServiceAddress = `service:${target.slice(0, -domain.length - 1)}`;
  return services.some((v) => v.match.to === to) ? to : null;
}

/** The components' JIDs, one per subdomain, in the order the services are listed. */
export function componentsOf(services: readonly ServerService[], domain: string): string[] {
  const subs = services.map((v) => v.match.to).filter((to) => to.startsWith('service:')).map((to) => `${to.slice('service:'.length)}.${domain}`);
  return [...new Set(subs)];
}

/** The features the domain itself announces: its services' (not its components'), in list order, without repeats. */
export function serverFeaturesOf(services: readonly ServerService[]): string[] {
  const out: string[] = [];
  for (const v of services) if (!v.match.to.startsWith('service:')) for (const f of v.features ?? []) if (!out.includes(f)) out.push(f);
  return out;
}
