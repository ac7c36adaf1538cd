/**
 * The teaching vocabulary against the engine (issue #17 item 5): both languages of a lesson use the
 * same scenarios, steps, checks and heading ids; every <Step> lands inside its widget's scenario and is
 * pinned to the event it names; every <Predict> has the answer the lesson's explanation assumes, computed
 * by the knowledge fold; every exercise's answer comes from the trace; no internal link is dead. The
 * compile check itself is tested to refuse each kind of bad reference.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLesson } from '@/app/_content/compile';
import { listLessons } from '@/app/_content/lessons';
import { exerciseData, LESSON_SEED, predictAnswer, stanzaAt } from '@/app/_components/lesson/lesson-data';
import { storedKeyHex } from '@/app/_components/lesson/scram-check';
import { WIDGET_SEED } from '@/app/_components/scenario/ScenarioWidget';
import { locales } from '@/app/_i18n/locales';
import { getPreset } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';

/** The lesson's prose without code blocks, where a tag is text, not a component. */
const prose = (file: string): string => readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');

const attrs = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/(\w+)=(?:"([^"]*)"|\{(\d+)\})/g)].map((m) => [m[1]!, m[2] ?? m[3]!]));

/** Every use of a vocabulary component that names data, in document order, as `Name key=value …` (texts left out). */
function signature(file: string): string[] {
  const keep: Record<string, readonly string[]> = {
    Scenario: ['id', 'initialStep'],
    Step: ['n'],
    Predict: ['scenario', 'step', 'observer', 'kind', 'about'],
    StanzaView: ['scenario', 'step'],
    Annotation: ['at'],
    Exercise: ['kind', 'scenario', 'step', 'observer', 'user', 'candidates'],
    Quiz: [],
    Choice: [],
    FurtherReading: [],
    Scorecard: [],
    Requirement: ['id', 'met', 'metLens', 'broken', 'brokenLens', 'lesson'],
  };
  return [...prose(file).matchAll(/<([A-Z]\w*)((?:[^>"{]|"[^"]*"|\{[^}]*\})*)>/g)]
    .filter((m) => m[1]! in keep)
    .map((m) => {
      const a = attrs(m[2]!);
      const flags = m[1] === 'Choice' && /\scorrect\b/.test(m[2]!.replace(/"[^"]*"/g, '""')) ? ' correct' : '';
      return `${m[1]}${keep[m[1]!]!.map((k) => (a[k] === undefined ? '' : ` ${k}=${a[k]}`)).join('')}${flags}`;
    });
}

const pairs = listLessons('en').map((en) => ({ en, de: listLessons('de').find((d) => d.slug === en.slug)! }));

describe('both languages teach the same lesson', () => {
  for (const { en, de } of pairs) {
    it(`${en.slug}: same scenarios, steps, checks and sources`, () => {
      expect(signature(de.file)).toEqual(signature(en.file));
    });

    it(`${en.slug}: same headings with the same ids`, async () => {
      const [e, d] = await Promise.all([compileLesson(en.file), compileLesson(de.file)]);
      expect(d.headings).toEqual(e.headings);
      expect(new Set(e.headings.map((h) => h.id)).size).toBe(e.headings.length);
    }, 60_000);
  }
});

describe('every lesson asks before it tells', () => {
  for (const locale of locales)
    for (const lesson of listLessons(locale)) {
      it(`${locale}/${lesson.slug}: at least three checks, at least one a <Predict>, and sources`, () => {
        const sig = signature(lesson.file);
        const count = (name: string) => sig.filter((s) => s === name || s.startsWith(`${name} `)).length;
        expect(count('Predict')).toBeGreaterThanOrEqual(1);
        expect(count('Quiz') + count('Predict') + count('Exercise')).toBeGreaterThanOrEqual(3);
        expect(count('FurtherReading')).toBe(1);
      });
    }
});

/** Each lesson's Predicts with the answer its `why` text argues for. A change in the engine that flips one fails here. */
const PREDICTED: Record<string, boolean> = {
  'hello@24 tap:alice~a.example can-read': true,
  'hello@25 tap:alice~a.example knows ip:bob': false,
  'federation@67 b.example can-read': true,
  'federation@67 tap:a.example~b.example can-read': false,
  'c2s-login@12 tap:alice~a.example knows password:alice': false,
  'c2s-login@19 tap:alice~a.example knows jid:alice@a.example/laptop': false,
  'otr-ake@39 a.example can-read': false,
  'otr-forward-secrecy@72 thief can-read 45': false,
  'otr-forward-secrecy@72 thief can-read 60': true,
  'otr-post-compromise@68 thief can-read 56': false,
  'otr-deniability@42 forger can-read': false,
  'otr-mitm@39 operator:a.example can-read': true,
  'otr-mitm@39 tap:alice~a.example can-read': false,
  'presence-subscription@51 alice knows jid:bob@a.example/phone': true,
  'offline-message@21 a.example can-read': true,
  'offline-message@43 tap:bob~a.example can-read': false,
  'offline-message@23 a.example can-read': true,
  'chat-local@63 bob-laptop can-read': false,
  'otr-offline@23 a.example can-read': true,
  'otr-offline@54 a.example can-read': false,
  'otr-ake@40 a.example can-read': false,
  'otr-ake@40 a.example knows jid:bob@a.example/phone': true,
  'c2s-login@6 a.example knows key:tls:alice~a.example': true,
  'c2s-login@7 tap:alice~a.example knows key:tls:alice~a.example': false,
  'federation@40 a.example can-read': true,
  'starttls-stripping@9 tap:alice~a.example knows password:alice': true,
  'starttls-stripping@18 tap:bob~a.example knows password:bob': false,
  's2s-plaintext@55 tap:a.example~b.example can-read': true,
  'sasl-downgrade@4 tap:alice~a.example knows password:alice': true,
};

describe('<Predict>: the simulation gives the answer the lesson explains', () => {
  const all = pairs.flatMap(({ en }) =>
    [...prose(en.file).matchAll(/<Predict\b([^>]*)\/>/g)].map((m) => {
      const a = attrs(m[1]!);
      return { key: `${a.scenario}@${a.step} ${a.observer} ${a.kind}${a.about ? ` ${a.about}` : ''}`, a };
    }),
  );

  it('every Predict of the lessons is in the table, and every row of the table is asked', () => {
    expect(all.map((p) => p.key).sort()).toEqual(Object.keys(PREDICTED).sort());
  });

  for (const { key, a } of all)
    it(key, () => {
      const answer = predictAnswer({ scenario: a.scenario!, step: Number(a.step), observer: a.observer!, kind: a.kind!, about: a.about });
      expect(typeof answer).toBe('object');
      expect(typeof answer === 'object' && answer.yes).toBe(PREDICTED[key]);
    });

  it('the evidence names what the observer read or could not open', () => {
    expect(predictAnswer({ scenario: 'hello', step: 24, observer: 'tap:alice~a.example', kind: 'can-read' })).toEqual({ yes: true, evidence: { type: 'read', text: 'Hi Bob! Lunch at noon?' } });
    expect(predictAnswer({ scenario: 'otr-ake', step: 39, observer: 'a.example', kind: 'can-read' })).toEqual({ yes: false, evidence: { type: 'sealed', size: 574 } });
    expect(predictAnswer({ scenario: 'hello', step: 15, observer: 'tap:alice~a.example', kind: 'knows', about: 'password:alice' })).toEqual({ yes: true, evidence: { type: 'known', value: 'wonderland' } });
    // The same password is not yet known one step before it crosses: the answer is the fold at the step, not at the end.
    expect(predictAnswer({ scenario: 'hello', step: 14, observer: 'tap:alice~a.example', kind: 'knows', about: 'password:alice' })).toEqual({ yes: false, evidence: { type: 'unknown' } });
    expect(predictAnswer({ scenario: 'hello', step: 24, observer: 'tap:bob~a.example', kind: 'can-read' })).toEqual({ yes: false, evidence: { type: 'unseen' } });
  });
});

describe('<Step>: each link names the event the text says', () => {
  /** The scenario a link drives (the widget above it, else the first below) and the event at its step. */
  const resolved = pairs.flatMap(({ en }) => {
    let widgets: string[] = [];
    const out: string[] = [];
    const src = prose(en.file);
    widgets = [...src.matchAll(/<Scenario id="([^"]+)"/g)].map((m) => m[1]!);
    for (const m of src.matchAll(/<Scenario id="([^"]+)"|<Step n=\{(\d+)\}>([^<]*)<\/Step>/g)) {
      if (m[1]) {
        widgets = widgets.slice(1); // one widget fewer below
        out.push(`-- ${m[1]}`);
        continue;
      }
      const above = out.filter((l) => l.startsWith('-- ')).at(-1)?.slice(3);
      const id = above ?? widgets[0]!;
      const ev = runOf(id).events[Number(m[2]) - 1]!;
      out.push(`${en.slug}: ${id} ${m[3]} = ${ev.kind} ${ev.from}→${ev.to} ${ev.note.key}`);
    }
    return out.filter((l) => !l.startsWith('-- '));
  });

  it('matches the pinned list (a changed preset must be re-read against the lesson text)', () => {
    expect(resolved).toMatchSnapshot();
  });

  it('the quoted size at step 18 of c2s-login: alice’s initial presence is 33 bytes on the wire', () => {
    const ev = runOf('c2s-login').events[17]!;
    expect([ev.note.key, ev.wire?.length]).toEqual(['client.initial-presence', 33]);
  });
});

const traces = new Map<string, ReturnType<typeof runScenario>['trace']>();
function runOf(id: string) {
  if (!traces.has(id)) traces.set(id, runScenario(getPreset(id)!, { seed: WIDGET_SEED }).trace);
  return traces.get(id)!;
}

describe('exercises and stanzas come from the trace', () => {
  it('the lessons run presets with the widget’s seed', () => {
    expect(LESSON_SEED).toBe(WIDGET_SEED);
  });

  it('PLAIN: alice’s payload at step 15 of hello decodes to "", "alice", "wonderland" (RFC 4616 §2)', () => {
    expect(exerciseData({ kind: 'plain-decode', scenario: 'hello', step: 15 })).toEqual({ kind: 'plain-decode', base64: 'AGFsaWNlAHdvbmRlcmxhbmQ=', authzid: '', authcid: 'alice', password: 'wonderland' });
  });

  it('SCRAM: of the three candidates only "wonderland" gives the StoredKey a.example keeps for alice', () => {
    const d = exerciseData({ kind: 'scram-guess', scenario: 'bad-password', observer: 'a.example', user: 'alice', candidates: 'wonderlnad, wonderland, 123456' });
    if (typeof d === 'string' || d.kind !== 'scram-guess') throw new Error(String(d));
    expect(d.answer).toBe('wonderland');
    expect(d.candidates.map((c) => storedKeyHex(c, d.salt, d.iterations, d.hash) === d.storedKey)).toEqual([false, true, false]);
    expect([d.hash, d.iterations, d.salt.length]).toEqual(['SHA-1', 4096, 32]);
  });

  it('OTR: alice’s third message (step 57 on her link) carries sender key id 3', () => {
    const d = exerciseData({ kind: 'otr-keyid', scenario: 'otr-forward-secrecy', observer: 'tap', step: 57 });
    expect(d).toEqual({
      kind: 'otr-keyid',
      rows: [
        { step: 45, from: 'alice', keys: '1/1' },
        { step: 49, from: 'bob', keys: '1/2' },
        { step: 51, from: 'alice', keys: '2/2' },
        { step: 55, from: 'bob', keys: '2/3' },
        { step: 57, from: 'alice', keys: '3/3' },
      ],
      answer: 3,
    });
  });

  it('a StanzaView shows the element as the receiver read it, inside TLS', () => {
    const s = stanzaAt('federation', 61);
    expect(typeof s === 'object' && [s.name, s.from, s.to, s.xml.startsWith("<db:verify from='b.example' to='a.example' id=")]).toEqual(['db:verify', 'b.example', 'a.example', true]);
    expect(stanzaAt('hello', 1)).toMatch(/not bytes on a link/);
  });
});

describe('no dead internal link', () => {
  const routes = new Set(locales.flatMap((l) => [`/${l}/`, `/${l}/scenarios/`, ...listLessons(l).map((x) => `/${l}/lessons/${x.slug}/`)]));
  const dead = (file: string, ids: readonly string[]): string[] =>
    [...prose(file).matchAll(/\]\(((?:\/|#)[^)\s]*)\)|href="((?:\/|#)[^"]*)"/g)]
      .map((m) => m[1] ?? m[2]!)
      .filter((href) => {
        const [path, hash] = href.split('#') as [string, string | undefined];
        return path === '' ? !ids.includes(hash ?? '') : !routes.has(path);
      });

  for (const locale of locales)
    for (const lesson of listLessons(locale))
      it(`${locale}/${lesson.slug}`, async () => {
        const { headings } = await compileLesson(lesson.file);
        expect(dead(lesson.file, [...headings.map((h) => h.id), 'further-reading'])).toEqual([]);
      }, 60_000);

  it('the check can fail', () => {
    const tmp = join(mkdtempSync(join(tmpdir(), 'links-')), 'x.mdx');
    writeFileSync(tmp, 'See [a](/en/lessons/nowhere/), [b](#missing), [c](/de/) and [d](#here).\n');
    expect(dead(tmp, ['here'])).toEqual(['/en/lessons/nowhere/', '#missing']);
  });
});

describe('the compile check refuses bad references', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'lesson-vocab-'));
  const FM = '---\ntitle: T\nsummary: S\norder: 1\nminutes: 5\npart: xmpp\nobjectives:\n  - O\n---\n';
  const compile = (body: string) => {
    const file = join(tmp, `${Math.random().toString(36).slice(2)}.mdx`);
    writeFileSync(file, FM + body);
    return compileLesson(file);
  };
  const cases: [string, string, RegExp][] = [
    ['a step past the end of the widget above', '<Scenario id="hello" />\n\nGo to <Step n={26}>step 26</Step>.\n', /step 26 is outside "hello" \(steps 1–25\)/],
    ['step 0', '<Scenario id="hello" />\n\n<Step n={0}>start</Step>\n', /step 0 is outside/],
    ['a step link with no widget on the page', 'Go to <Step n={3}>step 3</Step>.\n', /no <Scenario> on the page/],
    ['a step that is not a number', '<Scenario id="hello" />\n\n<Step n="three">x</Step>\n', /must be a whole number/],
    ['the first widget below, when none is above', 'See <Step n={40}>step 40</Step>.\n\n<Scenario id="hello" />\n\n<Scenario id="federation" />\n', /step 40 is outside "hello"/],
    ['a Predict about another scenario than its widget', '<Scenario id="hello" />\n\n<Predict scenario="federation" step="67" observer="b.example" kind="can-read" question="q" why="w" />\n', /would move the "hello" widget/],
    ['a Predict with an unknown observer', '<Scenario id="hello" />\n\n<Predict scenario="hello" step="24" observer="eve" kind="can-read" question="q" why="w" />\n', /no observer "eve"/],
    ['a Predict about a step without a message body', '<Scenario id="hello" />\n\n<Predict scenario="hello" step="15" observer="a.example" kind="can-read" question="q" why="w" />\n', /carries no message body/],
    ['a Predict of an unknown kind', '<Scenario id="hello" />\n\n<Predict scenario="hello" step="24" observer="a.example" kind="guess" question="q" why="w" />\n', /unknown question kind/],
    ['a Predict about an unknown fact', '<Scenario id="hello" />\n\n<Predict scenario="hello" step="24" observer="a.example" kind="knows" about="shoe-size:bob" question="q" why="w" />\n', /must be ip:<node>/],
    ['a StanzaView on a step that is no XML', '<StanzaView scenario="hello" step="1" />\n', /not bytes on a link/],
    ['an Annotation of an attribute the stanza lacks', '<StanzaView scenario="hello" step="25">\n<Annotation at="@xml:lang">x</Annotation>\n</StanzaView>\n', /has no attribute "xml:lang"/],
    ['an Annotation outside a StanzaView', '<Annotation at="@to">x</Annotation>\n', /belongs directly inside a <StanzaView>/],
    ['a PLAIN exercise on a step without PLAIN', '<Exercise kind="plain-decode" scenario="hello" step="24" hint="h">x</Exercise>\n', /is no <auth mechanism='PLAIN'>/],
    ['a SCRAM exercise whose candidates all miss', '<Exercise kind="scram-guess" scenario="bad-password" observer="a.example" user="alice" candidates="a, b" hint="h">x</Exercise>\n', /exactly one of them right/],
    ['a scorecard row past the end of its scenario', '<Scorecard title="t">\n<Requirement id="r" name="n" means="m" met="hello@26" metText="x" />\n</Scorecard>\n', /met: step 26 is outside "hello" \(steps 1–25\)/],
    ['a scorecard row with an unknown scenario', '<Scorecard title="t">\n<Requirement id="r" name="n" means="m" broken="nowhere@3" brokenText="x" />\n</Scorecard>\n', /broken: no such scenario preset "nowhere"/],
    ['a scorecard row with a lens the scenario lacks', '<Scorecard title="t">\n<Requirement id="r" name="n" means="m" met="hello@24" metLens="thief" metText="x" />\n</Scorecard>\n', /"hello" has no observer "thief"/],
    ['a scorecard link without its text', '<Scorecard title="t">\n<Requirement id="r" name="n" means="m" met="hello@24" />\n</Scorecard>\n', /needs metText/],
    ['a scorecard row naming a lesson that does not exist', '<Scorecard title="t">\n<Requirement id="r" name="n" means="m" lesson="nowhere" />\n</Scorecard>\n', /lesson "nowhere" does not exist/],
    ['a scorecard place that is not scenario@step', '<Scorecard title="t">\n<Requirement id="r" name="n" means="m" met="hello-24" metText="x" />\n</Scorecard>\n', /must look like scenario@step/],
    ['a Requirement outside a Scorecard', '<Requirement id="r" name="n" means="m" />\n', /belongs directly inside a <Scorecard>/],
    ['the same row id twice', '<Scorecard title="t">\n<Requirement id="r" name="n" means="m" />\n<Requirement id="r" name="n" means="m" />\n</Scorecard>\n', /the id is used twice/],
    ['a Handshake on a scenario without TLS', '<Handshake id="hello" />\n', /"hello" has no TLS connection/],
    ['a Handshake with an unknown connection', '<Handshake id="c2s-login" connection="tls:bob~b.example" />\n', /has no TLS connection "tls:bob~b.example" \(it has: tls:alice~a.example\)/],
    ['a Handshake seen by an unknown observer', '<Handshake id="c2s-login" observer="eve" />\n', /no observer "eve"/],
    ['a SCRAM calculator on a scenario without SCRAM', '<ScramCalculator id="hello" />\n', /"hello" has no SCRAM login/],
    ['an OTR exercise on a step without a data message', '<Exercise kind="otr-keyid" scenario="otr-forward-secrecy" observer="tap" step="56" hint="h">x</Exercise>\n', /no OTR data message at step 56/],
  ];
  for (const [what, body, error] of cases)
    it(`refuses ${what}`, async () => {
      await expect(compile(body)).rejects.toThrow(error);
    }, 30_000);

  it('accepts the same components used correctly', async () => {
    const { code } = await compile(
      'See <Step n={40}>step 40</Step>.\n\n<Scenario id="federation" />\n\n<Predict scenario="federation" step="67" observer="b.example" kind="can-read" question="q" why="w" />\n\n<StanzaView scenario="federation" step="61">\n<Annotation at="@id">x</Annotation>\n<Annotation at="@from">y</Annotation>\n</StanzaView>\n\n<Exercise kind="plain-decode" scenario="hello" step="15" hint="h">x</Exercise>\n\n<Scorecard title="t">\n<Requirement id="a" name="n" means="m" met="hello@24" metLens="tap:alice~a.example" metText="x" broken="federation@67" brokenText="y" lesson="federation" />\n<Requirement id="b" name="n" means="m" />\n</Scorecard>\n\n<Handshake id="federation" connection="tls:a.example>b.example" observer="tap:a.example~b.example" />\n\n<ScramCalculator id="c2s-login" />\n\n<FurtherReading>\n- [RFC 6120](https://www.rfc-editor.org/rfc/rfc6120)\n</FurtherReading>\n',
    );
    expect(code).toContain('Predict');
    expect(code).toContain('Requirement');
    expect(code).toContain('ScramCalculator');
  }, 30_000);
});
