/**
 * The OTR engine as a stdio peer, speaking the JSON-lines peer protocol of the interop harness
 * (interop/README.md §2.4, the same as potr_peer.py and libotr_peer.c): one JSON object per input
 * line, zero or more event lines, then exactly one {"ev":"done","op","state"}; the first output
 * line is {"ev":"ready","fingerprint",…}. Randomness comes from node:crypto; the key file is ours
 * (JSON with the DSA key in hex and the instance tag), created when missing.
 *
 *   npx tsx lib/io/otr-peer.ts --account A --peer B --key FILE [--versions 23|2|3] [--mms N]
 *
 * Before "ready" it builds its fixed-base tables and warms the JIT up (OTR_PEER_WARMUP=0: not).
 *
 * Ops beyond potr_peer/libotr_peer: {"op":"symkey","use":N,"data":HEX} sends TLV 8 and reports
 * {"ev":"symkey_sent","key"}; data messages are reported as {"ev":"data_sent"|"data_received",
 * "skeyid","rkeyid","ctr","revealed","flags"}.
 * @module
 */
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { bytesToHex } from '@noble/hashes/utils.js';
import { prepareDsaTables } from '../crypto/dsa';
import { bigintToBytes } from '../otr/codec';
import { prepareDhTables } from '../otr/dh';
import { fingerprint, fingerprintHuman, generateDsaKey, publicPart, type DsaPrivateKey } from '../otr/dsa';
import {
  createOtrSession,
  endOtr,
  receiveMessage,
  sendMessage,
  smpAbort,
  smpRespond,
  smpStart,
  startOtr,
  useExtraSymmetricKey,
  type OtrContext,
  type OtrEvent,
  type OtrOutput,
  type OtrPolicy,
  type OtrSession,
} from '../otr/session';

const ctx: OtrContext = {
  randomBytes: (n) => new Uint8Array(cryptoRandomBytes(n)),
  // the wall clock drives heartbeats (60 s, as libotr and potr)
  get now() {
    return Date.now();
  },
};

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const account = arg('account');
const peer = arg('peer');
const keyFile = arg('key');
if (!account || !peer || !keyFile) {
  process.stderr.write('usage: otr-peer --account A --peer B --key FILE [--versions 23|2|3] [--mms N]\n');
  process.exit(2);
}
const versions = arg('versions') ?? '23';
const mms = Number(arg('mms') ?? '0') || 0;

interface KeyFile {
  format: 'messenger-lab/otr-dsa-key/v1';
  account: string;
  p: string;
  q: string;
  g: string;
  y: string;
  x: string;
  instance_tag: number;
}

const h = (n: bigint | null | undefined): string | null => (n === null || n === undefined ? null : bytesToHex(bigintToBytes(n)));
const big = (s: string): bigint => BigInt('0x' + s);

function loadOrCreateKey(file: string): { key: DsaPrivateKey; instanceTag: number } {
  if (existsSync(file)) {
    const k = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
    return { key: { p: big(k.p), q: big(k.q), g: big(k.g), y: big(k.y), x: big(k.x) }, instanceTag: k.instance_tag };
  }
  const key = generateDsaKey(ctx.randomBytes);
  let instanceTag = 0;
  while (instanceTag < 0x100) instanceTag = cryptoRandomBytes(4).readUInt32BE(0);
  const out: KeyFile = {
    format: 'messenger-lab/otr-dsa-key/v1',
    account: account!,
    p: h(key.p)!,
    q: h(key.q)!,
    g: h(key.g)!,
    y: h(key.y)!,
    x: h(key.x)!,
    instance_tag: instanceTag,
  };
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n', { mode: 0o600 });
  return { key, instanceTag };
}

const { key, instanceTag } = loadOrCreateKey(keyFile);

/**
 * JIT warm-up before "ready": two throwaway in-memory sessions (our key on both sides, nothing
 * kept) run `rounds` AKEs with two data messages each way, so that V8 has compiled noble's
 * SHA-1/SHA-256/AES and our codec and session paths before the first real AKE: cold, a fresh
 * process spends most of that AKE interpreting hash rounds. Measured on the shared 2-core box:
 * the AKE costs the two peers ≈35–50 ms of main-thread CPU cold and ≈15–20 ms warmed; the
 * warm-up costs ≈150 ms of CPU at startup. OTR_PEER_WARMUP=N sets the rounds; 0 turns it off
 * (`npm run bench` reports both).
 */
const WARM_UP_ROUNDS = 2;

function warmUp(rounds: number): void {
  for (let r = 0; r < rounds; r++) {
    const opts = { longTerm: key, policy: { allowV2: true, allowV3: true } };
    const a = createOtrSession({ ...opts, account: 'warm-a', peer: 'warm-b' }, ctx);
    const b = createOtrSession({ ...opts, account: 'warm-b', peer: 'warm-a' }, ctx);
    const deliver = (from: OtrSession, to: OtrSession, out: OtrOutput): void => {
      for (let queue = out.send.map((w) => [from, to, w] as const), i = 0; queue.length && i < 20; i++)
        queue = queue.flatMap(([src, dst, w]) => receiveMessage(dst, w, ctx).send.map((x) => [dst, src, x] as const));
    };
    deliver(a, b, startOtr(a));
    for (let i = 0; i < 2; i++) {
      deliver(a, b, sendMessage(a, 'warm-up', ctx));
      deliver(b, a, sendMessage(b, 'warm-up', ctx));
    }
  }
}

