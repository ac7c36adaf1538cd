/**
 * Our XMPP server (`npm run peer:xmpp-server`: the simulator's server machine on a real socket, run
 * as its own process) against an independent client library, slixmpp 1.8 (Debian
 * `python3-slixmpp`, driven by helpers/xmpp-slix-driver.py with /usr/bin/python3): STARTTLS with
 * the certificate verified, SCRAM-SHA-256 (slixmpp's first choice) and SCRAM-SHA-1 (forced), chat
 * between two slixmpp clients through our server, a presence subscription (slixmpp approves and
 * subscribes back automatically), an offline message with a delay stamp, a wrong password refused, and a
 * room on our MUC service (XEP-0045): created and configured moderated, a visitor refused, groupchat reflected.
 * Needs: apt-get install python3-slixmpp
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DOMAIN as DOMAIN, EXAMPLE_USERS as USERS, peerUnavailable, useOurServer } from './helpers/xmpp-fixtures';
import { runSlix, slixmppUnavailable, type SlixEvent } from './helpers/xmpp-peers';

const missing = slixmppUnavailable();
if (missing) peerUnavailable('xmpp interop: slixmpp ↔ our server', missing);

const of = (events: SlixEvent[], ev: string) => events.filter((e) => e.ev === ev);

describe.skipIf(!!missing)('xmpp interop: slixmpp 1.8 ↔ our server', () => {
  const ours = useOurServer();
  const slix = (steps: string[], mech?: string) =>
    runSlix({ host: '127.0.0.1', port: ours.server().port, domain: DOMAIN, cafile: ours.cert().cert, users: USERS, steps, ...(mech ? { mech } : {}) });

  it('login over STARTTLS with SCRAM-SHA-256, chat both ways, subscription, offline message', async () => {
    const r = await slix(['login', 'chat', 'subscribe', 'offline']);
    expect(r.events.at(-1), r.stderr + JSON.stringify(r.events)).toEqual({ ev: 'ok' });
    expect(r.status).toBe(0);
    const logins = of(r.events, 'login');
    expect(logins).toHaveLength(3);
    for (const l of logins) expect(l).toMatchObject({ mech: 'SCRAM-SHA-256', tls: 'TLSv1.3' });
    expect(of(r.events, 'message').slice(0, 2)).toEqual([
      expect.objectContaining({ to: 'bob@example.test/slix', frm: 'alice@example.test/slix', body: 'hi bob, from slixmpp', delay: null }),
      expect.objectContaining({ to: 'alice@example.test/slix', frm: 'bob@example.test/slix', body: 'hi alice, from slixmpp', delay: null }),
    ]);
    expect(of(r.events, 'subscription')).toEqual([expect.objectContaining({ jid: 'bob@example.test', presence: true })]);
    expect(['to', 'both']).toContain(of(r.events, 'subscription')[0]!.subscription);
    const offline = of(r.events, 'message')[2]!;
    expect(offline).toMatchObject({ to: 'bob@example.test/slix2', frm: 'alice@example.test/slix', body: 'sent while you were offline' });
    expect(offline.delay).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(String(offline.delay)) - Date.now())).toBeLessThan(60_000);
  }, 60_000);

  it.each(['SCRAM-SHA-1', 'PLAIN'])('%s when slixmpp is limited to it', async (mech) => {
    const r = await slix(['login', 'chat'], mech);
    expect(r.status, r.stderr + JSON.stringify(r.events)).toBe(0);
    expect(of(r.events, 'login').map((l) => l.mech)).toEqual([mech, mech]);
  }, 60_000);

  it('XEP-0045: slixmpp creates a moderated room on our conference service; a visitor’s message is refused with forbidden; groupchat is reflected', async () => {
    const r = await slix(['login', 'muc']);
    expect(r.events.at(-1), r.stderr + JSON.stringify(r.events)).toEqual({ ev: 'ok' });
    expect(of(r.events, 'muc-self')).toEqual([
      { ev: 'muc-self', who: 'alice', role: 'moderator', affiliation: 'owner', codes: [110, 201] },
      { ev: 'muc-self', who: 'bob', role: 'visitor', affiliation: 'none', codes: [110] },
    ]);
    expect(of(r.events, 'muc-refused')).toEqual([{ ev: 'muc-refused', condition: 'forbidden', type: 'auth', frm: `lab@conference.${DOMAIN}` }]);
    expect(of(r.events, 'muc-message')).toEqual([{ ev: 'muc-message', to: 'bob', frm: `lab@conference.${DOMAIN}/Alice`, body: 'welcome to the lab' }]);
  }, 60_000);

  it('a wrong password is refused', async () => {
    const r = await slix(['badpass']);
    expect(r.status, r.stderr + JSON.stringify(r.events)).toBe(0);
    expect(of(r.events, 'badpass')).toEqual([{ ev: 'badpass', refused: true }]);
  }, 60_000);
});
