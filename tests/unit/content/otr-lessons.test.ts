/**
 * Lessons 9–12 quote steps, bytes, fingerprints and observer results from the OTR presets (seed 1, the
 * widget's seed). Each quoted value is pinned here, so a change to a preset or to the engine that would
 * make a lesson say something false fails this test instead. Steps are widget steps: step k = seq k − 1.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listLessons } from '@/app/_content/lessons';
import { WIDGET_SEED } from '@/app/_components/scenario/ScenarioWidget';
import { observe } from '@/lib/knowledge/observe';
import { dissect } from '@/lib/otr/inspect';
import { getPreset } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';
import type { Note, Trace, TraceEvent } from '@/lib/sim/types';

function load(id: string) {
  const scenario = getPreset(id)!;
  const trace: Trace = runScenario(scenario, { seed: WIDGET_SEED }).trace;
  const at = (step: number): TraceEvent => trace.events[step - 1]!;
  const body = (step: number): string => {
    const xml = new TextDecoder().decode(at(step).wire);
    const m = /<body>([\s\S]*?)<\/body>/.exec(xml);
    return m ? m[1]!.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : '';
  };
  const fields = (step: number): Record<string, unknown> => {
    const d = dissect(body(step));
    if (d.kind !== 'encoded') throw new Error(`step ${step} is ${d.kind}`);
    return Object.fromEntries([['type', d.typeName], ['senderInstance', d.header.senderInstance], ['receiverInstance', d.header.receiverInstance], ...d.fields.map((f) => [f.name, f.value])]);
  };
  /** Every note (step narration and effects) with its step. */
  const notes = (key: string): { step: number; params: Record<string, unknown> }[] =>
    trace.events.flatMap((e) => [e.note, ...e.effects].filter((n: Note) => n.key === key).map((n) => ({ step: e.seq + 1, params: n.params as Record<string, unknown> })));
  const seen = (observer: string) => observe(scenario, trace, observer)!;
  return { trace, at, body, fields, notes, seen };
}

describe('lesson 9 quotes otr-ake', () => {
  const s = load('otr-ake');

  it('query at step 28, the four AKE messages at steps 30, 32, 34, 36 with the quoted sizes', () => {
    expect(s.body(28).startsWith('?OTRv23?\nalice@a.example has requested an Off-the-Record private conversation.')).toBe(true);
    expect(new TextDecoder().decode(s.at(28).wire)).toContain("<no-copy xmlns='urn:xmpp:hints'/><no-permanent-store xmlns='urn:xmpp:hints'/><private xmlns='urn:xmpp:carbons:2'/>");
    expect([30, 32, 34, 36].map((k) => [s.at(k).from, s.fields(k).type, s.body(k).length])).toEqual([
      ['bob', 'DH-Commit', 338],
      ['alice', 'DH-Key', 282],
      ['bob', 'Reveal-Signature', 702],
      ['alice', 'Signature', 674],
    ]);
  });

  it('the query goes to bob’s bare JID; from bob’s D-H Commit on, every OTR message goes to a full JID', () => {
    const to = (k: number) => /<message [^>]*to='([^']+)'/.exec(new TextDecoder().decode(s.at(k).wire))?.[1];
    expect([s.at(28).from, to(28)]).toEqual(['alice', 'bob@a.example']);
    const later = s.trace.events.filter((e) => e.seq + 1 > 28 && (e.from === 'alice' || e.from === 'bob') && new TextDecoder().decode(e.wire).includes('?OTR'));
    expect(later.length).toBeGreaterThan(10);
    expect(new Set(later.map((e) => to(e.seq + 1)))).toEqual(new Set(['alice@a.example/laptop', 'bob@a.example/phone']));
  });

  it('the D-H Commit fields', () => {
    const f = s.fields(30);
    expect(s.body(30).startsWith('?OTR:AAMCcbFBtQAAAAAAAADE4aVTfgfMVkb4XkihB1xwK9Z0')).toBe(true);
    expect([f.senderInstance, f.receiverInstance]).toEqual([0x71b141b5, 0]);
    expect(String(f['Encrypted gx'])).toMatch(/^e1a5537e07cc5646f85e48a1/);
    expect(String(f['Encrypted gx']).length).toBe(196 * 2);
    expect(String(f['Hashed gx'])).toMatch(/^15949df1d5743bc83c048a96/);
  });

  it('fingerprints and the secure session id, encrypted at steps 35 (alice) and 37 (bob)', () => {
    expect(s.notes('otr.gone-secure').map((n) => [n.step, n.params.client, n.params.fingerprint, n.params.ssid, n.params.ssidHalf])).toEqual([
      [35, 'alice', '5066EA61 AFF6D502 0CA96835 C6D75028 ADE37DF1', '1d949db436fa1f28', 'second'],
      [37, 'bob', '973F5795 FF4D9C79 5E68689E B19F5442 32854225', '1d949db436fa1f28', 'first'],
    ]);
  });

  it('the first data message at step 39: 26 bytes of ciphertext for 26 characters', () => {
    const f = s.fields(39);
    expect(s.body(39).startsWith('?OTR:AAMDBeBzaXGxQbUAAAAAAQAAAAEAAADAyk/WXLW+66afvnwm')).toBe(true);
    expect(s.body(39).length).toBe(378);
    expect([f['Sender keyid'], f['Rcpt keyid'], f.Counter]).toEqual([1, 1, '0000000000000001']);
    expect(f['Encrypted message']).toBe('6ac91f6dbff92b4e1a92ff9c24899cad4ffbc3a78fb0bb7edc77');
    expect(f.MAC).toBe('93910133b41258f81957ea3c9601cb96dd2054c8');
    expect('Can anyone else read this?'.length).toBe(26);
  });
});

