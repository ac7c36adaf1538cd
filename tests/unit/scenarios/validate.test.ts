import { describe, expect, it } from 'vitest';
import { presets } from '@/lib/scenarios/presets/index';
import { hello } from '@/lib/scenarios/presets/hello';
import { parseScenarioJson, validateScenario } from '@/lib/scenarios/validate';

function errorsOf(patch: (s: any) => void): string[] {
  const s = structuredClone(hello) as any;
  patch(s);
  const r = validateScenario(s);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('scenario validation', () => {
  it('accepts every preset', () => {
    for (const p of presets) expect(validateScenario(p)).toEqual({ ok: true, scenario: p });
  });

  it('names the bad field', () => {
    expect(errorsOf((s) => (s.topology.clients[1].jid = 'bob@@a.example'))).toEqual(['topology.clients[1].jid: “bob@@a.example” is not a valid bare JID (localpart@domain)']);
    expect(errorsOf((s) => (s.topology.clients[0].server = 'b.example'))).toEqual(['topology.clients[0].server: no server with id “b.example”', 'topology.clients[0]: client “alice” has no link to its server “b.example”']);
    expect(errorsOf((s) => (s.topology.links[0].latencyMs = -5))).toEqual(['topology.links[0].latencyMs: must be between 0 and 60000']);
    expect(errorsOf((s) => (s.topology.taps[0].link = 'x~y'))).toEqual(['topology.taps[0].link: no link with id “x~y”']);
    const [teleport, ...more] = errorsOf((s) => (s.script[2].action.type = 'teleport'));
    expect(more).toEqual([]);
    expect(teleport).toMatch(/^script\[2\]\.action\.type: unknown action “teleport” \(known: connect, disconnect, send-message, .*\bsend-raw, otr-start, otr-end, smp-start, smp-respond, static-publish, send-static\b.*\)$/);
    expect(errorsOf((s) => (s.script[1].node = 'a.example'))).toEqual(['script[1].node: no client with id “a.example”']);
    expect(errorsOf((s) => (s.script[0].at = Number.NaN))).toEqual(['script[0].at: must be a number']);
    expect(errorsOf((s) => (s.topology.servers[0].ip = '300.1.1.1'))).toEqual(['topology.servers[0].ip: “300.1.1.1” is not a valid IPv4 address']);
    expect(errorsOf((s) => (s.topology.clients.push({ ...s.topology.clients[0] })))).toContain('topology.clients[2].id: node id “alice” is used twice');
    expect(errorsOf((s) => (s.title = 'hi'))).toEqual(['title: must be an object']);
    expect(errorsOf((s) => (s.settings.tls = 'starttls'))).toEqual([]);
    expect(errorsOf((s) => (s.settings.tls = 'tls1.3'))).toEqual(['settings.tls: must be one of none, starttls, required']);
    expect(errorsOf((s) => (s.settings.sasl = 'CRAM-MD5'))).toEqual(['settings.sasl: must be one of SCRAM-SHA-256, SCRAM-SHA-1, PLAIN']);
    expect(errorsOf((s) => (s.settings.scramIterations = 1000))).toEqual(['settings.scramIterations: must be between 4096 and 100000']);
    expect(errorsOf((s) => (s.topology.down = ['alice']))).toEqual(['topology.down[0]: no server with id “alice”']);
    expect(errorsOf((s) => (s.topology.dns = { srv: [{ name: 'b.example', priority: 0, weight: 0, port: 5269, target: 'x.b.example' }], a: [] }))).toEqual(['topology.dns.srv[0].name: “b.example” is not a valid SRV name (_xmpp-server._tcp.<domain>)']);
    expect(errorsOf((s) => (s.script[2].action = { type: 'set-presence', priority: 200 }))).toEqual(['script[2].action.priority: must be between -128 and 127']);
    expect(errorsOf((s) => (s.script[2].action = { type: 'add-contact', jid: 'bob' }))).toEqual(['script[2].action.jid: “bob” is not a valid bare JID (localpart@domain)']);
  });

  it('checks the OTR and static-key actions', () => {
    const act = (action: unknown) => errorsOf((s) => (s.script[2].action = action));
    expect(act({ type: 'otr-start', to: 'bob@a.example/phone' })).toEqual([]);
    expect(act({ type: 'otr-start', to: 'a.example' })).toEqual(['script[2].action.to: “a.example” is not a person’s JID (localpart@domain)']);
    expect(act({ type: 'otr-end' })).toEqual(['script[2].action.to: must be text']);
    expect(act({ type: 'smp-start', to: 'bob@a.example', secret: '' })).toEqual(['script[2].action.secret: must be 1 to 1024 characters']);
    expect(act({ type: 'smp-start', to: 'bob@a.example', secret: 'x', question: 7 })).toEqual(['script[2].action.question: must be text']);
    expect(act({ type: 'smp-respond', to: 'bob@@a.example', secret: 'x' })).toEqual(['script[2].action.to: “bob@@a.example” is not a valid JID']);
    expect(act({ type: 'send-static', to: 'bob@a.example', body: 'x'.repeat(70_000) })).toEqual(['script[2].action.body: is longer than 65536 characters']);
    expect(act({ type: 'static-publish', to: 'bob@a.example' })).toEqual([]);
  });

  it('checks thieves: a recorded link, client nodes, times and what they steal', () => {
    const thief = (t: unknown) => errorsOf((s) => (s.topology.thieves = [t]));
    const ok = { id: 'thief', link: 'alice~a.example', steals: [{ node: 'alice', at: 5000, what: ['long-term-keys', 'otr-session', 'static-key'] }] };
    expect(thief(ok)).toEqual([]);
    expect(thief({ ...ok, link: 'nowhere' })).toEqual(['topology.thieves[0].link: no link with id “nowhere”']);
    expect(thief({ ...ok, id: 'alice' })).toEqual(['topology.thieves[0].id: observer name “alice” is already taken']);
    expect(thief({ ...ok, steals: [] })).toEqual(['topology.thieves[0].steals: needs at least one theft']);
    expect(thief({ ...ok, steals: [{ node: 'a.example', at: -1, what: ['passwords'] }] })).toEqual([
      'topology.thieves[0].steals[0].node: no client with id “a.example”',
      'topology.thieves[0].steals[0].at: must be between 0 and 86400000',
      'topology.thieves[0].steals[0].what[0]: must be one of long-term-keys, otr-session, static-key',
    ]);
    expect(errorsOf((s) => (s.topology.thieves = 'x'))).toEqual(['topology.thieves: must be a list']);
  });

  it('reports broken JSON and non-objects without throwing', () => {
    const r = parseScenarioJson('{"id": "x",');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('(file)');
    for (const bad of [null, 42, 'text', [], { topology: 7 }]) expect(validateScenario(bad).ok).toBe(false);
  });
});
