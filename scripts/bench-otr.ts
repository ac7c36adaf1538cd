/**
 * OTR through the stdio peer protocol (interop/README.md §2.4), ours beside potr and libotr in the
 * same run: the AKE, then 100 data messages each way, alternating so that the DH keys rotate.
 * Wall-clock per pairing, including the JSON-lines round trips that every peer pays alike.
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { Peer, peerUnavailable, relay, tempKeyDir, type PeerKind } from '../tests/interop/helpers/otr-peers';

interface Pairing {
  label: string;
  a: PeerKind;
  b: PeerKind;
  versions?: string;
}

const pairings: Pairing[] = [
  { label: 'ours ↔ ours (v3)', a: 'ours', b: 'ours' },
  { label: 'potr ↔ potr (v2)', a: 'potr', b: 'potr' },
  { label: 'libotr ↔ libotr (v3)', a: 'libotr', b: 'libotr' },
  { label: 'ours ↔ libotr (v3)', a: 'ours', b: 'libotr' },
  { label: 'ours ↔ potr (v2)', a: 'ours', b: 'potr' },
];

const ROUNDS = 100;

async function measure(p: Pairing): Promise<string> {
  const why = peerUnavailable(p.a) ?? peerUnavailable(p.b);
  if (why) return `${p.label.padEnd(22)} skipped: ${why}`;
  const dir = tempKeyDir();
  const alice = new Peer('alice', p.a, { account: 'alice@a.example', peer: 'bob@b.example', keyFile: join(dir, 'alice.key') });
  const bob = new Peer('bob', p.b, { account: 'bob@b.example', peer: 'alice@a.example', keyFile: join(dir, 'bob.key') });
  try {
    await Promise.all([alice.ready, bob.ready]);
    const t0 = performance.now();
    await relay(alice, bob, await alice.op({ op: 'query' }));
    const ake = performance.now() - t0;
    const t1 = performance.now();
    for (let i = 0; i < ROUNDS; i++) {
      await relay(alice, bob, await alice.op({ op: 'send', text: `a${i}` }));
      await relay(bob, alice, await bob.op({ op: 'send', text: `b${i}` }));
    }
    const per = (performance.now() - t1) / (2 * ROUNDS);
    const secure = [...alice.log, ...bob.log].some((e) => e.ev === 'recv' && e.encrypted === true);
    return `${p.label.padEnd(22)} AKE ${ake.toFixed(1).padStart(7)} ms   ${(2 * ROUNDS).toString()} alternating messages: ${per.toFixed(2).padStart(6)} ms each${secure ? '' : '   (WARNING: not encrypted)'}`;
  } finally {
    await Promise.all([alice.quit(), bob.quit()]);
  }
}

export async function benchOtr(): Promise<void> {
  console.log(`\nOTR through the stdio peer protocol (AKE; then ${2 * ROUNDS} data messages, alternating, keys rotating):`);
  for (const p of pairings) console.log('  ' + (await measure(p)));
}