describe('lesson 10 quotes otr-ake, otr-forward-secrecy and otr-post-compromise', () => {
  it('the key-id table of otr-ake and when the first keys are forgotten', () => {
    const s = load('otr-ake');
    const rows = [39, 42, 45, 48, 51, 54, 57].map((k) => {
      const f = s.fields(k);
      return [s.at(k).from, `${String(f['Sender keyid'])}/${String(f['Rcpt keyid'])}`, Number.parseInt(String(f.Counter), 16)];
    });
    expect(rows).toEqual([
      ['alice', '1/1', 1],
      ['bob', '1/2', 1],
      ['alice', '2/2', 1],
      ['alice', '2/2', 2],
      ['bob', '2/3', 1],
      ['alice', '3/3', 1],
      ['alice', '3/3', 2],
    ]);
    const sent = s.notes('otr.text-send').map((n) => n.params.body);
    expect(sent).toEqual(['Can anyone else read this?', 'Only we can. The server sees base64.', 'And tomorrow, if someone steals my laptop?', 'Could they read today’s messages?', 'No: by then today’s keys are gone.', 'Good. See you at noon.']);
    const forgotten = s.notes('otr.dh-forgotten').map((n) => [n.step, n.params.node, n.params.keyid]);
    expect(forgotten.slice(0, 2)).toEqual([
      [43, 'alice', 1],
      [46, 'bob', 1],
    ]);
    expect(s.notes('otr.dh-generated').find((n) => n.params.node === 'alice' && n.params.keyid === 3)?.step).toBe(43);
  });

  it('otr-forward-secrecy: the thief opens 4 of 4 static-key messages and 0 of 5 OTR messages; the tap opens nothing', () => {
    const s = load('otr-forward-secrecy');
    expect(s.trace.events.length).toBe(72);
    // The theft: steps 71 (alice) and 72 (bob) at 9 s, the last two steps.
    expect(s.notes('action.keys-stolen').map((n) => [n.step, n.params.node, s.at(n.step).time])).toEqual([
      [71, 'alice', 9000],
      [72, 'bob', 9000],
    ]);
    const thief = s.seen('thief');
    const otr = thief.messages.filter((m) => m.kind === 'otr-data');
    const stat = thief.messages.filter((m) => m.kind === 'static-message');
    expect(otr.map((m) => m.content)).toEqual([null, null, null, null, null]);
    expect(stat.map((m) => m.content)).toEqual(['static: the new password is tulip42.', 'static: got it, tulip42.', 'static: delete it after reading.', 'static: done.']);
    expect([...thief.metadata.keys].sort()).toEqual(['otr-dsa:alice', 'otr-dsa:bob', 'static:alice', 'static:bob']);
    expect(s.seen('tap').messages.filter((m) => m.content !== null && (m.kind === 'otr-data' || m.kind === 'static-message'))).toEqual([]);
    expect(s.notes('otr.end-send').map((n) => n.step)).toEqual([57]);
    // When the conversation ends, both sides forget every DH key they still hold.
    const last = s.notes('otr.dh-forgotten-end');
    expect(last.map((n) => [n.step, n.params.node])).toEqual([
      [56, 'alice'],
      [56, 'alice'],
      [58, 'bob'],
      [58, 'bob'],
    ]);
  });

  it('otr-post-compromise: theft at 4.2 s, step 47; the thief reads steps 43, 45, 50, 52 and nothing from 56 on', () => {
    const s = load('otr-post-compromise');
    expect(s.notes('action.keys-stolen').map((n) => [n.step, n.params.node, s.at(n.step).time])).toEqual([[47, 'alice', 4200]]);
    const data = s.seen('thief').messages.filter((m) => m.kind === 'otr-data');
    expect(data.map((m) => [m.seq + 1, m.keys, m.content])).toEqual([
      [39, '1/1', null],
      [43, '1/2', 'Yes, room 4.'],
      [45, '2/2', 'Who else is coming?'],
      [50, '2/3', 'Only Carol.'],
      [52, '3/3', 'Then bring the draft.'],
      [56, '3/4', null],
      [58, '4/4', null],
      [62, '4/5', null],
      [64, '5/5', null],
      [68, '5/6', null],
    ]);
    expect(s.seen('thief').metadata.keys).toEqual(['otr-dh:alice#2:bob@a.example', 'otr-dh:alice#3:bob@a.example']);
    expect(s.notes('otr.dh-forgotten').find((n) => n.params.node === 'alice' && n.params.keyid === 1)?.step).toBe(43);
    expect(s.notes('otr.dh-generated').find((n) => n.params.node === 'alice' && n.params.keyid === 4)?.step).toBe(50);
    expect(s.notes('otr.text-send').find((n) => n.step === 55)?.params.body).toBe('Printed twice.');
  });
});

