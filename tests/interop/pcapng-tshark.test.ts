/**
 * Our pcapng exports read by Debian's tshark (Wireshark 4), issue #10 item 5:
 *  - `npm run sim -- export hello --pcapng FILE`: tshark's XMPP dissector finds the message body the
 *    simulator sent; one TCP conversation per connection; no TCP or IP expert warning (no "previous
 *    segment not captured", no bad checksum with checksum validation on, no retransmission, nothing malformed);
 *  - every preset: the TCP streams are clean (whatever is inside them);
 *  - STARTTLS into real TLS 1.3 (lib/tls, both ends), in a hand-made trace: tshark opens the records with
 *    the key log of the embedded Decryption Secrets Block alone (no -o tls.keylog_file) and shows the stanza;
 *  - `c2s-login` and `federation` with the simulator's real TLS (contract C1): the stanzas inside TLS, on
 *    c2s and (with Decode As for 5269) s2s; a todo only if a trace has no key log at all.
 * Needs `tshark`: a visible skip without it, a failure when CI=true.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../../lib/bytes/hex';
import { exportPcapng } from '../../lib/pcapng/export';
import { getPreset, presets } from '../../lib/scenarios/presets/index';
import { runScenario } from '../../lib/scenarios/run';
import type { Fact } from '../../lib/sim/facts';
import type { Endpoint, Trace, TraceEvent } from '../../lib/sim/types';
import { sendClient } from '../../lib/tls/client';
import { sendServer } from '../../lib/tls/server';
import { identity, makePair, run } from '../unit/tls/pair';
import { CI, removeDir, tempDir } from './helpers/xmpp-peers';

const REPO = join(__dirname, '../..');
const missing = spawnSync('sh', ['-c', 'command -v tshark'], { encoding: 'utf8' }).status === 0 ? null : 'tshark not installed (apt-get install tshark)';

/** tshark's TCP/IP expert infos that would mean our segments are wrong. */
const TCP_TROUBLE = /previous segment not captured|ACKed segment that wasn't captured|Retransmission|Out-Of-Order|Dup ACK|Bad checksum|checksum is incorrect|Spurious|Window is full|Zero window|Connection reset/i;

