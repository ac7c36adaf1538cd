import { describe, expect, it } from 'vitest';
import { formatNote } from '@/lib/narration/notes';

describe('formatNote', () => {
  it('picks singular or plural by the count, in both languages, and never writes "(s)"', () => {
    const one = { key: 'otr.mac-revealed', params: { node: 'bob', peer: 'alice', count: 1 } };
    const two = { key: 'otr.mac-revealed', params: { node: 'bob', peer: 'alice', count: 2 } };
    expect(formatNote(one, 'en')).toContain('bob publishes one old MAC key in this message');
    expect(formatNote(two, 'en')).toContain('bob publishes 2 old MAC keys in this message');
    expect(formatNote(one, 'de')).toContain('einen alten MAC-Schlüssel');
    expect(formatNote(two, 'de')).toContain('2 alte MAC-Schlüssel');
    const roster = (count: number) => ({ key: 'client.roster-received', params: { client: 'alice', count } });
    expect(formatNote(roster(0), 'en')).toBe('alice’s client receives its roster with 0 contacts.');
    expect(formatNote(roster(1), 'de')).toBe('Der Client von alice erhält seinen Roster mit einem Kontakt.');
    for (const n of [one, two, roster(3)]) for (const l of ['en', 'de'] as const) expect(formatNote(n, l)).not.toMatch(/\(s\)|\(e\)|\(en\)|\{/);
  });

  it('leaves a missing parameter visible rather than guessing', () => {
    expect(formatNote({ key: 'client.roster-received', params: { client: 'alice' } }, 'en')).toContain('{count:');
  });
});
