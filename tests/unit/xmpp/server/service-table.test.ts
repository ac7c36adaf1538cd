/**
 * Adding a server service means adding files: a toy echo component at echo.a.example and a XEP-0202
 * entity-time answer at the domain are registered through the handler table only (the list a server
 * is built with), and answer a client in a simulated run — no edit to the router or the host.
 */
import { describe, expect, it } from 'vitest';
import { utf8Decode } from '@/lib/bytes/hex';
import { hello } from '@/lib/scenarios/presets/hello';
import { machines } from '@/lib/scenarios/run';
import { simulate } from '@/lib/sim/kernel';
import type { Action, Scenario } from '@/lib/sim/types';
import { isElement, text, x } from '@/lib/xml/element';
import type { ServerService } from '@/lib/xmpp/server/service';
import { SERVER_SERVICES } from '@/lib/xmpp/server/services';
import { createXmppServer } from '@/lib/xmpp/stream/server';
import { stampFor } from '@/lib/xmpp/wire';

const NS_ECHO = 'urn:example:echo';
const NS_TIME = 'urn:xmpp:time';

/** The toy: answers an iq to echo.<domain> with the text it was sent (narrated like a ping result). */
const echoService: ServerService = {
  name: 'echo',
  match: { stanza: 'iq', ns: NS_ECHO, to: 'service:echo' },
  handle: (c, iq) => (iq.attrs.type === 'get' ? c.reply(x('echo', { xmlns: NS_ECHO }, text(iq.children.find(isElement))), 'server.ping-result') : c.error('bad-request')),
};

/** XEP-0202 at the domain itself: the simulated clock as UTC. */
const timeService: ServerService = {
  name: 'time',
  match: { stanza: 'iq', ns: NS_TIME, to: 'server' },
  features: [NS_TIME],
  handle: (c) => c.reply(x('time', { xmlns: NS_TIME }, x('tzo', null, '+00:00'), x('utc', null, stampFor(c.host.now))), 'server.ping-result'),
};

const raw = (at: number, text: string) => ({ at, node: 'alice', action: { type: 'send-raw', text } as Action });

const scenario: Scenario = {
  ...hello,
  id: 'service-table',
  script: [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    raw(1000, `<iq type='get' id='e1' to='echo.a.example'><echo xmlns='${NS_ECHO}'>hello, table</echo></iq>`),
    raw(1100, `<iq type='get' id='t1' to='a.example'><time xmlns='${NS_TIME}'/></iq>`),
    { at: 1200, node: 'alice', action: { type: 'disco-items', to: 'a.example' } },
    { at: 1300, node: 'alice', action: { type: 'disco-info', to: 'a.example' } },
    raw(1400, `<iq type='get' id='e2' to='nope.a.example'><echo xmlns='${NS_ECHO}'>x</echo></iq>`),
  ],
};

/** What a.example sent to alice, as text (no TLS in this scenario). */
function toAlice(services: readonly ServerService[]): string[] {
  const { trace } = simulate(scenario, { seed: 1, machines: { ...machines, server: createXmppServer(services) } });
  return trace.events.filter((e) => e.kind === 'wire' && e.from === 'a.example' && e.to === 'alice' && e.wire).map((e) => utf8Decode(e.wire!));
}

describe('the server handler table', () => {
  const withToys = toAlice([...SERVER_SERVICES, echoService, timeService]);
  const without = toAlice(SERVER_SERVICES);

  it('routes an iq to a registered component (echo.a.example) to its service, which answers through the injected reply', () => {
    expect(withToys).toContain("<iq from='echo.a.example' to='alice@a.example/laptop' type='result' id='e1'><echo xmlns='urn:example:echo'>hello, table</echo></iq>");
  });

  it('finds a service at the domain by its namespace, and disco#info announces its feature', () => {
    expect(withToys.find((t) => t.includes("id='t1'"))).toMatch(/^<iq from='a\.example' to='alice@a\.example\/laptop' type='result' id='t1'><time xmlns='urn:xmpp:time'><tzo>\+00:00<\/tzo><utc>2026-01-01T09:00:01/);
    const info = withToys.find((t) => t.includes('disco#info') && t.includes("type='result'"))!;
    expect(info).toContain(`<feature var='${NS_TIME}'/>`);
    expect(info.indexOf("var='jabber:iq:roster'")).toBeLessThan(info.indexOf(`var='${NS_TIME}'`));
  });

  it('lists the components in disco#items (XEP-0030 §4)', () => {
    expect(withToys.find((t) => t.includes('disco#items') && t.includes("type='result'"))).toContain("<item jid='echo.a.example'/>");
    // Without the toys: only the MUC service the default list runs (lib/xmpp/muc).
    const plain = without.find((t) => t.includes('disco#items') && t.includes("type='result'"));
    expect(plain).toContain("<item jid='conference.a.example'/>");
    expect(plain).not.toContain('echo.a.example');
  });

  it('without the registration the same server knows neither (service-unavailable; an unknown subdomain is remote)', () => {
    expect(without.find((t) => t.includes("id='t1'"))).toContain('<service-unavailable');
    expect(without.some((t) => t.includes('hello, table'))).toBe(false);
    expect(withToys.find((t) => t.includes("id='e2'"))).toContain('<remote-server-not-found');
  });
});

describe('a services list is checked when a server is made', () => {
  it('refuses two services for the same stanza, namespace, address and sender (one would shadow the other)', () => {
    const twin: ServerService = { ...timeService, name: 'time-2' };
    expect(() => createXmppServer([...SERVER_SERVICES, timeService, twin])).toThrow("xmpp/server: services 'time' and 'time-2' both register iq urn:xmpp:time server anyone");
  });

  it('refuses a component address without a subdomain', () => {
    expect(() => createXmppServer([{ ...echoService, match: { ...echoService.match, to: 'service:' } }])).toThrow(/has no subdomain/);
  });

  it('refuses from: self anywhere but at the account', () => {
    expect(() => createXmppServer([{ ...timeService, match: { ...timeService.match, from: 'self' } }])).toThrow(/its address must be 'account'/);
  });

  it('the same namespace at two addresses is two services (disco#info of the server and of an account)', () => {
    expect(() => createXmppServer(SERVER_SERVICES)).not.toThrow();
  });
});