function tshark(file: string, ...args: string[]): string {
  const r = spawnSync('tshark', ['-n', '-r', file, '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`tshark ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

/** The rows of `-z conv,tcp`: one per TCP conversation. */
const conversations = (file: string) => tshark(file, '-q', '-z', 'conv,tcp').split('\n').filter((l) => l.includes('<->'));
/** The expert infos as `-z expert` lists them, minus the per-packet step comments. */
const expert = (file: string) => tshark(file, '-q', '-z', 'expert').split('\n').filter((l) => l.trim() && !/Comment\s+Frame\s+step/.test(l));

if (missing) {
  describe('pcapng ↔ tshark (unavailable)', () => {
    if (CI)
      it(`tshark is installed — ${missing}`, () => {
        throw new Error(missing);
      });
    else it.skip(`skipped: ${missing}`, () => undefined);
  });
} else {
  const dir = tempDir('pcapng-tshark');
  afterAll(() => removeDir(dir));

  describe('npm run sim -- export', () => {
    const file = join(dir, 'hello.pcapng');
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'lib/io/sim-cli.ts', 'export', ...args], { cwd: REPO, encoding: 'utf8' });

    it('writes the capture; a bad id, seed or path is a clear error with exit code 2', () => {
      const ok = cli('hello', '--seed', '1', '--pcapng', file);
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stderr).toMatch(/wrote .*hello\.pcapng: \d+ bytes, \d+ packets, 2 TCP connections/);
      expect(readFileSync(file).subarray(0, 4).toString('hex')).toBe('0a0d0d0a');
      // The CLI writes what the library makes.
      expect(readFileSync(file).equals(Buffer.from(exportPcapng(runScenario(getPreset('hello')!, { seed: 1 }).trace).bytes))).toBe(true);
      for (const [args, msg] of [
        [['no-such', '--pcapng', file], /no scenario “no-such”/],
        [['hello', '--seed', 'x', '--pcapng', file], /--seed must be a whole number/],
        [['hello', '--pcapng', join(dir, 'missing-dir', 'x.pcapng')], /cannot write/],
        [['hello'], /export needs --pcapng FILE/],
      ] as const) {
        const r = cli(...args);
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(msg);
      }
    }, 60_000);

    it('tshark finds the message body the simulator sent, in XMPP on port 5222', () => {
      const scenario = getPreset('hello')!;
      const bodies = scenario.script.flatMap((s) => (s.action.type === 'send-message' ? [s.action.body] : []));
      expect(bodies.length).toBeGreaterThan(0);
      const out = tshark(file, '-Y', 'xmpp.message', '-V');
      for (const b of bodies) expect(out).toContain(`value: ${b}`);
    });

    it('one TCP conversation per connection, and not one TCP/IP warning or malformed packet', () => {
      expect(conversations(file)).toHaveLength(2);
      const e = expert(file);
      expect(e.filter((l) => TCP_TROUBLE.test(l) || /Malformed/.test(l))).toEqual([]);
      expect(e.join('\n')).not.toMatch(/^Errors|^Warnings/m);
    });

    it('federation: the servers\' stream on 5269 is XMPP to tshark once told so (Wireshark gives XMPP only 5222 by itself)', () => {
      const x = exportPcapng(runScenario(getPreset('federation')!, { seed: 1 }).trace);
      const f = join(dir, 'federation-s2s.pcapng');
      writeFileSync(f, x.bytes);
      const out = tshark(f, '-d', 'tcp.port==5269,xmpp', '-Y', 'tcp.port == 5269 && xmpp');
      expect(out).toMatch(/STREAM > b\.example/);
      expect(out).toMatch(/STARTTLS/);
    });

    it('every preset: one TCP stream per connection, all checksums good, no TCP warning', () => {
      for (const p of presets) {
        const x = exportPcapng(runScenario(p, { seed: 1 }).trace);
        const f = join(dir, x.fileName);
        writeFileSync(f, x.bytes);
        // One row per packet: stream, TCP and IP checksum status (1 = good), TCP analysis flags (only a reused port, a note, allowed).
        const rows = tshark(f, '-T', 'fields', '-e', 'tcp.stream', '-e', 'tcp.checksum.status', '-e', 'ip.checksum.status', '-e', 'tcp.analysis.flags', '-e', 'tcp.analysis.reused_ports')
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split('\t'));
        expect(new Set(rows.map((r) => r[0])).size, p.id).toBe(x.connections);
        expect(rows.filter((r) => r[1] !== '1' || r[2] !== '1' || (r[3] && !r[4])), p.id).toEqual([]);
      }
    }, 120_000);
  });

  describe('TLS inside the capture, opened by the embedded key log', () => {
    it('STARTTLS, then real TLS 1.3 (lib/tls): tshark decrypts with the DSB alone and shows the stanza', () => {
      const BODY = 'Only the key log opens this';
      const trace = starttlsTrace(BODY);
      const x = exportPcapng(trace);
      expect(x.keyLogLines).toBe(5);
      const f = join(dir, 'starttls.pcapng');
      writeFileSync(f, x.bytes);
      const out = tshark(f, '-Y', 'xmpp.message', '-V');
      expect(out).toContain('[Protocols in frame: raw:ip:tcp:tls:xmpp:xml]');
      expect(out).toContain(`value: ${BODY}`);
      // Without the DSB the same packets stay sealed.
      const bare = join(dir, 'starttls-nokeys.pcapng');
      writeFileSync(bare, exportPcapng({ ...trace, events: trace.events.map((e) => ({ ...e, facts: [] })) }).bytes);
      expect(tshark(bare, '-Y', 'xmpp.message', '-V')).not.toContain(BODY);
    });

    const c2s = exportPcapng(runScenario(getPreset('c2s-login')!, { seed: 1 }).trace);
    const simHasRealTls = c2s.keyLogLines > 0;
    const name = 'c2s-login (the simulator\'s real TLS): tshark shows the stanzas inside TLS with the embedded key log';
    if (!simHasRealTls) it.todo(`${name} — waits for tls-sim's tls-keys facts (contract C1)`);
    else
      it(name, () => {
        const f = join(dir, c2s.fileName);
        writeFileSync(f, c2s.bytes);
        const out = tshark(f, '-Y', 'tls && xmpp', '-V');
        expect(out).toContain('[Protocols in frame: raw:ip:tcp:tls:xmpp:xml]');
        // After STARTTLS everything is inside TLS: the bind request is only readable decrypted.
        expect(out).toMatch(/BIND/);
        // Wireshark's XML dissector reads each segment on its own, so `</stream:stream>` (opened many segments
        // before) is "Closing an unopened tag" to it; anything else malformed would be ours.
        const malformed = expert(f).filter((l) => /Malformed/.test(l) && !/Closing an unopened tag/.test(l));
        expect(expert(f).filter((l) => TCP_TROUBLE.test(l)).concat(malformed)).toEqual([]);
      });
    const fed = exportPcapng(runScenario(getPreset('federation')!, { seed: 1 }).trace);
    const fedName = 'federation (real TLS on c2s and s2s): the message body inside TLS on both hops';
    if (fed.keyLogLines === 0) it.todo(`${fedName} — waits for tls-sim's tls-keys facts (contract C1)`);
    else
      it(fedName, () => {
        const f = join(dir, `tls-${fed.fileName}`);
        writeFileSync(f, fed.bytes);
        const scenario = getPreset('federation')!;
        const bodies = scenario.script.flatMap((s) => (s.action.type === 'send-message' ? [s.action.body] : []));
        const out = tshark(f, '-d', 'tcp.port==5269,xmpp', '-Y', 'xmpp.message', '-V');
        // Each body three times: alice → a.example, a.example → b.example (s2s), b.example → bob.
        for (const b of bodies) expect(out.split(`value: ${b}`).length - 1, b).toBeGreaterThanOrEqual(3);
      });
  });
}

