import { describe, expect, it } from 'vitest';
import { plainDataProblems } from '../helpers/plain-data';

describe('plainDataProblems (the check behind "state is plain data")', () => {
  it('accepts what the engine stores', () => {
    expect(plainDataProblems({ a: [1, 'x', true, null, 5n, new Uint8Array([1])], b: { c: {} } })).toEqual([]);
  });
  it('names what structuredClone would let through', () => {
    expect(plainDataProblems({ m: new Map() })).toEqual(['$.m: instance of Map']);
    expect(plainDataProblems({ s: [new Set()] })).toEqual(['$.s[0]: instance of Set']);
    expect(plainDataProblems({ d: new Date(0) })).toEqual(['$.d: instance of Date']);
    expect(plainDataProblems({ u: undefined })).toEqual(['$.u: undefined (JSON drops it; leave the key out instead)']);
    expect(plainDataProblems({ n: Number.NaN })).toEqual(['$.n: non-finite number NaN']);
    const cyclic: Record<string, unknown> = { k: 1 };
    cyclic.self = { back: cyclic };
    expect(plainDataProblems({ c: cyclic })).toEqual(['$.c.self.back: cyclic reference']);
    const shared = { k: 1 };
    expect(plainDataProblems({ a: shared, b: shared })).toEqual([]);
    expect(plainDataProblems({ f: () => 1 })).toEqual(['$.f: function']);
  });
});
