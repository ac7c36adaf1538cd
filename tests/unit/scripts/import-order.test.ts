/**
 * ARCHITECTURE.md's code map is true: every import in lib/ goes from a folder to one listed below it
 * (or within the same folder), except the two exceptions the map states. A new folder must be placed in
 * the order here and in the map.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');

/** Top to bottom, as in ARCHITECTURE.md. Folders on one row form one layer. */
const ORDER: string[][] = [
  ['lib/io'],
  ['lib/viz', 'lib/pcapng'],
  ['lib/knowledge'],
  ['lib/scenarios'],
  ['lib/xmpp', 'lib/e2e'],
  ['lib/ice', 'lib/turn'],
  ['lib/attacks', 'lib/contrast', 'lib/otr', 'lib/omemo', 'lib/x509', 'lib/stun'],
  ['lib/tls'],
  ['lib/xml'],
  ['lib/sim'],
  ['lib/narration'],
  ['lib/crypto'],
  ['lib/bytes'],
];
/** The stated exception: the kernel's data model takes the scenario types (types only). */
const TYPE_ONLY_EXCEPTIONS = [{ from: 'lib/sim/types.ts', to: 'lib/scenarios/schema/' }];

const rank = new Map(ORDER.flatMap((row, i) => row.map((f) => [f, i] as const)));
const folderOf = (file: string) => file.split('/').slice(0, 2).join('/');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.tsx?$/.test(name)) yield p;
  }
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const abs of files(join(ROOT, 'lib'))) {
    const from = relative(ROOT, abs);
    const src = readFileSync(abs, 'utf8');
    for (const m of src.matchAll(/^(import|export)(\s+type)?\b[^;]*?from\s+'(\.[^']+)'/gms)) {
      const to = relative(ROOT, normalize(join(dirname(abs), m[3]!)));
      out.push({ from, to, typeOnly: !!m[2] });
    }
  }
  return out;
}

describe('the import order of ARCHITECTURE.md', () => {
  const all = edges();

  it('places every folder of lib/', () => {
    const folders = [...new Set(all.flatMap((e) => [folderOf(e.from), folderOf(e.to)]))].filter((f) => f.startsWith('lib/'));
    expect(folders.filter((f) => !rank.has(f))).toEqual([]);
  });

  it('has every import point down the list (or stay in its layer), but for the stated exception', () => {
    const upward = all.filter((e) => {
      const a = rank.get(folderOf(e.from));
      const b = rank.get(folderOf(e.to));
      if (a === undefined || b === undefined || b >= a) return false;
      return !TYPE_ONLY_EXCEPTIONS.some((x) => e.typeOnly && e.from === x.from && e.to.startsWith(x.to));
    });
    expect(upward.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('sees imports (the check itself works)', () => {
    expect(all.some((e) => e.from === 'lib/sim/kernel.ts' && e.to === 'lib/sim/rng')).toBe(true);
    expect(all.some((e) => e.from === 'lib/sim/types.ts' && e.to.startsWith('lib/scenarios/schema/') && e.typeOnly)).toBe(true);
  });
});
