/**
 * OMEMO 2, two ways, printed and never asserted:
 *  - the engine in process (lib/omemo), as CPU time: a device with its 100 pre keys, the first message with X3DH
 *    (encrypt and decrypt, one recipient device), then per-message encrypt and decrypt on a
 *    confirmed session, alternating so that every message is a DH ratchet step;
 *  - through the stdio peer protocol (interop/omemo/README.md §3), ours beside python-omemo 1.0.2 +
 *    python-twomemo 1.0.3 in the same run: the first message (X3DH both sides, plus the empty
 *    reply), then 100 messages alternating. Wall clock per pairing, JSON-lines round trips included,
 *    which every peer pays alike.
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { utf8 } from '../lib/bytes/hex';
import { addBundle, createDevice, decryptMessage, encryptMessage, isOmemoError, ownBundle, type OmemoDevice } from '../lib/omemo/device';
import type { OmemoEncrypted } from '../lib/omemo/xml';
import { deliver, omemoPythonUnavailable, startNetwork, type OmemoPeerKind } from '../tests/interop/helpers/omemo-peers';

const random = (n: number): Uint8Array => new Uint8Array(randomBytes(n));
const ROUNDS = 100;

/** CPU time of this process in ms (user + system): on a shared, loaded machine wall clock says more about the neighbours. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function must<T extends object>(r: T): Exclude<T, { kind: string; error: string }> {
  if (isOmemoError(r)) throw new Error(`${r.kind}: ${r.error}`);
  return r as Exclude<T, { kind: string; error: string }>;
}

function pair(): [OmemoDevice, OmemoDevice] {
  const a = createDevice({ jid: 'alice@example.org' }, random);
  const b = createDevice({ jid: 'bob@example.org' }, random);
  addBundle(a, b.jid, b.deviceId, ownBundle(b));
  addBundle(b, a.jid, a.deviceId, ownBundle(a));
  return [a, b];
}

function engine(): string[] {
  // warm the JIT up on one full exchange first
  for (let i = 0; i < 3; i++) {
    const [a, b] = pair();
    const m = must(encryptMessage(a, [b.jid], utf8('warm'), random)).message;
    must(decryptMessage(b, a.jid, m, random));
  }
  const create: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = cpuMs();
    createDevice({ jid: 'x@example.org' }, random);
    create.push(cpuMs() - t);
  }
  const firstEnc: number[] = [];
  const firstDec: number[] = [];
  const enc: number[] = [];
  const dec: number[] = [];
  for (let r = 0; r < 10; r++) {
    const [a, b] = pair();
    let t = cpuMs();
    const m1 = must(encryptMessage(a, [b.jid], utf8('first message'), random)).message;
    firstEnc.push(cpuMs() - t);
    t = cpuMs();
    const reply = must(decryptMessage(b, a.jid, m1, random)).reply as OmemoEncrypted;
    firstDec.push(cpuMs() - t);
    must(decryptMessage(a, b.jid, reply, random));
    for (let i = 0; i < ROUNDS / 10; i++) {
      const [from, to] = i % 2 ? [b, a] : [a, b];
      t = cpuMs();
      const m = must(encryptMessage(from, [to.jid], utf8(`message ${i}`), random)).message;
      enc.push(cpuMs() - t);
      t = cpuMs();
      must(decryptMessage(to, from.jid, m, random));
      dec.push(cpuMs() - t);
    }
  }
  const ms = (xs: number[]) => `${median(xs).toFixed(2)} ms`;
  return [
    `new device (identity, signed pre key, 100 pre keys): ${ms(create)}`,
    `first message with X3DH: encrypt ${ms(firstEnc)}, decrypt ${ms(firstDec)} (passive X3DH, pre key replaced, empty reply made)`,
    `per message, alternating (a DH ratchet step each): encrypt ${ms(enc)}, decrypt ${ms(dec)}   (medians of ${enc.length})`,
  ];
}

async function throughPeers(a: OmemoPeerKind, b: OmemoPeerKind): Promise<string> {
  const label = `${a} → ${b}`.padEnd(18);
  const peers = await startNetwork([
    { name: 'alice', kind: a, jid: 'alice@example.org' },
    { name: 'bob', kind: b, jid: 'bob@example.org' },
  ]);
  const [alice, bob] = peers as [(typeof peers)[0], (typeof peers)[0]];
  try {
    let t = performance.now();
    const first = await alice.one({ op: 'encrypt', to: ['bob@example.org'], text: 'first message', stamp: null }, 'encrypted');
    const [got] = await deliver(peers, alice, first.xml as string, [bob]);
    const firstMs = performance.now() - t;
    if (got?.decrypted?.text !== 'first message') return `${label} FAILED: ${JSON.stringify(got?.error)}`;
    t = performance.now();
    for (let i = 0; i < ROUNDS; i++) {
      const [from, to] = i % 2 ? [bob, alice] : [alice, bob];
      const m = await from.one({ op: 'encrypt', to: [to.jid], text: `message ${i}`, stamp: null }, 'encrypted');
      const [d] = await deliver(peers, from, m.xml as string, [to]);
      if (d?.decrypted?.text !== `message ${i}`) return `${label} FAILED at message ${i}: ${JSON.stringify(d?.error)}`;
    }
    const per = (performance.now() - t) / ROUNDS;
    return `${label} first message (X3DH, decrypt, empty reply) ${firstMs.toFixed(1).padStart(6)} ms   ${ROUNDS} alternating messages: ${per.toFixed(2).padStart(6)} ms each (encrypt + decrypt)`;
  } finally {
    await Promise.all(peers.map((p) => p.close()));
  }
}

export async function benchOmemo(): Promise<void> {
  console.log('\nOMEMO 2 engine in process (lib/omemo, one recipient device; medians of CPU time):');
  for (const line of engine()) console.log('  ' + line);
  console.log(`\nOMEMO 2 through the stdio peer protocol (first message with X3DH; then ${ROUNDS} messages, alternating):`);
  const why = omemoPythonUnavailable();
  const pairings: [OmemoPeerKind, OmemoPeerKind][] = why
    ? [['ours', 'ours']]
    : [
        ['ours', 'ours'],
        ['python', 'python'],
        ['ours', 'python'],
        ['python', 'ours'],
      ];
  for (const [a, b] of pairings) console.log('  ' + (await throughPeers(a, b)));
  if (why) console.log(`  python-omemo skipped: ${why}`);
}
