/**
 * OTR through the stdio peer protocol (interop/README.md §2.4), ours beside potr and libotr in the
 * same run: the first AKE, the median of five more (disconnect, query again), then 100 data messages
 * each way, alternating so that the DH keys rotate.
 * Wall-clock per pairing, including the JSON-lines round trips that every peer pays alike. Our
 * peer warms its JIT up before "ready" (lib/io/otr-peer.ts); the "cold" row turns that off.
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { Peer, peerUnavailable, relay, tempKeyDir, type PeerKind } from '../tests/interop/helpers/otr-peers';

interface Pairing {
  label: string;
  a: PeerKind;
  b: PeerKind;
  versions?: string;
  /** environment for our peers (OTR_PEER_WARMUP=0: a cold process, no JIT warm-up before "ready") */
  env?: Record<string, string>;
}

const pairings: Pairing[] = [
  { label: 'ours ↔ ours (v3)', a: 'ours', b: 'ours' },
  { label: 'ours ↔ ours (v3, cold)', a: 'ours', b: 'ours', env: { OTR_PEER_WARMUP: '0' } },
  { label: 'potr ↔ potr (v2)', a: 'potr', b: 'potr' },
  { label: 'libotr ↔ libotr (v3)', a: 'libotr', b: 'libotr' },
  { label: 'ours ↔ libotr (v3)', a: 'ours', b: 'libotr' },
  { label: 'ours ↔ potr (v2)', a: 'ours', b: 'potr' },
];

const ROUNDS = 100;
const AKE_REPEATS = 5;

async function timeAke(alice: Peer, bob: Peer): Promise<number> {
  const t0 = performance.now();
  await relay(alice, bob, await alice.op({ op: 'query' }));
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Set variables in process.env; the returned function puts the previous values back. */
function setEnv(env: Record<string, string>): () => void {
  const before = Object.keys(env).map((k) => [k, process.env[k]] as const);
  Object.assign(process.env, env);
  return () => {
    for (const [k, v] of before) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

async function measure(p: Pairing): Promise<string> {
  const why = peerUnavailable(p.a) ?? peerUnavailable(p.b);
  if (why) return `${p.label.padEnd(24)} skipped: ${why}`;
  const dir = tempKeyDir();
  const restore = setEnv(p.env ?? {}); // the peers inherit it when they are spawned below
  const alice = new Peer('alice', p.a, { account: 'alice@a.example', peer: 'bob@b.example', keyFile: join(dir, 'alice.key') });
  const bob = new Peer('bob', p.b, { account: 'bob@b.example', peer: 'alice@a.example', keyFile: join(dir, 'bob.key') });
  restore();
  try {
    await Promise.all([alice.ready, bob.ready]);
    const ake = await timeAke(alice, bob);
    // A fresh AKE in the same processes (disconnect, query again), AKE_REPEATS times: the steady
    // state, without the first run's process and cache effects; the median, since one run is noisy.
    const again: number[] = [];
    for (let i = 0; i < AKE_REPEATS; i++) {
      await relay(alice, bob, await alice.op({ op: 'disconnect' }));
      again.push(await timeAke(alice, bob));
    }
    const t1 = performance.now();
    for (let i = 0; i < ROUNDS; i++) {
      await relay(alice, bob, await alice.op({ op: 'send', text: `a${i}` }));
      await relay(bob, alice, await bob.op({ op: 'send', text: `b${i}` }));
    }
    const per = (performance.now() - t1) / (2 * ROUNDS);
    const secure = [...alice.log, ...bob.log].some((e) => e.ev === 'recv' && e.encrypted === true);
    const steady = median(again);
    return `${p.label.padEnd(24)} AKE first ${ake.toFixed(1).padStart(6)} ms, again ${steady.toFixed(1).padStart(5)} ms   ${(2 * ROUNDS).toString()} alternating messages: ${per.toFixed(2).padStart(6)} ms each${secure ? '' : '   (WARNING: not encrypted)'}`;
  } finally {
    await Promise.all([alice.quit(), bob.quit()]);
  }
}

export async function benchOtr(): Promise<void> {
  console.log(`\nOTR through the stdio peer protocol (the first AKE, the median of ${AKE_REPEATS} more; then ${2 * ROUNDS} data messages, alternating, keys rotating):`);
  for (const p of pairings) console.log('  ' + (await measure(p)));
}