/** A c2s connection that does STARTTLS into real TLS 1.3 and then sends one message, as a hand-made trace. */
function starttlsTrace(body: string): Trace {
  const C: Endpoint = { ip: '192.0.2.10', port: 54247 };
  const S: Endpoint = { ip: '198.51.100.10', port: 5222 };
  const events: TraceEvent[] = [];
  let time = 0;
  const send = (fromClient: boolean, data: Uint8Array, facts: Fact[] = []) => {
    time += 20;
    const [src, dst] = fromClient ? [C, S] : [S, C];
    events.push({
      seq: events.length,
      time,
      kind: 'wire',
      from: fromClient ? 'alice' : 'a.example',
      to: fromClient ? 'a.example' : 'alice',
      wire: data,
      layers: [],
      note: { key: 'wire.bytes' },
      effects: [],
      facts,
      transport: { proto: 'tcp', src, dst, conn: 'tcp-1', ...(events.length === 0 ? { opened: true as const } : {}) },
    });
  };
  const cat = (parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
  const header = (attrs: string) => `<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' ${attrs} version='1.0'>`;
  send(true, utf8(`<?xml version='1.0'?>${header("to='a.example'")}`));
  send(false, utf8(`<?xml version='1.0'?>${header("from='a.example' id='s1'")}<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>`));
  send(true, utf8(`<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>`));
  send(false, utf8(`<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>`));
  const { pair, firstFlight } = makePair(identity('ed25519', 'pcapng'));
  send(true, cat(firstFlight));
  const done = run(pair, firstFlight);
  send(false, cat(done.serverRecords));
  const s = done.client.secrets;
  const keys: Fact = {
    type: 'tls-keys',
    node: 'alice',
    peer: 'a.example',
    keyName: 'tls:alice~a.example',
    role: 'client',
    cipher: 'TLS_AES_128_GCM_SHA256',
    clientRandom: toHex(s.clientRandom!),
    clientHandshakeTrafficSecret: toHex(s.clientHandshakeTrafficSecret!),
    serverHandshakeTrafficSecret: toHex(s.serverHandshakeTrafficSecret!),
    clientTrafficSecret0: toHex(s.clientApplicationTrafficSecret0!),
    serverTrafficSecret0: toHex(s.serverApplicationTrafficSecret0!),
    exporterSecret: toHex(s.exporterMasterSecret!),
  };
  // The client's Finished and the restarted stream in one send, the server's new stream, then a stanza.
  const c1 = sendClient(done.client, utf8(header("to='a.example'")));
  send(true, cat([...done.clientRecords.slice(1), ...c1.out]), [keys]);
  const s1 = sendServer(done.server, utf8(header("from='a.example' id='s2'") + `<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>`));
  send(false, cat(s1.out));
  const c2 = sendClient(c1.state, utf8(`<message to='bob@a.example' type='chat'><body>${body}</body></message>`));
  send(true, cat(c2.out));
  return { scenarioId: 'starttls', seed: 1, nodes: [], links: [], taps: [], events, truncated: false };
}
