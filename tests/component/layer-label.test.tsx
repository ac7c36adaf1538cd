import { describe, expect, it } from 'vitest';
import { layerLabel } from '../../app/_i18n/layer-label';
import { getPreset } from '../../lib/scenarios/presets/index';
import { loadScenario } from '../../lib/scenarios/load';
import { runScenario } from '../../lib/scenarios/run';

const PRESETS = ['hello', 'c2s-login', 'bad-password', 'federation', 'otr-ake', 'otr-mitm', 'otr-forward-secrecy', 'otr-deniability', 'otr-post-compromise'];
/** English words of the engine's layer labels (protocol names such as `client-first-message` aside). */
const ENGLISH = /\b(record|bytes|modelled|random|share|password|offers|versions|line for|clients|without|then|pub key|keyid|encrypted under|MAC under|in the clear|data message|keys|counter|reveals|old MAC|made by|passed on|operator)\b/;

describe('layerLabel', () => {
  it('English pages show the engine’s label unchanged', () => {
    expect(layerLabel('en', { layer: 'otr', label: 'OTR data message, keys 1/1, counter 1 (AES-128-CTR + HMAC-SHA1)' })).toBe('OTR data message, keys 1/1, counter 1 (AES-128-CTR + HMAC-SHA1)');
  });
  it('German: the OTR data message of the issue', () => {
    expect(layerLabel('de', { layer: 'otr', label: 'OTR data message, keys 1/1, counter 1 (AES-128-CTR + HMAC-SHA1)' })).toBe('OTR-Datennachricht, Schlüssel 1/1, Zähler 1 (AES-128-CTR + HMAC-SHA1)');
  });
  it('German: no English word is left in any layer label of the presets', () => {
    const left: string[] = [];
    for (const id of PRESETS) {
      const c = loadScenario(getPreset(id)!);
      if (!c.ok) throw new Error(id);
      for (const e of runScenario(c.scenario, { seed: 1 }).trace.events)
        for (const l of e.layers) {
          if (l.layer === 'tcp' || l.layer === 'xml' || l.label.startsWith('SCRAM ')) continue;
          const de = layerLabel('de', l);
          if (ENGLISH.test(de)) left.push(`${id} ${e.seq + 1}: ${de}`);
        }
    }
    expect(left).toEqual([]);
  });
});
