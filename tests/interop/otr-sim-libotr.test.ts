/**
 * The OTR the simulator shows is real OTR: every AKE and data message the simulated clients put in
 * <body> in the otr-ake preset is parsed by libotr's `otr_parse`, and every data message decrypts with
 * libotr's own tools — `otr_sesskeys` derives the session keys from the sender's DH private key (taken
 * from the trace's 'dh-key-made' facts) and the recipient's public key, and `otr_readforge`
 * checks the MAC and prints the plaintext.
 * Needs: apt-get install libotr5-bin
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dissect } from '../../lib/otr/inspect';
import { otrAke } from '../../lib/scenarios/presets/otr-ake';
import { runScenario } from '../../lib/scenarios/run';
import { factsOf } from '../../lib/sim/facts';
import { otrOnLink } from '../unit/otr-sim/trace';

const missing = spawnSync('otr_parse', []).error ? 'otr_parse missing (apt-get install libotr5-bin)' : null;
const CI = process.env.CI === 'true';
const tool = (name: string, args: string[], input = '') => spawnSync(name, args, { input, encoding: 'utf8' }).stdout;
const even = (hex: string) => (hex.length % 2 ? `0${hex}` : hex);

if (missing) {
  describe('otr toolkit on the simulator (unavailable)', () => {
    if (CI)
      it(`libotr5-bin is installed — ${missing}`, () => {
        throw new Error(`otr toolkit unavailable: ${missing}`);
      });
    else it.skip(`skipped: ${missing}`, () => undefined);
  });
}

describe.skipIf(!!missing)('the otr-ake preset’s bodies, read by libotr’s toolkit', () => {
  const { trace } = runScenario(otrAke, { seed: 1 });
  const onWire = otrOnLink(trace, 'alice~a.example');
  // private keys are facts, never note parameters
  const generated = trace.events.flatMap((event) => factsOf(event.facts, 'dh-key-made').map((params) => ({ event, params })));
  const bodies = otrAke.script.flatMap((s) => (s.action.type === 'send-message' ? [s.action.body] : []));

  it('otr_parse names every AKE and data message as our dissection does', () => {
    const names: Record<string, string> = { 'DH-Commit': 'D-H Commit Message:', 'DH-Key': 'D-H Key Message:', 'Reveal-Signature': 'Reveal Signature Message:', Signature: 'Signature Message:', Data: 'Data Message:' };
    const encoded = onWire.filter((o) => dissect(o.text).kind === 'encoded');
    expect(encoded).toHaveLength(11);
    for (const o of encoded) {
      const d = dissect(o.text);
      if (d.kind !== 'encoded') continue;
      const out = tool('otr_parse', [], o.text + '\n');
      expect(out.split('\n')[0]).toBe(names[d.typeName]);
      if (d.typeName === 'Data') {
        const f = (n: string) => d.fields.find((x) => x.name === n)!.value;
        expect(out).toContain(`Sender keyid: ${f('Sender keyid')}`);
        expect(out).toContain(`Rcpt keyid: ${f('Rcpt keyid')}`);
      }
    }
  });

  it('otr_sesskeys + otr_readforge decrypt every data message with the keys on the trace', () => {
    const plain: string[] = [];
    for (const o of onWire) {
      const d = dissect(o.text);
      if (d.kind !== 'encoded' || d.typeName !== 'Data') continue;
      const sender = o.event.from === 'alice' ? 'alice' : 'bob';
      const recipient = sender === 'alice' ? 'bob' : 'alice';
      const s = Number(d.fields.find((x) => x.name === 'Sender keyid')!.value);
      const r = Number(d.fields.find((x) => x.name === 'Rcpt keyid')!.value);
      // the latest key with that id each side made before this message left
      const key = (node: string, keyid: number) => generated.filter((n) => n.params.node === node && n.params.keyid === keyid && n.event.seq < o.event.seq).at(-1)!.params;
      const priv = String(key(sender, s).priv).padStart(80, '0');
      const pub = even(String(key(recipient, r).pub));
      const sess = tool('otr_sesskeys', [priv, pub]);
      const aes = /Sending\s+AES key: ([0-9a-f]{32})/.exec(sess)![1]!;
      const out = tool('otr_readforge', [aes], o.text + '\n');
      expect(out).not.toContain('MAC does not verify');
      plain.push(/Plaintext: ``([\s\S]*?)''/.exec(out)?.[1] ?? '(unreadable)');
    }
    // the last one is the TLV 1 “disconnected” message: empty text, then the TLV bytes otr_readforge prints raw
    expect(plain.slice(0, -1)).toEqual(bodies);
    expect(plain.at(-1)!.startsWith('\0') || plain.at(-1) === '').toBe(true);
  });
});
