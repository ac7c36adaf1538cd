import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { lintNarrationReads, lintSource } from '../../../scripts/lint-lib.mjs';

describe('the lib/ purity lint', () => {
  it.each([
    ['const t = Date.now();', 'Date.now'],
    ['const r = Math.random();', 'Math.random'],
    ['setTimeout(() => 1, 5);', 'setTimeout'],
    ['crypto.getRandomValues(new Uint8Array(4));', 'crypto.getRandomValues'],
    ['const p = performance.now();', 'performance'],
    ["import { readFileSync } from 'node:fs';", "'node:fs'"],
    ["import fs from 'fs';", "'fs'"],
    ["import { useState } from 'react';", "'react'"],
    ["import Link from 'next/link';", "'next/link'"],
    ['const d = new Date();', 'new Date()'],
    ['document.title = "x";', 'document'],
  ])('rejects %s', (src, what) => {
    const problems: string[] = lintSource('lib/x.ts', src);
    expect(problems.join('\n')).toContain(what);
  });

  it('accepts pure code, and the words in comments, strings and property names', () => {
    const src = `// Date.now() is forbidden here\nconst s = 'Math.random';\nconst o = { performance: 1, setTimeout: 2 };\nconst d = new Date(Date.UTC(2026, 0, 1));\nexport function f(ctx: { now: number }) { return ctx.now + o.performance; }`;
    expect(lintSource('lib/x.ts', src)).toEqual([]);
  });

  it.each([
    ["if (ev.note.key === 'tls.established') go();", 'ev.note.key'],
    ['const k = n.params?.priv;', 'n.params'],
    ["for (const n of ev.effects) if (n.key === 'x') go();", 'ev.effects'],
  ])('rejects reading narration: %s', (src, what) => {
    expect(lintNarrationReads('lib/knowledge/x.ts', src).join('\n')).toContain(what);
    expect(lintNarrationReads('lib/io/x.ts', src).join('\n')).toContain(what);
  });

  it('lets hosts write notes, and lib/narration read them', () => {
    const write = "const out = { type: 'note', note: { key: 'client.stream-open', params: { client: 'alice' } } };";
    expect(lintNarrationReads('lib/xmpp/x.ts', write)).toEqual([]);
    expect(lintNarrationReads('lib/narration/notes.ts', "const t = notes[note.key]; const p = note.params;")).toEqual([]);
    expect(lintNarrationReads('lib/knowledge/x.ts', "const f = factsOf(ev.facts, 'tls-keys'); const k = ring.key;")).toEqual([]);
  });
});
