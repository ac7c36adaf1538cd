/**
 * The OTR interop script, run against one external peer: plaintext, query + AKE (either side
 * initiating), ≥ 20 alternating data messages with keyids compared to two in-memory engines,
 * tampering in both directions, fragmentation both ways, disconnect, and (libotr) the toolkit.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { armor, dearmor, Reader } from '../../../lib/otr/codec';
import { parseDataMessage } from '../../../lib/otr/data-message';
import { generateDsaKey } from '../../../lib/otr/dsa';
import { readHeader, MSG_DATA } from '../../../lib/otr/wire';
import { createOtrSession, receiveMessage, sendMessage, startOtr, type OtrSession } from '../../../lib/otr/session';
import { randomBytes as rngBytes, seedRng } from '../../../lib/sim/rng';
import { Peer, relay, sends, tempKeyDir, type Hop, type PeerEvent, type PeerKind } from './otr-peers';

export interface ScenarioOptions {
  kind: Exclude<PeerKind, 'ours'>;
  /** --versions for the external peer (libotr only) and for ours */
  theirVersions?: string;
  ourVersions?: string;
  expectVersion: 2 | 3;
  /** true: the external peer sends the query, so our engine sends the D-H Commit */
  weCommit: boolean;
  toolkit?: boolean;
}

export interface ScenarioReport {
  akeMs: number;
  perMessageMs: number;
  messages: number;
  keyids: string[];
  transcript: Hop[];
}

const find = (evs: PeerEvent[], pred: (e: PeerEvent) => boolean) => evs.find(pred);
const recvText = (evs: PeerEvent[]) => evs.filter((e) => e.ev === 'recv').map((e) => e.text);

/** Flip one bit in the last byte of a data message's encrypted field (the MAC then fails). */
export function tamper(wire: string): string {
  const bin = dearmor(wire);
  if (!bin) throw new Error('tamper: not an encoded message');
  const r = new Reader(bin);
  const h = readHeader(r);
  if (h.type !== MSG_DATA) throw new Error('tamper: not a data message');
  const m = parseDataMessage(h, r);
  const copy = bin.slice();
  copy[m.authenticated.length - 1]! ^= 0x01;
  return armor(copy);
}

/** Send pattern: message i is sent by the external peer when i % 3 === 1, else by us. */
const theirTurn = (i: number) => i % 3 === 1;

/** The keyid sequence two in-memory engines produce for the same pattern (our side sends first). */
function expectedKeyids(n: number, version: 2 | 3, weCommit: boolean): string[] {
  const mk = (seed: string, allowV3: boolean) => {
    const rng = seedRng(seed);
    const ctx = { randomBytes: (k: number) => rngBytes(rng, k) };
    const st = createOtrSession({ account: seed, peer: 'x', longTerm: generateDsaKey(ctx.randomBytes), policy: { allowV3 } }, ctx);
    return { st, ctx };
  };
  const us = mk('us', version === 3);
  const them = mk('them', version === 3);
  const pump = (src: typeof us, dst: typeof us, texts: string[], seen: string[]) => {
    let q = texts.map((t) => ({ s: src, d: dst, t }));
    while (q.length) {
      const nq: typeof q = [];
      for (const { s, d, t } of q) {
        const o = receiveMessage(d.st, t, d.ctx);
        for (const e of o.events) if (e.type === 'data-received') seen.push(`${e.senderKeyid}/${e.recipientKeyid}`);
        nq.push(...o.send.map((x) => ({ s: d, d: s, t: x })));
      }
      q = nq;
    }
  };
  const [qs, qd] = weCommit ? [them, us] : [us, them];
  pump(qs, qd, startOtr(qs.st).send, []);
  const seen: string[] = [];
  for (let i = 0; i < n; i++) {
    const [s, d] = theirTurn(i) ? [them, us] : [us, them];
    pump(s, d, sendMessage(s.st, `m${i}`, s.ctx).send, seen);
  }
  return seen;
}

