import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { loadScenario } from '../../../lib/scenarios/load';
import { runScenario } from '../../../lib/scenarios/run';
import type { Layer } from '../../../lib/sim/types';
import { listObservers } from '../../../lib/knowledge/observe';
import { observeUpTo, seenSteps } from '../../../lib/viz/knowledge';
import { layerViews, lensEvent, namesHidden } from '../../../lib/viz/lens';

const K = 'tls:alice~a.example';
const record: Layer[] = [
  { layer: 'tcp', start: 0, end: 204, label: 'TCP' },
  { layer: 'tls', start: 0, end: 204, label: 'TLS record', key: K },
  { layer: 'xml', start: 5, end: 187, label: '<response/>', key: K },
  { layer: 'sasl', start: 56, end: 176, label: 'SCRAM client-final-message: c=biws', key: K },
];

describe('layerViews', () => {
  it('without a lens every layer is open', () => {
    expect(layerViews(record, null)).toEqual(['open', 'open', 'open', 'open']);
  });
  it('without the key the record is sealed and what it carries is hidden; TCP stays open', () => {
    expect(layerViews(record, new Set())).toEqual(['open', 'sealed', 'hidden', 'hidden']);
  });
  it('with the key everything opens', () => {
    expect(layerViews(record, new Set([K]))).toEqual(['open', 'open', 'open', 'open']);
  });
  it('an unkeyed layer inside a sealed one is hidden too (it is ciphertext)', () => {
    const l: Layer[] = [...record.slice(0, 2), { layer: 'plaintext', start: 10, end: 20, label: 'hi' }];
    expect(layerViews(l, new Set())).toEqual(['open', 'sealed', 'hidden']);
  });
  it('an OTR body in readable XML: the <message> is open, the OTR box sealed', () => {
    const l: Layer[] = [
      { layer: 'xml', start: 0, end: 578, label: '<message/>' },
      { layer: 'otr', start: 65, end: 447, label: 'OTR data message', key: 'otr:a>b:1/1' },
    ];
    const lens = lensEvent({ seq: 0, layers: l }, { keys: new Set(), seen: new Set([1]) });
    expect(lens.layers).toEqual(['open', 'sealed']);
    expect(namesHidden({ layers: l }, lens)).toBe(false);
  });
});

describe('lensEvent on c2s-login, step 12 (alice sends the SCRAM client-final-message inside TLS)', () => {
  const c = loadScenario(getPreset('c2s-login')!);
  if (!c.ok) throw new Error('preset fails');
  const scenario = c.scenario;
  const trace = runScenario(scenario, { seed: 1 }).trace;
  const ev = trace.events[11]!;
  const means = (name: string) => {
    const info = listObservers(scenario).find((o) => o.name === name)!;
    return { keys: new Set(observeUpTo(scenario, trace, name, 12)!.metadata.keys), seen: seenSteps(scenario, trace, info)! };
  };

  it('the tap on alice’s link sees a sealed TLS record and no element name', () => {
    const lens = lensEvent(ev, means('tap:alice~a.example'));
    expect(lens.state).toBe('sealed');
    expect(lens.sealedBy?.layer).toBe('tls');
    expect(namesHidden(ev, lens)).toBe(true);
    const shown = ev.layers.filter((_, i) => lens.layers[i] !== 'hidden').map((l) => l.label).join(' ');
    expect(shown).not.toMatch(/c=biws|<response/);
  });
  it('alice holds the TLS key and opens it all', () => {
    const lens = lensEvent(ev, means('alice'));
    expect(lens.state).toBe('open');
    expect(namesHidden(ev, lens)).toBe(false);
  });
  it('no lens: everything, as before', () => {
    expect(lensEvent(ev, null).layers.every((v) => v === 'open')).toBe(true);
  });
  it('an event the observer never saw shows nothing of its content', () => {
    const lens = lensEvent(ev, { keys: new Set([K]), seen: new Set() });
    expect(lens.state).toBe('unseen');
    expect(namesHidden(ev, lens)).toBe(true);
  });
});
