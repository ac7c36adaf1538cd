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
  'c2s-login': { events: 31, wire: '84c5c4b4ce83ddb6', story: '9fa7110490db27b3' },
  'chat-local': { events: 76, wire: '991ea9d41bd40c08', story: 'bfb6542f1a01146b' },
  'presence-subscription': { events: 94, wire: '853a90b0353bba0c', story: '6c6356c80cc1730e' },
  'offline-message': { events: 50, wire: 'c97af0e7e9632ff4', story: '4fd1eaee30d0a326' },
  'federation': { events: 79, wire: 'c19da670644e1e9d', story: 'fb16ea08d40b06ad' },
  'bad-password': { events: 48, wire: '31e83e59be56f1b2', story: '865cebed3ff9ad99' },
  'malformed-xml': { events: 48, wire: '6182ef808cb48486', story: '9c519b4d4d6418d7' },
  'unknown-domain': { events: 34, wire: 'c70d0b127f1caef3', story: 'a098a6a631f13a1f' },
  'otr-ake': { events: 58, wire: '57ef27ab0710b498', story: '1bb2196fa0609827' },
  'otr-forward-secrecy': { events: 72, wire: 'bd5e9f3d8721add8', story: 'a9dcc9da0d03cfa1' },
  'otr-post-compromise': { events: 68, wire: '5bb6c55a8e3703f5', story: '14254b4c41363817' },
  'otr-deniability': { events: 55, wire: 'd1a970045d6fe444', story: '0765c50694cca19e' },
  'otr-mitm': { events: 56, wire: '55e8c2f543b07872', story: '6a811f71df57742f' },
  'otr-offline': { events: 55, wire: '96c2495c1cacbbb8', story: 'b8128202f2a05aae' },
  'starttls-stripping': { events: 18, wire: '98480da3063dd383', story: 'f50f22d74c939047' },
  's2s-plaintext': { events: 62, wire: '8388a4a7a2ab6c71', story: '64ca57e30d628bbd' },
  'sasl-downgrade': { events: 30, wire: '33f161b74947668e', story: 'e13aba1056c8f889' },
  'bad-certificate': { events: 24, wire: 'd8c28f071e15ee99', story: 'f29e24be34b1944d' },
  'arch-centralised': { events: 69, wire: '2dab88192348b3b7', story: '523aad35afb0cef1' },
  'arch-federated': { events: 99, wire: 'eb3859f0d43e7a78', story: 'b87a6fa250d936e5' },
  'arch-centralised-e2e': { events: 91, wire: '0fda8e533e091a94', story: '065b4a421fb4fba1' },
  'arch-federated-e2e': { events: 126, wire: 'b8742ed87368a4e0', story: '755fe4b1c1d8e8e8' },
  'muc-basic': { events: 104, wire: '54a6ff5e9c794efb', story: '33093d59e7bbf142' },
  'muc-moderation': { events: 131, wire: '76d52255272a53cf', story: 'ce067187b9999ba6' },
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
