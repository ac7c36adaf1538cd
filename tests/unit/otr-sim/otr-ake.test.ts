/** OTR inside the simulated XMPP client: the otr-ake preset's wire, keys and screens. */
import { describe, expect, it } from 'vitest';
import { dissect } from '@/lib/otr/inspect';
import { otrAke } from '@/lib/scenarios/presets/otr-ake';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import { otrStateOf } from '@/lib/e2e/otr';
import type { ClientState } from '@/lib/xmpp/stream/client';
import { notesOf, otrOnLink } from './trace';

const run = runScenario(otrAke, { seed: 1 });
const { trace } = run;
const onAlice = otrOnLink(trace, 'alice~a.example');
const bodies = otrAke.script.flatMap((s) => (s.action.type === 'send-message' ? [s.action.body] : []));

describe('otr-ake', () => {
  it('puts the query, the four AKE messages and the data messages in <body>, in the spec’s order', () => {
    const kinds = onAlice.map((o) => {
      const d = dissect(o.text);
      return d.kind === 'encoded' ? d.typeName : d.kind;
    });
    expect(kinds).toEqual(['query', 'DH-Commit', 'DH-Key', 'Reveal-Signature', 'Signature', 'Data', 'Data', 'Data', 'Data', 'Data', 'Data', 'Data']);
    // bob, who received the query, commits (x); alice answers with g^y, as in the spec's overview
    expect(onAlice.slice(1, 5).map((o) => o.event.from)).toEqual(['a.example', 'alice', 'a.example', 'alice']);
    expect(onAlice[0]!.text.startsWith('?OTRv23?')).toBe(true);
  });

  it('rotates key ids per round trip, not per message (two in a row from alice keep 2/2)', () => {
    const data = onAlice.filter((o) => o.key);
    expect(data.map((o) => o.key!.replace(/^otr:([a-z]+)@a\.example>([a-z]+)@a\.example:/, '$1>$2 '))).toEqual([
      'alice>bob 1/1',
      'bob>alice 1/2',
      'alice>bob 2/2',
      'alice>bob 2/2',
      'bob>alice 2/3',
      'alice>bob 3/3',
      'alice>bob 3/3',
    ]);
    expect(data[2]!.label).toContain('counter 1');
    expect(data[3]!.label).toContain('counter 2');
  });

  it('never puts a typed message on the wire; every OTR stanza carries the XEP-0364 hints', () => {
    const dec = new TextDecoder();
    for (const e of trace.events) {
      const wire = e.wire ? dec.decode(e.wire) : '';
      for (const b of bodies) expect(wire).not.toContain(b);
    }
    for (const o of onAlice) {
      const xml = dec.decode(o.event.wire!);
      expect(xml).toContain("<no-copy xmlns='urn:xmpp:hints'/>");
      expect(xml).toContain("<no-permanent-store xmlns='urn:xmpp:hints'/>");
      expect(xml).toContain("<private xmlns='urn:xmpp:carbons:2'/>");
    }
  });

  it('shows every message on the other screen, marked encrypted', () => {
    const states = nodeStatesAfter(otrAke, run, trace.events.length - 1);
    const alice = states.alice as ClientState;
    const bob = states.bob as ClientState;
    const mine = (c: ClientState) => c.inbox.filter((m) => m.encrypted).map((m) => m.body);
    expect(mine(bob)).toEqual(bodies.filter((_, i) => otrAke.script.filter((s) => s.action.type === 'send-message')[i]!.node === 'alice'));
    expect(mine(alice)).toEqual(bodies.filter((_, i) => otrAke.script.filter((s) => s.action.type === 'send-message')[i]!.node === 'bob'));
    expect(otrStateOf(alice).sessions['bob@a.example']!.msgstate).toBe('plaintext');
    expect(otrStateOf(bob).sessions['alice@a.example']!.msgstate).toBe('finished');
    expect(otrStateOf(bob).addresses['alice@a.example']).toBe('alice@a.example/laptop');
  });

  it('notes every DH key’s birth and death; after the end neither side holds any', () => {
    const born = notesOf(trace, 'otr.dh-generated');
    const died = [...notesOf(trace, 'otr.dh-forgotten'), ...notesOf(trace, 'otr.dh-forgotten-end')];
    // retired by rotation: #1 and #2 on each side; the rest when alice ends the conversation
    expect(notesOf(trace, 'otr.dh-forgotten').map((n) => [n.params.node, n.params.keyid, n.params.newer])).toEqual([
      ['alice', 1, 2],
      ['bob', 1, 2],
      ['alice', 2, 3],
      ['bob', 2, 3],
    ]);
    for (const node of ['alice', 'bob']) {
      const b = born.filter((n) => n.params.node === node);
      const d = died.filter((n) => n.params.node === node);
      expect(b.map((n) => n.params.keyid)).toEqual([1, 2, 3, 4]);
      expect(d.map((n) => n.params.keyid).sort()).toEqual([1, 2, 3, 4]);
      for (const x of d) {
        const birth = b.find((n) => n.params.pub === x.params.pub)!;
        expect(birth.event.seq).toBeLessThan(x.event.seq);
        // the private half is a fact of the event where the key was made, never a note parameter
        const made = birth.event.facts.find((f) => f.type === 'dh-key-made' && f.pub === birth.params.pub);
        expect(made && made.type === 'dh-key-made' ? made.priv : '').toMatch(/^[0-9a-f]+$/);
        expect(birth.params.priv).toBeUndefined();
      }
    }
    // the first MAC keys are revealed in bob's message 2/3, after alice's key #1 retired
    const revealed = notesOf(trace, 'otr.mac-revealed');
    expect(revealed[0]!.params).toMatchObject({ node: 'bob', count: 1 });
    expect(String(revealed[0]!.params.macKeys)).toMatch(/^[0-9a-f]{40}$/);
  });

  it('is deterministic, and another seed changes keys but not key ids', () => {
    const again = runScenario(otrAke, { seed: 1 }).trace;
    expect(otrOnLink(again, 'alice~a.example').map((o) => o.text)).toEqual(onAlice.map((o) => o.text));
    const other = otrOnLink(runScenario(otrAke, { seed: 2 }).trace, 'alice~a.example');
    expect(other.map((o) => o.key)).toEqual(onAlice.map((o) => o.key));
    expect(other[5]!.text).not.toBe(onAlice[5]!.text);
  });
});
