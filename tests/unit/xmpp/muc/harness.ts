/**
 * A room service without a network: the MUC handlers called with a ServiceContext whose `route` and
 * `reply` collect the stanzas, so a test reads exactly what the room sent to whom.
 */
import type { HostOutput } from '@/lib/sim/types';
import { x, type XmlElement } from '@/lib/xml/element';
import { createStreamParser, feed } from '@/lib/xml/stream-parser';
import { findService, type ServiceContext } from '@/lib/xmpp/server/service';
import { address, type ServerState } from '@/lib/xmpp/server/state';
import { mucServices } from '@/lib/xmpp/muc/service';

export const SERVICE = 'conference.a.example';

/** One stanza from its text, read the way a server reads it off a stream. */
export function parseStanza(xml: string): XmlElement {
  const p = createStreamParser();
  const open = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='a.example' version='1.0'>";
  const ev = feed(p, new TextEncoder().encode(open + xml)).find((e) => e.type === 'element');
  if (!ev || ev.type !== 'element') throw new Error(`not a stanza: ${xml}`);
  return ev.element;
}

export interface Harness {
  state: ServerState;
  /** Every stanza the service sent, in order. */
  sent: XmlElement[];
  /** Send a stanza (XML text) to the service, stamped from `from`; returns what it sent for this one. */
  send(from: string, xml: string): XmlElement[];
}

export function harness(): Harness {
  const state = { domain: 'a.example', muc: {} } as unknown as ServerState;
  const sent: XmlElement[] = [];
  let now = 0;
  const h: Harness = {
    state,
    sent,
    send(from, xml) {
      const el = parseStanza(xml);
      el.attrs = { from, ...el.attrs };
      const to = address(el.attrs.to)!;
      const service = findService(mucServices, el, 'service:conference', false);
      if (!service) throw new Error(`no MUC service for ${xml}`);
      const mine: XmlElement[] = [];
      const out = (s: XmlElement): HostOutput[] => {
        mine.push(s);
        sent.push(s);
        return [];
      };
      const c: ServiceContext = {
        state,
        host: { now: (now += 1000), self: 'a.example', randomBytes: (n: number) => new Uint8Array(n), route: out, deliverLocal: out, bounce: () => [], serves: () => true },
        session: null,
        to,
        route: out,
        reply: (payload) => out(x('iq', { from: el.attrs.to, to: from, type: 'result', id: el.attrs.id }, payload)),
        error: (condition) => out(x('iq', { from: el.attrs.to, to: from, type: 'error', id: el.attrs.id }, x('error', null, x(condition)))),
        components: [],
        features: [],
      };
      service.handle(c, el);
      return mine;
    },
  };
  return h;
}

/** The condition of an error stanza ('' when it is not one). */
export function conditionOf(el: XmlElement | undefined): string {
  if (!el || el.attrs.type !== 'error') return '';
  const err = el.children.find((c) => typeof c !== 'string' && c.name === 'error') as XmlElement | undefined;
  const cond = err?.children.find((c) => typeof c !== 'string') as XmlElement | undefined;
  return cond?.name ?? '';
}

/** A room `lab` created by alice and unlocked as an instant room, with `config` fields submitted. */
export function openRoom(h: Harness, fields: Record<string, string> = {}): void {
  h.send('alice@a.example/laptop', `<presence to='lab@${SERVICE}/Alice'><x xmlns='http://jabber.org/protocol/muc'/></presence>`);
  const values = Object.entries(fields).map(([k, v]) => `<field var='${k}'><value>${v}</value></field>`).join('');
  h.send('alice@a.example/laptop', `<iq type='set' id='cfg' to='lab@${SERVICE}'><query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'>${values}</x></query></iq>`);
}

export function join(h: Harness, from: string, nick: string, extra = ''): XmlElement[] {
  return h.send(from, `<presence to='lab@${SERVICE}/${nick}'><x xmlns='http://jabber.org/protocol/muc'>${extra}</x></presence>`);
}
