import { describe, expect, it } from 'vitest';
import { keyLabel } from '../../../app/_components/knowledge/key-label';
import { listObservers, observe } from '../../../lib/knowledge/observe';
import { presets } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import { parseKeyId } from '../../../lib/viz/key-names';

describe('viz/key-names', () => {
  it('reads each kind of key id the engine makes', () => {
    expect(parseKeyId('otr-dh:bob#1:alice@a.example')).toEqual({ kind: 'otr-dh', owner: 'bob', n: 1, peer: 'alice@a.example' });
    expect(parseKeyId('otr-dsa:alice')).toEqual({ kind: 'otr-dsa', owner: 'alice' });
    expect(parseKeyId('static:bob')).toEqual({ kind: 'static', owner: 'bob' });
    expect(parseKeyId('tls:alice~a.example')).toEqual({ kind: 'tls-link', a: 'alice', b: 'a.example' });
    expect(parseKeyId('tls:a.example>b.example')).toEqual({ kind: 'tls-s2s', from: 'a.example', to: 'b.example' });
    for (const bad of ['', 'otr-dh:bob', 'otr-dh:bob#x:alice', 'tls:', 'tls:a~b~c', 'rsa:bob', 'static:']) expect(parseKeyId(bad), bad).toBeNull();
  });

  it('names keys as people say them, in both languages, with a German genitive', () => {
    const name = (id: string) => (id.includes('@') ? id.slice(0, id.indexOf('@')) : id);
    expect(keyLabel('en', 'otr-dh:bob#1:alice@a.example', name)).toBe('bob’s OTR DH key #1, for the session with alice');
    expect(keyLabel('de', 'otr-dh:bob#1:alice@a.example', name)).toBe('bobs OTR-DH-Schlüssel Nr. 1 für die Sitzung mit alice');
    expect(keyLabel('de', 'static:thomas', name)).toBe('thomas’ statischer Schlüssel');
    expect(keyLabel('en', 'tls:a.example>b.example', name)).toBe('TLS key of the server connection a.example → b.example');
    expect(keyLabel('en', 'weird', name), 'outside the grammar: raw, never hidden').toBe('weird');
  });

  it('every key any preset gives any observer has a name: no raw id falls through', () => {
    const raw = /^(otr-dh|otr-dsa|static|tls):/;
    let seen = 0;
    for (const p of presets) {
      const trace = runScenario(p, { seed: 1 }).trace;
      for (const o of listObservers(p)) {
        for (const id of observe(p, trace, o.name)?.metadata.keys ?? []) {
          seen += 1;
          expect(parseKeyId(id), `${p.id} ${o.name} ${id}`).not.toBeNull();
          for (const locale of ['en', 'de'] as const) {
            const label = keyLabel(locale, id, (x) => x);
            expect(label, `${p.id} ${o.name} ${id} ${locale}`).not.toMatch(raw);
            expect(label).not.toContain('{');
          }
        }
      }
    }
    expect(seen, 'the presets hold keys of every kind').toBeGreaterThan(50);
  });
});