export async function runScenario(o: ScenarioOptions): Promise<ScenarioReport> {
  const dir = tempKeyDir();
  const ours = new Peer('ours', 'ours', {
    account: 'alice@example.test',
    peer: 'bob@example.test',
    keyFile: join(dir, 'alice.json'),
    versions: o.ourVersions ?? '23',
  });
  const theirs = new Peer(o.kind, o.kind, {
    account: 'bob@example.test',
    peer: 'alice@example.test',
    keyFile: join(dir, 'bob.key'),
    ...(o.theirVersions ? { versions: o.theirVersions } : {}),
  });
  const transcript: Hop[] = [];
  try {
    const [ourReady, theirReady] = await Promise.all([ours.ready, theirs.ready]);
    expect(ourReady.ev).toBe('ready');
    expect(ourReady.fingerprint).toMatch(/^[0-9a-f]{40}$/);
    expect(theirReady.ev).toBe('ready');

    // 1. plaintext passes through
    let hops = await relay(ours, theirs, await ours.op({ op: 'send', text: 'hello in the clear' }), transcript);
    expect(recvText(hops.flatMap((h) => h.events))).toContain('hello in the clear');

    // 2. query + AKE
    const t0 = performance.now();
    hops = o.weCommit
      ? await relay(theirs, ours, await theirs.op({ op: 'query' }), transcript)
      : await relay(ours, theirs, await ours.op({ op: 'query' }), transcript);
    const akeMs = performance.now() - t0;
    const all = hops.flatMap((h) => h.events);
    const ourSecure = find(ours.log, (e) => e.ev === 'state' && e.state === 'encrypted');
    const theirSecure = find(theirs.log, (e) => e.ev === 'state' && e.state === 'encrypted');
    expect(ourSecure, 'our engine went encrypted').toBeTruthy();
    expect(theirSecure, `${o.kind} went encrypted`).toBeTruthy();
    expect(ourSecure!.protocol_version).toBe(o.expectVersion);
    expect(ourSecure!.their_fingerprint).toBe(theirReady.fingerprint);
    expect(String(theirSecure!.their_fingerprint).toLowerCase()).toBe(ourReady.fingerprint);
    expect(ourSecure!.ssid).toBe(theirSecure!.ssid);
    if (o.expectVersion === 3) expect(theirSecure!.protocol_version).toBe(3);
    // who committed: the first AKE wire must come from the expected side
    const firstCommit = hops.find((h) => h.wire.startsWith('?OTR:AA') || h.wire.startsWith('?OTR:AAM'));
    expect(firstCommit?.from).toBe(o.weCommit ? 'ours' : o.kind);
    void all;

    // 3. ≥ 20 alternating data messages; keyids as two in-memory engines give them
    const N = 24;
    const keyids: string[] = [];
    const t1 = performance.now();
    for (let i = 0; i < N; i++) {
      const text = `message ${i} ${theirTurn(i) ? 'from bob' : 'from alice'} ✓`;
      const [s, d] = theirTurn(i) ? [theirs, ours] : [ours, theirs];
      const sent = await s.op({ op: 'send', text });
      const h = await relay(s, d, sent, transcript);
      expect(recvText(h.filter((x) => x.to === d.name).flatMap((x) => x.events))).toContain(text);
      const ev = s === ours ? sent.find((e) => e.ev === 'data_sent') : h.flatMap((x) => x.events).find((e) => e.ev === 'data_received');
      keyids.push(`${ev?.skeyid}/${ev?.rkeyid}`);
    }
    const perMessageMs = (performance.now() - t1) / N;
    expect(keyids).toEqual(expectedKeyids(N, o.expectVersion, o.weCommit));

    // 4. tampered message ours → theirs is rejected; then theirs → ours
    const secret = 'tampered: attack at dawn';
    const tSent = await ours.op({ op: 'send', text: secret });
    let tamperedOurs = false;
    hops = await relay(ours, theirs, tSent, transcript, (w, src) => {
      if (src !== ours || tamperedOurs) return w;
      tamperedOurs = true;
      return tamper(w);
    });
    const theirView = hops.filter((h) => h.to === theirs.name).flatMap((h) => h.events);
    expect(recvText(theirView)).not.toContain(secret);
    expect(theirView.some((e) => e.ev === 'error' || e.ev === 'msg_event')).toBe(true);
    let tamperedOnce = false;
    hops = await relay(theirs, ours, await theirs.op({ op: 'send', text: secret + ' (2)' }), transcript, (w, src) => {
      if (src === theirs && !tamperedOnce && w.startsWith('?OTR:')) {
        tamperedOnce = true;
        return tamper(w);
      }
      return w;
    });
    const ourView = hops.filter((h) => h.to === 'ours').flatMap((h) => h.events);
    expect(ourView.some((e) => e.ev === 'msg_event' && e.event === 'rcvdmsg_unreadable')).toBe(true);
    expect(recvText(ourView)).not.toContain(secret + ' (2)');
    // the session keeps working (possibly after the re-AKE that an error message triggers)
    for (let i = 0; i < 4; i++) {
      const text = `after tamper ${i}`;
      const [s, d] = i % 2 ? [theirs, ours] : [ours, theirs];
      const h = await relay(s, d, await s.op({ op: 'send', text }), transcript);
      expect(recvText(h.filter((x) => x.to === d.name).flatMap((x) => x.events))).toContain(text);
    }

    // 5. fragmentation both ways
    const long = 'A long message that will not fit. '.repeat(20);
    await ours.op({ op: 'mms', mms: 140 });
    await theirs.op({ op: 'mms', mms: 140 });
    for (const [s, d] of [
      [ours, theirs],
      [theirs, ours],
    ] as const) {
      const sent = await s.op({ op: 'send', text: long });
      const frags = sends(sent);
      expect(frags.length).toBeGreaterThan(3);
      for (const f of frags) {
        expect(f.length).toBeLessThanOrEqual(140);
        expect(f.startsWith(o.expectVersion === 3 ? '?OTR|' : '?OTR,')).toBe(true);
      }
      const h = await relay(s, d, sent, transcript);
      expect(recvText(h.filter((x) => x.to === d.name).flatMap((x) => x.events))).toContain(long);
    }
    await ours.op({ op: 'mms', mms: 0 });
    await theirs.op({ op: 'mms', mms: 0 });

    // 6. toolkit (libotr5-bin): otr_parse reads our message, otr_sesskeys reproduces our keys
    if (o.toolkit) {
      const sent = await ours.op({ op: 'send', text: 'for the toolkit' });
      const keys = (await ours.op({ op: 'keys' })).find((e) => e.ev === 'keys')!;
      const ds = sent.find((e) => e.ev === 'data_sent')!;
      const wire = sends(sent)[0]!;
      const parsed = spawnSync('otr_parse', { input: wire + '\n', encoding: 'utf8' });
      expect(parsed.stdout).toContain('Data Message:');
      expect(parsed.stdout).toMatch(new RegExp(`Sender keyid: ${ds.skeyid}\\b`));
      expect(parsed.stdout).toMatch(new RegExp(`Rcpt keyid: ${ds.rkeyid}\\b`));
      const oldDh = keys.our_old_dh as { priv: string };
      const sk = spawnSync('otr_sesskeys', [oldDh.priv, String(keys.their_y)], { encoding: 'utf8' });
      const sess = (keys.sessions as Record<string, { sendenc: string; sendmac: string; rcvenc: string }>)[
        `our${ds.skeyid}_their${ds.rkeyid}`
      ]!;
      expect(sk.stdout).toMatch(new RegExp(`Sending\\s+AES key: ${sess.sendenc}`));
      expect(sk.stdout).toMatch(new RegExp(`Sending\\s+MAC key: ${sess.sendmac}`));
      expect(sk.stdout).toMatch(new RegExp(`Receiving\\s+AES key: ${sess.rcvenc}`));
      const rf = spawnSync('otr_readforge', [sess.sendenc], { input: wire + '\n', encoding: 'utf8' });
      expect(rf.stdout).toContain("Plaintext: ``for the toolkit''");
      await relay(ours, theirs, sent, transcript);
    }

    // 7. disconnect: we end → they are FINISHED; their next send is refused, not sent in the clear
    hops = await relay(ours, theirs, await ours.op({ op: 'disconnect' }), transcript);
    expect(hops.flatMap((h) => h.events).some((e) => e.ev === 'state' && e.state === 'finished')).toBe(true);
    const refused = await theirs.op({ op: 'send', text: 'are you there?' });
    expect(sends(refused)).toEqual([]);

    return { akeMs, perMessageMs, messages: N, keyids, transcript };
  } finally {
    await Promise.all([ours.quit(), theirs.quit()]);
  }
}

