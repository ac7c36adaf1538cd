/**
 * Lesson 5 ("Security requirements for messaging") quotes the presets in its scorecard and its text.
 * Each scorecard link is pinned here to what happens at that step, as the engine says it (seed 1, the
 * widget's seed): a change to a preset that moves a step, or that would make a row say something false,
 * fails here instead. Rows without a link (not yet simulated) are listed, so that a new preset prompts
 * filling them in. Steps are widget steps: step k = event k − 1.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getLesson } from '@/app/_content/lessons';
import { predictAnswer, stanzaAt } from '@/app/_components/lesson/lesson-data';
import { parsePlace, placeHref } from '@/app/_components/lesson/scorecard-data';
import { WIDGET_SEED } from '@/app/_components/scenario/ScenarioWidget';
import { getPreset } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';
import type { Trace } from '@/lib/sim/types';

interface Row {
  id: string;
  met?: string;
  metLens?: string;
  broken?: string;
  brokenLens?: string;
}

function rows(locale: 'en' | 'de'): Row[] {
  const src = readFileSync(getLesson(locale, 'security-requirements')!.file, 'utf8');
  return [...src.matchAll(/<Requirement\b([^>]*)\/>/g)].map((m) => {
    const a = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1]!, x[2]!]));
    return { id: a.id!, met: a.met, metLens: a.metLens, broken: a.broken, brokenLens: a.brokenLens };
  });
}

const traces = new Map<string, Trace>();
function event(id: string, step: number) {
  if (!traces.has(id)) traces.set(id, runScenario(getPreset(id)!, { seed: WIDGET_SEED }).trace);
  const e = traces.get(id)!.events[step - 1]!;
  return { kind: e.kind, from: e.from, to: e.to, time: e.time, note: e.note.key, effects: e.effects.map((x) => x.key) };
}

const read = (scenario: string, step: number, observer: string, about?: number) => {
  const a = predictAnswer({ scenario, step, observer, kind: 'can-read', about: about === undefined ? undefined : String(about) });
  if (typeof a === 'string') throw new Error(a);
  return a.yes ? (a.evidence as { text: string }).text : null;
};
const knows = (scenario: string, step: number, observer: string, about: string) => {
  const a = predictAnswer({ scenario, step, observer, kind: 'knows', about });
  if (typeof a === 'string') throw new Error(a);
  return a.yes ? (a.evidence as { value: string }).value : null;
};

/** What each link of the scorecard claims, checked against the engine. Keyed `row.side`. */
const CLAIMS: Record<string, () => void> = {
  'link-confidentiality.met': () => {
    // chat-local@62: alice's message on her TLS link; the tap on it opens nothing.
    expect(event('chat-local', 62)).toMatchObject({ from: 'alice', to: 'a.example', note: 'client.message-send' });
    expect(read('chat-local', 62, 'tap:alice~a.example')).toBeNull();
  },
  'link-confidentiality.broken': () => {
    expect(read('hello', 24, 'tap:alice~a.example')).toBe('Hi Bob! Lunch at noon?');
  },
  'e2e-confidentiality.met': () => {
    expect(event('otr-ake', 40)).toMatchObject({ from: 'a.example', to: 'bob', note: 'server.message-route', effects: ['otr.message-received'] });
    expect(read('otr-ake', 40, 'a.example')).toBeNull();
    expect(read('otr-ake', 40, 'bob')).toBe('Can anyone else read this?');
  },
  'e2e-confidentiality.broken': () => {
    expect(event('federation', 67)).toMatchObject({ from: 'a.example', to: 'b.example', note: 's2s.stanza-out' });
    expect(read('federation', 67, 'b.example')).toBe('Hello from a.example!');
  },
  'integrity.met': () => {
    expect(event('otr-ake', 39)).toMatchObject({ from: 'alice', to: 'a.example', note: 'otr.text-send' });
  },
  'client-server-authentication.met': () => {
    expect(event('c2s-login', 14)).toMatchObject({ from: 'alice', note: 'client.scram-verified' });
  },
  'client-server-authentication.broken': () => {
    expect(event('hello', 4)).toMatchObject({ from: 'bob', note: 'client.sasl-plain' });
    expect(knows('hello', 4, 'tap:bob~a.example', 'password:bob')).toBe('builder');
  },
  'server-server-authentication.met': () => {
    expect(event('federation', 65)).toMatchObject({ from: 'b.example', to: 'a.example', note: 's2s.db-result-valid', effects: ['s2s.dialback-valid'] });
  },
  'client-client-authentication.met': () => {
    expect(event('otr-mitm', 56)).toMatchObject({ to: 'alice', note: 'mitm.deliver-smp' });
    expect(event('otr-mitm', 56).effects).toContain('otr.smp-failure');
  },
  'client-client-authentication.broken': () => {
    expect(event('otr-mitm', 40)).toMatchObject({ to: 'bob', note: 'mitm.deliver-data', effects: ['otr.message-received'] });
    expect(read('otr-mitm', 40, 'operator:a.example')).toBe('The meeting moved to room 101.');
  },
  'presence-access-control.met': () => {
    expect(event('presence-subscription', 48)).toMatchObject({ from: 'bob', note: 'client.approve-subscription' });
    expect(event('presence-subscription', 51)).toMatchObject({ to: 'alice', note: 'server.presence-deliver' });
  },
  'data-minimisation.met': () => {
    expect(event('c2s-login', 11)).toMatchObject({ from: 'a.example', note: 'server.scram-challenge' });
    expect(knows('c2s-login', 31, 'operator:a.example', 'password:alice')).toBeNull();
  },
  'data-minimisation.broken': () => {
    expect(read('otr-ake', 40, 'a.example')).toBeNull();
    expect(knows('otr-ake', 40, 'a.example', 'jid:alice@a.example/laptop')).toBe('alice@a.example/laptop');
    expect(knows('otr-ake', 40, 'a.example', 'jid:bob@a.example/phone')).toBe('bob@a.example/phone');
    expect(knows('otr-ake', 40, 'a.example', 'ip:alice')).toBe('192.0.2.10');
  },
  'forward-secrecy.met': () => {
    expect(event('otr-forward-secrecy', 72)).toMatchObject({ note: 'action.keys-stolen' });
    expect(read('otr-forward-secrecy', 72, 'thief', 45)).toBeNull();
  },
  'forward-secrecy.broken': () => {
    expect(read('otr-forward-secrecy', 72, 'thief', 60)).toBe('static: the new password is tulip42.');
  },
  'post-compromise-security.met': () => {
    expect(event('otr-post-compromise', 47)).toMatchObject({ note: 'action.keys-stolen' });
    expect(read('otr-post-compromise', 68, 'thief', 56)).toBeNull();
    expect(read('otr-post-compromise', 68, 'thief', 68)).toBeNull();
  },
  'post-compromise-security.broken': () => {
    expect(event('otr-post-compromise', 52)).toMatchObject({ from: 'alice', note: 'otr.text-send' });
    expect(read('otr-post-compromise', 52, 'thief')).toBe('Then bring the draft.');
  },
  'deniability.met': () => {
    expect(event('otr-deniability', 52)).toMatchObject({ to: 'alice', note: 'server.message-route' });
  },
  'deniability.broken': () => {
    expect(event('otr-deniability', 28)).toMatchObject({ from: 'alice', note: 'signed.message-send' });
  },
  'offline-messages.met': () => {
    expect(event('offline-message', 43)).toMatchObject({ to: 'bob', note: 'server.offline-delivered', effects: ['client.message-received-delayed'] });
    expect(read('offline-message', 43, 'bob')).toBe('Call me when you land.');
  },
  'multi-device.met': () => {
    expect(read('chat-local', 70, 'bob-laptop', 69)).toBe('Fire drill at 3 pm');
    expect(read('chat-local', 70, 'bob-phone', 70)).toBe('Fire drill at 3 pm');
  },
  'multi-device.broken': () => {
    expect(event('chat-local', 63)).toMatchObject({ to: 'bob-phone', note: 'server.message-route' });
    expect(read('chat-local', 63, 'bob-laptop')).toBeNull();
  },
};

