import { describe, expect, it } from 'vitest';
import { toHex } from '@/lib/bytes/hex';
import { observe } from '@/lib/knowledge/observe';
import { fingerprint, publicPart } from '@/lib/otr/dsa';
import { otrMitm } from '@/lib/scenarios/presets/otr-mitm';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import { factsOf } from '@/lib/sim/facts';
import type { Scenario } from '@/lib/sim/types';
import type { ServerState } from '@/lib/xmpp/server/state';
import { otrStateOf } from '@/lib/e2e/otr';
import type { ClientState } from '@/lib/xmpp/stream/client';

const TEXTS = ['The meeting moved to room 101.', 'Thanks. Who else knows?', 'Nobody. Keep it between us.'];
const honest: Scenario = { ...otrMitm, topology: { ...otrMitm.topology, observers: otrMitm.topology.observers.filter((o) => o.kind !== 'mitm') } };

function outcome(scenario: Scenario) {
  const run = runScenario(scenario, { seed: 1 });
  const last = run.trace.events.length - 1;
  const nodes = nodeStatesAfter(scenario, run, last);
  const effects = run.trace.events.flatMap((e) => e.effects);
  const smp = (client: string) => effects.filter((n) => n.params?.client === client && (n.key === 'otr.smp-success' || n.key === 'otr.smp-success-answered' || n.key === 'otr.smp-failure')).map((n) => n.key);
  return { run, alice: nodes.alice as ClientState, bob: nodes.bob as ClientState, server: nodes['a.example'] as ServerState, smp };
}

describe('otr-mitm: the operator of a.example in the middle', () => {
  const { run, alice, bob, server, smp } = outcome(otrMitm);
  const a = otrStateOf(alice).sessions['bob@a.example']!;
  const b = otrStateOf(bob).sessions['alice@a.example']!;

  it('both clients reach encrypted, but each holds the operator’s key, not the other’s', () => {
    expect([a.msgstate, b.msgstate]).toEqual(['encrypted', 'encrypted']);
    const mitm = toHex(fingerprint(publicPart(server.otrMitm!.key)));
    expect(toHex(fingerprint(a.theirLongTerm!))).toBe(mitm);
    expect(toHex(fingerprint(b.theirLongTerm!))).toBe(mitm);
    expect(mitm).not.toBe(toHex(fingerprint(publicPart(otrStateOf(bob).dsa!))));
    expect(mitm).not.toBe(toHex(fingerprint(publicPart(otrStateOf(alice).dsa!))));
    expect(toHex(a.ssid!)).not.toBe(toHex(b.ssid!));
  });

  it('the operator reads every message in both directions; a tap on alice’s link reads none', () => {
    const op = observe(otrMitm, run.trace, 'operator:a.example')!;
    const read = op.messages.filter((m) => m.content !== null).map((m) => m.content);
    // each message seen arriving (decrypted) and leaving (re-encrypted)
    expect(read).toEqual([TEXTS[0], TEXTS[0], TEXTS[1], TEXTS[1], TEXTS[2], TEXTS[2]]);
    const tap = observe(otrMitm, run.trace, 'tap:alice~a.example')!;
    expect(tap.messages.length).toBeGreaterThan(5);
    for (const m of tap.messages) for (const t of TEXTS) expect(m.content ?? '').not.toContain(t);
  });

  it('what the operator read and re-encrypted are facts (mitm-read, mitm-reencrypted), beside the narration', () => {
    const facts = run.trace.events.flatMap((e) => e.facts);
    const A = 'alice@a.example';
    const B = 'bob@a.example';
    const pairs = [[A, B], [B, A], [A, B]] as const;
    expect(factsOf(facts, 'mitm-read')).toEqual(TEXTS.map((text, i) => ({ type: 'mitm-read', node: 'a.example', from: pairs[i]![0], to: pairs[i]![1], text })));
    expect(factsOf(facts, 'mitm-reencrypted')).toEqual(TEXTS.map((text, i) => ({ type: 'mitm-reencrypted', node: 'a.example', from: pairs[i]![0], to: pairs[i]![1], text })));
    for (const e of run.trace.events.filter((ev) => factsOf(ev.facts, 'mitm-read').length)) expect(e.effects.some((n) => n.key === 'mitm.read')).toBe(true);
  });

  it('the operator’s data messages carry an otr layer whose key names the operator, not alice or bob', () => {
    const keys = run.trace.events.filter((e) => e.note.key === 'mitm.deliver-data').map((e) => e.layers.find((l) => l.layer === 'otr')?.key);
    expect(keys).toEqual([
      'otr:operator:a.example/alice@a.example>bob@a.example:1/1',
      'otr:operator:a.example/bob@a.example>alice@a.example:1/2',
      'otr:operator:a.example/alice@a.example>bob@a.example:2/2',
    ]);
  });

  it('every message still arrives intact, so nothing looks wrong', () => {
    expect(bob.inbox.map((m) => m.body)).toEqual([TEXTS[0], TEXTS[2]]);
    expect(alice.inbox.map((m) => m.body)).toEqual([TEXTS[1]]);
  });

  it('SMP with the same answer fails on both sides', () => {
    expect(smp('alice')).toEqual(['otr.smp-failure']);
    expect(smp('bob')).toEqual(['otr.smp-failure']);
    expect(run.trace.events.some((e) => e.effects.some((n) => n.key === 'mitm.smp-relay-last'))).toBe(true);
    // the operator reads the question (it travels inside the encrypted message), never an answer
    const q = run.trace.events.flatMap((e) => e.effects).find((n) => n.key === 'mitm.smp-relay-question');
    expect(q?.params?.question).toBe('Name of our first office cat?');
    expect(JSON.stringify(run.trace.events.flatMap((e) => e.effects.filter((n) => n.key.startsWith('mitm.'))))).not.toContain('Minka');
    // four SMP steps, each re-encrypted by the operator on its way
    expect(run.trace.events.filter((e) => e.note.key === 'mitm.deliver-smp').map((e) => e.to)).toEqual(['bob', 'alice', 'bob', 'alice']);
  });

  it('the same script on an honest server: SMP succeeds, and the operator’s logs hold no words', () => {
    const h = outcome(honest);
    expect(h.smp('alice')).toEqual(['otr.smp-success']);
    // bob answered alice's question: his side learns the secrets matched but is not told the conversation is verified
    expect(h.smp('bob')).toEqual(['otr.smp-success-answered']);
    expect(observe(honest, h.run.trace, 'operator:a.example')!.messages.every((m) => m.content === null)).toBe(true);
    expect(toHex(fingerprint(otrStateOf(h.alice).sessions['bob@a.example']!.theirLongTerm!))).toBe(toHex(fingerprint(publicPart(otrStateOf(h.bob).dsa!))));
  });

  it('is deterministic', () => {
    const again = runScenario(otrMitm, { seed: 1 }).trace.events.map((e) => (e.wire ? toHex(e.wire) : e.note.key));
    expect(again).toEqual(run.trace.events.map((e) => (e.wire ? toHex(e.wire) : e.note.key)));
  });
});