/** The peer ends the conversation: our engine goes to FINISHED and refuses to send in the clear. */
export async function runPeerDisconnect(o: ScenarioOptions): Promise<void> {
  const dir = tempKeyDir();
  const ours = new Peer('ours', 'ours', { account: 'alice@example.test', peer: 'bob@example.test', keyFile: join(dir, 'a.json'), versions: o.ourVersions ?? '23' });
  const theirs = new Peer(o.kind, o.kind, {
    account: 'bob@example.test',
    peer: 'alice@example.test',
    keyFile: join(dir, 'b.key'),
    ...(o.theirVersions ? { versions: o.theirVersions } : {}),
  });
  try {
    await Promise.all([ours.ready, theirs.ready]);
    await relay(ours, theirs, await ours.op({ op: 'query' }));
    const hops = await relay(theirs, ours, await theirs.op({ op: 'disconnect' }));
    const ourView = hops.flatMap((h) => h.events);
    expect(ourView.some((e) => e.ev === 'state' && e.state === 'finished')).toBe(true);
    const refused = await ours.op({ op: 'send', text: 'secret after disconnect' });
    expect(sends(refused)).toEqual([]);
    expect(refused.some((e) => e.ev === 'msg_event' && e.event === 'connection_ended')).toBe(true);
  } finally {
    await Promise.all([ours.quit(), theirs.quit()]);
  }
}

export type { OtrSession };