// Fixed-base tables (DH generator for 320-bit keys, our DSA g) are built now, before "ready",
// rather than inside the first AKE: ≈4 ms of startup instead of AKE latency.
prepareDhTables();
prepareDsaTables(key);
try {
  warmUp(Number(process.env.OTR_PEER_WARMUP ?? WARM_UP_ROUNDS) || 0);
} catch (e) {
  process.stderr.write(`otr-peer: warm-up failed (continuing cold): ${(e as Error).message}\n`);
}

const st = createOtrSession(
  {
    account,
    peer,
    longTerm: key,
    instanceTag,
    mms,
    policy: { allowV2: versions.includes('2'), allowV3: versions.includes('3') },
  },
  ctx,
);

const lines: string[] = [];
let autoSmp: string | null = null;
const emit = (o: Record<string, unknown>): void => void lines.push(JSON.stringify(o));

function emitEvent(e: OtrEvent): void {
  switch (e.type) {
    case 'message':
      return emit({
        ev: 'recv',
        text: e.text,
        encrypted: e.encrypted,
        tlvs: e.tlvs.map((t) => ({ type: t.type })),
        ...(e.warning ? { warning: 'unencrypted message while encrypted' } : {}),
      });
    case 'gone-secure':
      return emit({
        ev: 'state',
        state: 'encrypted',
        refresh: e.refresh,
        protocol_version: e.protocolVersion,
        our_instance: e.ourInstance,
        their_instance: e.theirInstance,
        their_fingerprint: e.theirFingerprint,
        ssid: e.ssid,
        ssid_half: e.ssidHalf,
      });
    case 'state':
      return emit({ ev: 'state', state: e.msgstate });
    case 'otr-error':
      return emit({ ev: 'otr_error', error: e.error });
    case 'unreadable':
      return emit({ ev: 'msg_event', event: 'rcvdmsg_unreadable', message: e.reason, replied: e.replied });
    case 'not-in-private':
      return emit({ ev: 'msg_event', event: 'rcvdmsg_not_in_private', message: null, replied: e.replied });
    case 'ignored':
      return emit({ ev: 'msg_event', event: 'ignored', message: e.reason });
    case 'cannot-send':
      return emit({ ev: 'msg_event', event: 'connection_ended', message: null });
    case 'heartbeat-sent':
      return emit({ ev: 'msg_event', event: 'log_heartbeat_sent', message: null });
    case 'symkey':
      return emit({ ev: 'symkey', use: e.use, key: e.key });
    case 'smp':
      switch (e.kind) {
        case 'request':
          emit({ ev: 'smp', type: 'request', question: e.question });
          // set_auto_smp: answer requests automatically (as potr_peer.py and libotr_peer.c do)
          if (autoSmp !== null) emitOutput(smpRespond(st, autoSmp, ctx));
          return;
        case 'progress':
          return emit({ ev: 'smp', type: 'progress', step: e.step });
        case 'result':
          return emit({ ev: 'smp', type: 'result', success: e.success, trust: e.trust });
        case 'aborted':
          return emit({ ev: 'smp', type: 'aborted' });
        case 'cheated':
          return emit({ ev: 'smp', type: 'cheated', reason: e.reason });
      }
      return;
    case 'data-sent':
    case 'data-received':
      return emit({
        ev: e.type === 'data-sent' ? 'data_sent' : 'data_received',
        skeyid: e.senderKeyid,
        rkeyid: e.recipientKeyid,
        ctr: e.ctr,
        revealed: e.revealed,
        flags: e.flags,
      });
    case 'disconnected':
    case 'fragment':
    case 'ake-sent':
      return;
  }
}

function emitOutput(o: OtrOutput): void {
  for (const e of o.events) emitEvent(e);
  for (const wire of o.send) emit({ ev: 'send', wire });
}

function keysDump(): Record<string, unknown> {
  const k = st.keys;
  const sessions: Record<string, unknown> = {};
  if (k) {
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++) {
        const s = k.sess[i]?.[j];
        sessions[`our${k.ourKeyid - i}_their${k.theirKeyid - j}`] = s
          ? {
              sendenc: bytesToHex(s.sendenc),
              sendmac: bytesToHex(s.sendmac),
              rcvenc: bytesToHex(s.rcvenc),
              rcvmac: bytesToHex(s.rcvmac),
              sendctr: s.sendctr.toString(),
              rcvctr: s.rcvctr.toString(),
              extra_key: bytesToHex(s.extraKey),
            }
          : null;
      }
  }
  return {
    ev: 'keys',
    protocol_version: st.protocolVersion,
    our_instance: st.ourInstance,
    their_instance: st.theirInstance,
    our_keyid: k?.ourKeyid ?? 0,
    their_keyid: k?.theirKeyid ?? 0,
    our_dh: k ? { priv: h(k.ourDh.priv), pub: h(k.ourDh.pub) } : null,
    our_old_dh: k?.ourOldDh ? { priv: h(k.ourOldDh.priv), pub: h(k.ourOldDh.pub) } : null,
    their_y: h(k?.theirY),
    their_old_y: h(k?.theirOldY),
    sessions,
    ssid: st.ssid ? bytesToHex(st.ssid) : null,
  };
}