describe('lesson 11 quotes otr-deniability', () => {
  const s = load('otr-deniability');
  const meta = s.seen('forger').metadata as unknown as {
    recorded: { seq: number; macKey: string | null; macKeyRevealedAt: number | null; reveals: string[] }[];
    forgeries: { seq: number; scheme: string; original: string; forged: string | null; claims: string | null; macValid?: boolean; signatureValid?: boolean; reason?: string }[];
  };

  it('the offer: signed at step 28, in OTR at step 42; its MAC key published at step 52 in “See you then.”', () => {
    expect(s.at(28).from).toBe('alice');
    expect(s.notes('otr.text-send').map((n) => [n.step, n.params.body])).toContainEqual([42, 'I’ll pay 100 € for the bike.']);
    const offer = meta.recorded.find((r) => r.seq === 41)!;
    expect([offer.macKey, offer.macKeyRevealedAt! + 1]).toEqual(['c98326fcf3816773041437f37ed0ca14cc0d06ad', 52]);
    expect(s.notes('otr.text-send').map((n) => [n.step, n.params.body, n.params.senderKeyid, n.params.recipientKeyid])).toContainEqual([51, 'See you then.', 2, 3]);
  });

  it('the forgery: one byte (index 11, d9 → d1) and a new MAC that verifies; the signed edit fails; “Friday at six.” cannot be forged', () => {
    const [signed, otr, friday] = meta.forgeries;
    expect([signed!.scheme, signed!.seq + 1, signed!.signatureValid]).toEqual(['signed', 28, false]);
    expect([otr!.scheme, otr!.seq + 1, otr!.macValid, otr!.claims]).toEqual(['otr', 42, true, 'I’ll pay 900 € for the bike.']);
    const before = dissect(otr!.original);
    const after = dissect(otr!.forged!);
    if (before.kind !== 'encoded' || after.kind !== 'encoded') throw new Error('not encoded');
    const get = (d: typeof before, name: string) => String(d.kind === 'encoded' ? d.fields.find((f) => f.name === name)?.value : '');
    expect(get(before, 'Encrypted message')).toBe('bd127ee78f10c5cb3be8ccd9581c7fa7edb93f9df8cec171cafa3e060f787dae');
    expect(get(after, 'Encrypted message')).toBe('bd127ee78f10c5cb3be8ccd1581c7fa7edb93f9df8cec171cafa3e060f787dae');
    expect([get(before, 'MAC'), get(after, 'MAC')]).toEqual(['0526a31de54dde15799065b2df280471fa5e88db', '5fdcb5fdef9ff2a57d721f55edf0c05663737626']);
    expect(new TextEncoder().encode('I’ll pay 100 € for the bike.').indexOf(0x31)).toBe(11);
    expect(0x31 ^ 0x39).toBe(0x08);
    expect([friday!.seq + 1, friday!.forged, friday!.reason]).toEqual([48, null, 'mac-key-not-revealed']);
  });

  it('the operator’s metadata: a 582-byte stanza at 4.02 s, eleven stanzas between alice and bob in 4.5 s', () => {
    // The first hop of each stanza (client → server); the second hop is the server delivering it.
    const hops = s.seen('operator:a.example').messages.filter((m) => s.at(m.seq + 1).to === 'a.example');
    expect(hops.length).toBe(11);
    expect(hops[hops.length - 1]!.time - hops[0]!.time).toBe(4500);
    expect(hops.find((m) => m.time === 4020)?.size).toBe(582);
  });
});