/** SMP against the peer: we ask (with a question, same secret), they ask (no question, different secret). */
export async function runSmp(o: ScenarioOptions): Promise<{ smpMs: number }> {
  const dir = tempKeyDir();
  const ours = new Peer('ours', 'ours', { account: 'alice@example.test', peer: 'bob@example.test', keyFile: join(dir, 'a.json'), versions: o.ourVersions ?? '23' });
  const theirs = new Peer(o.kind, o.kind, {
    account: 'bob@example.test',
    peer: 'alice@example.test',
    keyFile: join(dir, 'b.key'),
    ...(o.theirVersions ? { versions: o.theirVersions } : {}),
  });
  const smp = (evs: PeerEvent[]) => evs.filter((e) => e.ev === 'smp');
  try {
    await Promise.all([ours.ready, theirs.ready]);
    await relay(ours, theirs, await ours.op({ op: 'query' }));
    // 1. we ask a question; they answer with the same secret → both succeed, we trust
    const t0 = performance.now();
    let hops = await relay(ours, theirs, await ours.op({ op: 'smp_start', secret: 'correct horse', question: 'our secret?' }));
    const req = smp(hops.flatMap((h) => h.events)).find((e) => e.type === 'request');
    expect(req?.question).toBe('our secret?');
    hops = await relay(theirs, ours, await theirs.op({ op: 'smp_respond', secret: 'correct horse' }));
    const smpMs = performance.now() - t0;
    const ourResult = smp(ours.log).find((e) => e.type === 'result');
    const theirResult = smp(theirs.log).find((e) => e.type === 'result');
    expect(ourResult).toMatchObject({ success: true, trust: 'smp' });
    expect(theirResult).toMatchObject({ success: true });
    // libotr marks trust on the responder's side only when no question was received (message.c,
    // received_question == 0): libotr answered our question, so its fingerprint stays unverified, as ours would
    if (o.kind === 'libotr') expect(theirResult).toMatchObject({ trust: null });
    // 2. they ask without a question; our auto-responder gives a different secret → failure
    await ours.op({ op: 'set_auto_smp', secret: 'wrong' });
    const before = { ours: ours.log.length, theirs: theirs.log.length };
    await relay(theirs, ours, await theirs.op({ op: 'smp_start', secret: 'right' }));
    const ourEnd = smp(ours.log.slice(before.ours)).filter((e) => e.type === 'result' || e.type === 'aborted');
    const theirEnd = smp(theirs.log.slice(before.theirs)).filter((e) => e.type === 'result' || e.type === 'aborted');
    expect(ourEnd[0]).toMatchObject({ type: 'result', success: false });
    // potr's initiator aborts after its own failed check (README §2.6.3); libotr reports failure
    expect(theirEnd[0]).toMatchObject(o.kind === 'potr' ? { type: 'result', success: false } : { type: 'result', success: false });
    // 3. the session still carries messages
    const h = await relay(ours, theirs, await ours.op({ op: 'send', text: 'after smp' }));
    expect(recvText(h.flatMap((x) => x.events))).toContain('after smp');
    return { smpMs };
  } finally {
    await Promise.all([ours.quit(), theirs.quit()]);
  }
}

/** libotr only: our whitespace tag starts its AKE; then TLV 8 gives both sides the same extra key. */
export async function runWhitespaceAndSymkey(o: ScenarioOptions): Promise<void> {
  const dir = tempKeyDir();
  const ours = new Peer('ours', 'ours', { account: 'alice@example.test', peer: 'bob@example.test', keyFile: join(dir, 'a.json') });
  const theirs = new Peer(o.kind, o.kind, { account: 'bob@example.test', peer: 'alice@example.test', keyFile: join(dir, 'b.key') });
  try {
    await Promise.all([ours.ready, theirs.ready]);
    await ours.op({ op: 'policy', set: { SEND_WHITESPACE_TAG: true } });
    const sent = await ours.op({ op: 'send', text: 'hi, tagged' });
    expect(sends(sent)[0]).toContain(' \t  \t\t\t\t \t \t \t  ');
    const hops = await relay(ours, theirs, sent);
    expect(recvText(hops.filter((h) => h.to === o.kind).flatMap((h) => h.events))).toContain('hi, tagged');
    expect(ours.log.some((e) => e.ev === 'state' && e.state === 'encrypted' && e.protocol_version === 3)).toBe(true);
    const sk = await ours.op({ op: 'symkey', use: 7, data: 'c0ffee' });
    const ourKey = sk.find((e) => e.ev === 'symkey_sent')?.key;
    const h2 = await relay(ours, theirs, sk);
    const theirKey = h2.flatMap((h) => h.events).find((e) => e.ev === 'symkey');
    expect(theirKey).toMatchObject({ use: 7, key: ourKey });
  } finally {
    await Promise.all([ours.quit(), theirs.quit()]);
  }
}