describe('lesson 5: the scorecard', () => {
  const en = rows('en');

  it('has the same rows, links and lenses in English and German', () => {
    expect(rows('de')).toEqual(en);
  });

  it('every link is pinned below, and every pin is a link of the lesson', () => {
    const linked = en.flatMap((r) => (['met', 'broken'] as const).filter((s) => r[s] !== undefined).map((s) => `${r.id}.${s}`));
    expect(linked.sort()).toEqual(Object.keys(CLAIMS).sort());
  });

  it('says honestly which sides no preset shows yet', () => {
    const missing = en.flatMap((r) => (['met', 'broken'] as const).filter((s) => r[s] === undefined).map((s) => `${r.id}.${s}`));
    expect(missing).toEqual(['integrity.broken', 'server-server-authentication.broken', 'presence-access-control.broken', 'group-roles.met', 'group-roles.broken', 'offline-messages.broken']);
  });

  for (const r of en)
    for (const side of ['met', 'broken'] as const)
      if (r[side] !== undefined)
        it(`${r.id}: ${side} at ${r[side]}${r[`${side}Lens`] ? ` (${r[`${side}Lens`]})` : ''}`, () => {
          const p = parsePlace(r[side]!, r[`${side}Lens`]);
          expect(typeof p).toBe('object');
          CLAIMS[`${r.id}.${side}`]!();
        });

  it('links open the scenario page at the step, with the lens', () => {
    expect(placeHref('de', { scenario: 'otr-ake', step: 40, lens: 'a.example' })).toBe('/de/scenarios/otr-ake/?step=40&lens=a.example');
    expect(placeHref('en', { scenario: 'hello', step: 24, lens: 'tap:alice~a.example' })).toBe('/en/scenarios/hello/?step=24&lens=tap%3Aalice~a.example');
    expect(placeHref('en', { scenario: 'hello', step: 4 })).toBe('/en/scenarios/hello/?step=4');
  });
});