describe('lesson 12 quotes otr-mitm', () => {
  const s = load('otr-mitm');

  it('the operator answers the AKE: its commit to alice at step 29, the request to bob at step 30, both "private" at 33 and 37', () => {
    expect(s.notes('mitm.deliver-ake')[0]!.step).toBe(29);
    expect(s.notes('mitm.deliver-query')[0]!.step).toBe(30);
    const fake = '8825B024 358D2C02 D4C5B124 82E2AB35 78172743';
    expect(s.notes('otr.gone-secure').map((n) => [n.step, n.params.client, n.params.fingerprint, n.params.ssid])).toEqual([
      [33, 'alice', fake, '719ba20d7d10765f'],
      [37, 'bob', fake, '30c30e30a7889bc0'],
    ]);
    expect(s.notes('mitm.fingerprints')[0]!.params).toMatchObject({ aReal: 'EB2126B1 C3D9CDE5 733A2825 AF9C68D5 5D2EE7D9', bReal: 'ED935B1D A1D2024E 8DA1E738 91A88998 4A3E2A36', shown: fake });
  });

  it('the operator reads three messages (steps 39, 42, 45); the tap reads none', () => {
    expect(s.notes('mitm.read').map((n) => [n.step, n.params.body])).toEqual([
      [39, 'The meeting moved to room 101.'],
      [42, 'Thanks. Who else knows?'],
      [45, 'Nobody. Keep it between us.'],
    ]);
    const op = s.seen('operator:a.example').messages.filter((m) => m.content);
    expect(new Set(op.map((m) => m.content))).toEqual(new Set(['The meeting moved to room 101.', 'Thanks. Who else knows?', 'Nobody. Keep it between us.']));
    expect(s.seen('tap:alice~a.example').messages.filter((m) => m.kind === 'otr-data' && m.content)).toEqual([]);
  });

  it('SMP: 1Q at step 48, messages 2–4 at 51, 53, 55; failure at 54 (bob) and 56 (alice); sizes 1734 vs 574', () => {
    expect(s.notes('otr.smp1q-send').map((n) => [n.step, n.params.question])).toEqual([[48, 'Name of our first office cat?']]);
    // The man in the middle reads the question (it travels encrypted, and he decrypts), never the answer.
    expect(s.notes('mitm.smp-relay-question').map((n) => [n.step, n.params.question])).toEqual([[48, 'Name of our first office cat?']]);
    expect(JSON.stringify(s.trace.events.map((e) => [e.note, ...e.effects].filter((n) => n.key.startsWith('mitm.'))))).not.toContain('Minka');
    expect(['otr.smp2-send', 'otr.smp3-send', 'otr.smp4-send'].map((k) => s.notes(k)[0]!.step)).toEqual([51, 53, 55]);
    expect(s.notes('otr.smp-failure').map((n) => [n.step, n.params.client])).toEqual([
      [54, 'bob'],
      [56, 'alice'],
    ]);
    const tap = s.seen('tap:alice~a.example').messages;
    expect([tap.find((m) => m.seq + 1 === 48)?.size, tap.find((m) => m.seq + 1 === 45)?.size]).toEqual([1734, 574]);
  });
});

describe('lessons 9–12 open each widget at the step the text describes', () => {
  // By slug, not by file name: the file names carry the lesson numbers, which move when a lesson is added.
  const embeds = ['otr-key-exchange', 'forward-secrecy', 'deniability', 'smp'].flatMap((name) =>
    (['en', 'de'] as const).flatMap((locale) =>
      [...readFileSync(listLessons(locale).find((l) => l.slug === name)!.file, 'utf8').matchAll(/<Scenario id="([^"]+)" initialStep="(\d+)" \/>/g)].map((m) => `${locale} ${name}: ${m[1]}@${m[2]}`),
    ),
  );

  it('the same embeds in English and German', () => {
    expect(embeds.filter((e) => e.startsWith('en ')).map((e) => e.slice(3))).toEqual(embeds.filter((e) => e.startsWith('de ')).map((e) => e.slice(3)));
    expect(embeds.filter((e) => e.startsWith('en ')).map((e) => e.split(': ')[1])).toEqual(['otr-ake@30', 'otr-forward-secrecy@72', 'otr-post-compromise@47', 'otr-deniability@52', 'otr-mitm@29']);
  });

  it.each([
    ['otr-ake', 30, 'otr.dh-commit-send'],
    ['otr-forward-secrecy', 72, 'action.keys-stolen'],
    ['otr-post-compromise', 47, 'action.keys-stolen'],
    ['otr-deniability', 52, 'otr.message-received'],
    ['otr-mitm', 29, 'mitm.deliver-ake'],
  ])('%s step %i is %s', (id, step, key) => {
    const s = load(id);
    const e = s.at(step);
    expect([e.note.key, ...e.effects.map((n) => n.key)]).toContain(key);
    if (id === 'otr-forward-secrecy') expect(step).toBe(s.trace.events.length);
    if (id === 'otr-deniability') expect(s.fields(step)['Revealed MAC keys']).toEqual(['c98326fcf3816773041437f37ed0ca14cc0d06ad']);
  });
});
