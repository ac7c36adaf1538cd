/**
 * The narration, split by area (lib/narration/notes/*.ts): every key in exactly one area, named after its
 * prefix, with a non-empty English and German sentence using the same placeholders; every note a preset
 * emits (seed 1, the event's note and its effects) has a sentence.
 */
import type { Note } from '../../../lib/sim/types';
import { describe, expect, it } from 'vitest';
import { formatNote, isNoteKey, noteAreas, notes } from '@/lib/narration/notes';
import type { NoteTable } from '@/lib/narration/note-table';
import { presets } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';

/** `{name}` and `{name:one|other}`, as formatNote fills them; sorted, with repeats. */
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1]!).sort();

/** Which key prefixes each area file holds (the file is named after its prefix; actions also hold the kernel's own). */
const PREFIXES: Record<keyof typeof noteAreas, readonly string[]> = {
  actions: ['action', 'timer', 'wire'],
  client: ['client'],
  tls: ['tls'],
  server: ['server'],
  dns: ['dns'],
  s2s: ['s2s'],
  otr: ['otr'],
  static: ['static'],
  thief: ['thief'],
  signed: ['signed'],
  mitm: ['mitm'],
  transport: ['transport'],
  attack: ['attack'],
  muc: ['muc'],
  pep: ['pep'],
};

describe('narration areas', () => {
  const areas = Object.entries(noteAreas) as [keyof typeof noteAreas, NoteTable][];

  it('define every key exactly once, in the area named after its prefix', () => {
    const seen = new Map<string, string>();
    for (const [area, table] of areas) {
      for (const key of Object.keys(table)) {
        expect(seen.get(key), `${key} is in both ${seen.get(key)} and ${area}`).toBeUndefined();
        seen.set(key, area);
        expect(PREFIXES[area], `${key} in notes/${area}.ts`).toContain(key.split('.')[0]);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(notes.en).sort());
  });

  it('give every key a non-empty sentence in English and German', () => {
    for (const [area, table] of areas) {
      for (const [key, text] of Object.entries(table)) {
        expect(Object.keys(text).sort(), `${area}: ${key}`).toEqual(['de', 'en']);
        expect(text.en.trim(), `${key} en`).not.toBe('');
        expect(text.de.trim(), `${key} de`).not.toBe('');
        expect(text.de, `${key}: the German is the English`).not.toBe(text.en);
      }
    }
  });

  it('use the same {placeholders} in both languages', () => {
    const mismatched = Object.keys(notes.en).filter((k) => {
      const key = k as keyof typeof notes.en;
      return JSON.stringify(placeholders(notes.en[key])) !== JSON.stringify(placeholders(notes.de[key]));
    });
    expect(mismatched).toEqual([]);
  });

  it('cannot hold a key in one language only (a type error, checked by tsc)', () => {
    // @ts-expect-error — German is missing
    const onlyEnglish = { 'x.only-english': { en: 'Only English.' } } satisfies NoteTable;
    // @ts-expect-error — a language the site does not have
    const extra = { 'x.extra': { en: 'a', de: 'b', fr: 'c' } } satisfies NoteTable;
    expect([onlyEnglish, extra].length).toBe(2);
  });

  it('is typed where a note is written: a key the narration lacks does not compile (checked by tsc)', () => {
    const known: Note = { key: 'client.stream-open', params: { client: 'alice', server: 'a.example' } };
    // @ts-expect-error — no such sentence in lib/narration
    const unknown: Note = { key: 'client.no-such-note' };
    expect([known, unknown].length).toBe(2);
  });

  it('does not take inherited names for keys', () => {
    expect(isNoteKey('toString')).toBe(false);
    expect(isNoteKey('constructor')).toBe(false);
    expect(formatNote({ key: 'toString' }, 'en')).toBe('toString');
  });
});

describe('every preset (seed 1)', () => {
  for (const p of presets) {
    it(`${p.id}: narrates every event and effect with a known key`, () => {
      const { trace } = runScenario(p, { seed: 1 });
      const unknown = trace.events.flatMap((e) => [e.note, ...e.effects].filter((n) => !isNoteKey(n.key)).map((n) => `#${e.seq} ${n.key}`));
      expect(unknown).toEqual([]);
    });
  }
});