const POLICY_KEYS: Record<string, keyof OtrPolicy> = {
  ALLOW_V2: 'allowV2',
  ALLOW_V3: 'allowV3',
  REQUIRE_ENCRYPTION: 'requireEncryption',
  SEND_TAG: 'sendWhitespaceTag',
  SEND_WHITESPACE_TAG: 'sendWhitespaceTag',
  WHITESPACE_START_AKE: 'whitespaceStartAke',
  ERROR_START_AKE: 'errorStartAke',
};

function handle(m: Record<string, unknown>): boolean {
  const op = m.op;
  switch (op) {
    case 'quit':
      return false;
    case 'query':
      emitOutput(startOtr(st));
      break;
    case 'send':
      emitOutput(sendMessage(st, String(m.text ?? ''), ctx));
      break;
    case 'recv':
      emitOutput(receiveMessage(st, String(m.wire ?? ''), ctx));
      break;
    case 'disconnect': {
      const o = endOtr(st, ctx);
      emitOutput({ send: o.send, events: o.events.filter((e) => e.type !== 'state') });
      emit({ ev: 'state', state: 'plaintext' });
      break;
    }
    case 'status':
      emit({
        ev: 'status',
        state: st.msgstate,
        our_fingerprint: bytesToHex(fingerprint(publicPart(st.longTerm))),
        their_fingerprint: st.theirLongTerm ? bytesToHex(fingerprint(st.theirLongTerm)) : null,
        protocol_version: st.protocolVersion,
        our_instance: st.ourInstance,
        their_instance: st.theirInstance,
        our_keyid: st.keys?.ourKeyid ?? 0,
        their_keyid: st.keys?.theirKeyid ?? 0,
        ssid: st.ssid ? bytesToHex(st.ssid) : null,
        trust: st.trust,
      });
      break;
    case 'keys':
      emit(keysDump());
      break;
    case 'mms':
      st.mms = Number(m.mms ?? 0) || 0;
      break;
    case 'policy': {
      const set = (m.set ?? {}) as Record<string, unknown>;
      for (const [k, v] of Object.entries(set)) {
        const field = POLICY_KEYS[k];
        if (field) st.policy[field] = Boolean(v);
      }
      emit({ ev: 'policy', policy: st.policy });
      break;
    }
    case 'symkey': {
      // OTR v3 extra symmetric key: send TLV 8 and report the key we derived
      const data = typeof m.data === 'string' ? Uint8Array.from(Buffer.from(m.data, 'hex')) : new Uint8Array(0);
      const { output, key: k } = useExtraSymmetricKey(st, Number(m.use ?? 0), data, ctx);
      emit({ ev: 'symkey_sent', use: Number(m.use ?? 0), key: bytesToHex(k) });
      emitOutput(output);
      break;
    }
    case 'smp_start':
      emitOutput(smpStart(st, String(m.secret ?? ''), typeof m.question === 'string' ? m.question : null, ctx));
      break;
    case 'smp_respond':
      emitOutput(smpRespond(st, String(m.secret ?? ''), ctx));
      break;
    case 'smp_abort':
      emitOutput(smpAbort(st, ctx));
      break;
    case 'set_auto_smp':
      autoSmp = typeof m.secret === 'string' ? m.secret : null;
      break;
    default:
      emit({ ev: 'error', error: `unknown op ${JSON.stringify(op)}`, kind: 'ValueError' });
  }
  return true;
}

function flush(): void {
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
  lines.length = 0;
}

emit({
  ev: 'ready',
  account,
  peer,
  fingerprint: bytesToHex(fingerprint(publicPart(key))),
  fingerprint_human: fingerprintHuman(fingerprint(publicPart(key))),
  instance_tag: st.ourInstance,
  protocol_versions: [...(st.policy.allowV2 ? [2] : []), ...(st.policy.allowV3 ? [3] : [])],
  engine: 'messenger-lab',
});
flush();

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (!line.trim()) return;
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(line) as Record<string, unknown>;
  } catch (e) {
    emit({ ev: 'error', error: `bad json: ${(e as Error).message}`, kind: 'json' });
    emit({ ev: 'done', op: null });
    return flush();
  }
  let keepGoing = true;
  try {
    keepGoing = handle(m);
  } catch (e) {
    emit({ ev: 'error', error: (e as Error).message, kind: (e as Error).name });
  }
  emit({ ev: 'done', op: m.op ?? null, state: st.msgstate });
  flush();
  if (!keepGoing) {
    rl.close();
    process.stdout.end(() => process.exit(0));
  }
});
rl.on('close', () => process.stdout.end());
