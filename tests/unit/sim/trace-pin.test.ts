/**
 * Every preset's trace, pinned. Two hashes per preset (seed 1):
 *  - `wire`: what crossed the network and when — seq, time, kind, from, to, link, conn, sentAt, the bytes
 *    and their layers. A refactor of the engine's joints must leave this untouched.
 *  - `story`: the narration — every note and effect key with its params. It may change on purpose (a
 *    fix, or a private key that no longer rides in a note); the commit that changes it says why.
 * Fields added to events later (facts, addresses, ports) are not part of either hash.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '../../../lib/scenarios/presets';
import { runScenario } from '../../../lib/scenarios/run';
import { pinOf } from './trace-pin-hash';

// To print the current values: npx tsx scripts/pin-traces.ts
const PINNED: Record<string, { events: number; wire: string; story: string }> = {
  'hello': { events: 25, wire: '0aed805e6d0eb057', story: '923ae80c9e16034a' },
  'c2s-login': { events: 31, wire: '9a0492bdb46b85c9', story: '7452eac69a2ffe83' },
  'chat-local': { events: 76, wire: '22edcd928f495dde', story: '571b7fb5515b249b' },
  'presence-subscription': { events: 94, wire: '92894d4e3c7e30e6', story: 'dbbe786e4b50c78b' },
  'offline-message': { events: 50, wire: '3a758d1d8635818e', story: '8fea239c7500087e' },
  'federation': { events: 79, wire: '3ee6ff6d86f926b5', story: '71e50468a6ebf2a3' },
  'bad-password': { events: 48, wire: 'b82112529c2e3181', story: '72171cb4f4f1a43c' },
  'malformed-xml': { events: 48, wire: '6182ef808cb48486', story: '9c519b4d4d6418d7' },
  'unknown-domain': { events: 34, wire: 'f47f0bec5c44c8d1', story: '2fdae3758b5a0f04' },
  'otr-ake': { events: 58, wire: '57ef27ab0710b498', story: '1bb2196fa0609827' },
  'otr-forward-secrecy': { events: 72, wire: 'bd5e9f3d8721add8', story: 'a9dcc9da0d03cfa1' },
  'otr-post-compromise': { events: 68, wire: '5bb6c55a8e3703f5', story: '14254b4c41363817' },
  'otr-deniability': { events: 55, wire: 'd1a970045d6fe444', story: '0765c50694cca19e' },
  'otr-mitm': { events: 56, wire: '55e8c2f543b07872', story: '6a811f71df57742f' },
  'otr-offline': { events: 55, wire: '9ace2f7418559183', story: '5621d84ccd9bf810' },
};

describe('every preset trace is pinned', () => {
  for (const p of presets) {
    it(p.id, () => {
      expect(pinOf(runScenario(p, { seed: 1 }).trace.events)).toEqual(PINNED[p.id]);
    });
  }
  it('pins every preset and nothing else', () => {
    expect(Object.keys(PINNED).sort()).toEqual(presets.map((p) => p.id).sort());
  });
});