describe('lesson 5: what the text quotes', () => {
  it('offline-message: two messages at 1.5 s and 1.7 s, bob online at 60 s, both delivered with a delay stamp', () => {
    expect([21, 23].map((k) => [event('offline-message', k).time, event('offline-message', k).effects])).toEqual([
      [1520, ['server.message-accepted', 'server.stored-offline']],
      [1720, ['server.message-accepted', 'server.stored-offline']],
    ]);
    expect(event('offline-message', 24)).toMatchObject({ from: 'bob', time: 60000, note: 'action.connect' });
    expect([43, 44].map((k) => event('offline-message', k).note)).toEqual(['server.offline-delivered', 'server.offline-delivered']);
    const stanza = stanzaAt('offline-message', 43);
    expect(typeof stanza === 'object' && stanza.xml).toContain("xmlns='urn:xmpp:delay'");
  });

  it('offline-message: a.example reads the messages it keeps (the Predict asks about step 23)', () => {
    expect(read('offline-message', 21, 'a.example')).toBe('Call me when you land.');
    expect(read('offline-message', 23, 'a.example')).toBe('And bring the keys.');
  });

  it('chat-local: the phone has priority 5, the laptop 1; bare JID → phone, full JID → laptop, headline → both', () => {
    expect(JSON.stringify(getPreset('chat-local'))).toMatch(/"node":"bob-phone","action":\{"type":"set-presence","priority":5\}/);
    expect(JSON.stringify(getPreset('chat-local'))).toMatch(/"node":"bob-laptop","action":\{"type":"set-presence","show":"away","priority":1\}/);
    expect([63, 66, 69, 70].map((k) => event('chat-local', k).to)).toEqual(['bob-phone', 'bob-laptop', 'bob-laptop', 'bob-phone']);
    expect(read('chat-local', 66, 'bob-laptop')).toBe('The slides are on your laptop.');
  });
});
