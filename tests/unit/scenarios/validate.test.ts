import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenarioJson } from '@/lib/scenarios/load';
import { hello } from '@/lib/scenarios/presets/hello';
import { presets } from '@/lib/scenarios/presets/index';
import { formatIssue } from '@/lib/scenarios/schema/messages';
import type { Locale } from '@/lib/scenarios/schema/localized';

function errorsOf(patch: (s: any) => void, locale: Locale = 'en'): string[] {
  const s = structuredClone(hello) as any;
  patch(s);
  const r = loadScenario(s);
  return r.ok ? [] : r.errors.map((e) => formatIssue(e, locale));
}

/** The same problems in English and in German. */
const both = (patch: (s: any) => void) => ({ en: errorsOf(patch, 'en'), de: errorsOf(patch, 'de') });

describe('scenario validation', () => {
  it('accepts every preset as it is', () => {
    for (const p of presets) expect(loadScenario(p)).toEqual({ ok: true, scenario: p });
  });

  it('names the bad field, in English and German', () => {
    expect(both((s) => (s.topology.clients[1].jid = 'bob@@a.example'))).toEqual({
      en: ['topology.clients[1].jid: “bob@@a.example” is not a valid bare JID (localpart@domain): the domainpart contains a character that is not allowed'],
      de: ['topology.clients[1].jid: „bob@@a.example“ ist keine gültige reine JID (lokalteil@domain): der Domainteil enthält ein unzulässiges Zeichen'],
    });
    expect(both((s) => (s.topology.clients[0].server = 'b.example'))).toEqual({
      en: ['topology.clients[0].server: no server with id “b.example”', 'topology.clients[0]: client “alice” has no link to its server “b.example”'],
      de: ['topology.clients[0].server: kein Server mit der Kennung „b.example“', 'topology.clients[0]: Client „alice“ hat keine Leitung zu seinem Server „b.example“'],
    });
    expect(both((s) => (s.topology.links[0].latencyMs = -5))).toEqual({
      en: ['topology.links[0].latencyMs: must be between 0 and 60000'],
      de: ['topology.links[0].latencyMs: muss zwischen 0 und 60000 liegen'],
    });
    expect(both((s) => (s.topology.observers[0].link = 'x~y'))).toEqual({
      en: ['topology.observers[0].link: no link with id “x~y”'],
      de: ['topology.observers[0].link: keine Leitung mit der Kennung „x~y“'],
    });
    const teleport = both((s) => (s.script[2].action.type = 'teleport'));
    expect(teleport.en).toHaveLength(1);
    expect(teleport.en[0]).toMatch(/^script\[2\]\.action\.type: unknown action “teleport” \(known: connect, disconnect, send-message, .*\bsend-raw, otr-start, otr-end, smp-start, smp-respond, static-publish, send-static\b.*\)$/);
    expect(teleport.de[0]).toMatch(/^script\[2\]\.action\.type: Aktion „teleport“ ist unbekannt \(bekannt: connect, disconnect, send-message, .*\)$/);
    expect(both((s) => (s.script[1].node = 'a.example'))).toEqual({ en: ['script[1].node: no client with id “a.example”'], de: ['script[1].node: kein Client mit der Kennung „a.example“'] });
    expect(both((s) => (s.script[0].at = Number.NaN))).toEqual({ en: ['script[0].at: must be a number'], de: ['script[0].at: muss eine Zahl sein'] });
    expect(both((s) => (s.topology.servers[0].ip = '300.1.1.1'))).toEqual({
      en: ['topology.servers[0].ip: “300.1.1.1” is not a valid IPv4 address'],
      de: ['topology.servers[0].ip: „300.1.1.1“ ist keine gültige IPv4-Adresse'],
    });
    expect(both((s) => s.topology.clients.push({ ...s.topology.clients[0] }))).toEqual({
      en: ['topology.clients[2].id: id “alice” is used twice'],
      de: ['topology.clients[2].id: die Kennung „alice“ kommt zweimal vor'],
    });
    expect(both((s) => (s.title = 'hi'))).toEqual({ en: ['title: must be an object'], de: ['title: muss ein Objekt sein'] });
    expect(errorsOf((s) => (s.settings.tls = 'starttls'))).toEqual([]);
    expect(both((s) => (s.settings.tls = 'tls1.3'))).toEqual({ en: ['settings.tls: must be one of none, starttls, required'], de: ['settings.tls: muss einer dieser Werte sein: none, starttls, required'] });
    expect(errorsOf((s) => (s.settings.sasl = 'CRAM-MD5'))).toEqual(['settings.sasl: must be one of SCRAM-SHA-256-PLUS, SCRAM-SHA-256, SCRAM-SHA-1, PLAIN']);
    expect(both((s) => (s.settings.scramIterations = 1000))).toEqual({ en: ['settings.scramIterations: must be between 4096 and 100000'], de: ['settings.scramIterations: muss zwischen 4096 und 100000 liegen'] });
    expect(both((s) => (s.topology.servers[0].down = 'yes'))).toEqual({ en: ['topology.servers[0].down: must be true or false'], de: ['topology.servers[0].down: muss true oder false sein'] });
    expect(both((s) => (s.topology.dns = { srv: [{ name: 'b.example', priority: 0, weight: 0, port: 5269, target: 'x.b.example' }], a: [] }))).toEqual({
      en: ['topology.dns.srv[0].name: “b.example” is not a valid SRV name (_xmpp-server._tcp.<domain>)'],
      de: ['topology.dns.srv[0].name: „b.example“ ist kein gültiger SRV-Name (_xmpp-server._tcp.<domain>)'],
    });
    expect(both((s) => (s.script[2].action = { type: 'set-presence', priority: 200 }))).toEqual({ en: ['script[2].action.priority: must be between -128 and 127'], de: ['script[2].action.priority: muss zwischen -128 und 127 liegen'] });
    expect(both((s) => (s.script[2].action = { type: 'add-contact', jid: 'bob' }))).toEqual({
      en: ['script[2].action.jid: “bob” is not a valid bare JID (localpart@domain)'],
      de: ['script[2].action.jid: „bob“ ist keine gültige reine JID (lokalteil@domain)'],
    });
  });

  it('checks JIDs with the RFC 7622 parser and asks for the normalised form', () => {
    expect(both((s) => (s.script[2].action = { type: 'add-contact', jid: 'Bob@A.example' }))).toEqual({
      en: ['script[2].action.jid: write “bob@a.example”, not “Bob@A.example” (the engine compares JIDs in their normalised form)'],
      de: ['script[2].action.jid: schreiben Sie „bob@a.example“, nicht „Bob@A.example“ (die Engine vergleicht JIDs in normalisierter Form)'],
    });
    // The parser's reason, not a pattern's: an empty label in the domainpart.
    expect(errorsOf((s) => (s.topology.clients[0].jid = 'alice@a..example'))).toEqual(['topology.clients[0].jid: “alice@a..example” is not a valid bare JID (localpart@domain): the domainpart has an empty label (two dots in a row?)']);
    // Non-ASCII localparts are JIDs (RFC 7622 §3.3); the client must still be on its server's domain.
    expect(errorsOf((s) => (s.script[2].action = { type: 'add-contact', jid: 'jürgen@a.example' }))).toEqual([]);
    expect(errorsOf((s) => (s.topology.clients[0].jid = 'alice@b.example'))).toEqual(['topology.clients[0].jid: must be on the domain of server “a.example” (a.example)']);
  });

  it('checks the OTR and static-key actions', () => {
    const act = (action: unknown) => both((s) => (s.script[2].action = action));
    expect(act({ type: 'otr-start', to: 'bob@a.example/phone' })).toEqual({ en: [], de: [] });
    expect(act({ type: 'otr-start', to: 'a.example' })).toEqual({
      en: ['script[2].action.to: “a.example” is not a person’s JID (localpart@domain)'],
      de: ['script[2].action.to: „a.example“ ist nicht die JID einer Person (lokalteil@domain)'],
    });
    expect(act({ type: 'otr-end' })).toEqual({ en: ['script[2].action.to: is missing'], de: ['script[2].action.to: fehlt'] });
    expect(act({ type: 'smp-start', to: 'bob@a.example', secret: '' })).toEqual({ en: ['script[2].action.secret: must be 1 to 1024 characters'], de: ['script[2].action.secret: muss 1 bis 1024 Zeichen lang sein'] });
    expect(act({ type: 'smp-start', to: 'bob@a.example', secret: 'x', question: 7 })).toEqual({ en: ['script[2].action.question: must be text'], de: ['script[2].action.question: muss Text sein'] });
    expect(act({ type: 'smp-respond', to: 'bob@@a.example', secret: 'x' }).en).toEqual(['script[2].action.to: “bob@@a.example” is not a valid JID: the domainpart contains a character that is not allowed']);
    expect(act({ type: 'send-static', to: 'bob@a.example', body: 'x'.repeat(70_000) })).toEqual({ en: ['script[2].action.body: is longer than 65536 characters'], de: ['script[2].action.body: ist länger als 65536 Zeichen'] });
    expect(act({ type: 'static-publish', to: 'bob@a.example' })).toEqual({ en: [], de: [] });
    // Only the program adds a theft to a script (lib/scenarios/observer-steps.ts).
    expect(act({ type: 'keys-stolen', thief: 'x', what: ['otr-session'] }).en[0]).toMatch(/^script\[2\]\.action\.type: unknown action “keys-stolen”/);
  });

  it('checks thieves: a recorded link, client nodes, times and what they steal', () => {
    const thief = (t: object) => both((s) => (s.topology.observers = [{ kind: 'thief', ...t }]));
    const ok = { id: 'thief', link: 'alice~a.example', steals: [{ node: 'alice', at: 5000, what: ['long-term-keys', 'otr-session', 'static-key'] }] };
    expect(thief(ok)).toEqual({ en: [], de: [] });
    expect(thief({ ...ok, link: 'nowhere' }).en).toEqual(['topology.observers[0].link: no link with id “nowhere”']);
    expect(thief({ ...ok, id: 'alice' })).toEqual({
      en: ['topology.observers[0].id: observer name “alice” is already taken'],
      de: ['topology.observers[0].id: der Beobachtername „alice“ ist schon vergeben'],
    });
    expect(thief({ ...ok, steals: [] })).toEqual({ en: ['topology.observers[0].steals: needs at least one entry'], de: ['topology.observers[0].steals: braucht mindestens einen Eintrag'] });
    expect(thief({ ...ok, steals: [{ node: 'a.example', at: -1, what: ['passwords'] }] }).en).toEqual([
      'topology.observers[0].steals[0].at: must be between 0 and 86400000',
      'topology.observers[0].steals[0].what[0]: must be one of long-term-keys, otr-session, static-key',
      'topology.observers[0].steals[0].node: no client with id “a.example”',
    ]);
    expect(errorsOf((s) => (s.topology.observers = 'x'))).toEqual(['topology.observers: must be a list']);
    expect(both((s) => (s.topology.observers[0].kind = 'spy'))).toEqual({
      en: ['topology.observers[0].kind: unknown observer “spy” (known: tap, thief, forger, mitm)'],
      de: ['topology.observers[0].kind: Beobachter „spy“ ist unbekannt (bekannt: tap, thief, forger, mitm)'],
    });
  });

  it('refuses fields it does not know in version 2 and versions it does not know', () => {
    expect(errorsOf((s) => (s.topology.taps = []))).toEqual(['topology.taps: is not a field here (known: servers, clients, links, observers, dns, middleboxes)']);
    expect(both((s) => (s.version = 3))).toEqual({
      en: ['version: unknown format version 3 (this lab reads versions 1 and 2)'],
      de: ['version: unbekannte Formatversion 3 (dieses Labor liest die Versionen 1 und 2)'],
    });
  });

  it('reports broken JSON and non-objects without throwing', () => {
    const r = parseScenarioJson('{"id": "x",');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('(file)');
    if (!r.ok) expect(formatIssue(r.errors[0]!, 'de')).toMatch(/^\(file\): kein gültiges JSON: /);
    for (const bad of [null, 42, 'text', [], { topology: 7 }]) expect(loadScenario(bad).ok).toBe(false);
    expect(loadScenario(null)).toEqual({ ok: false, errors: [{ path: '', code: 'type.object', params: {} }] });
  });
});
