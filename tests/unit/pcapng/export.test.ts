// A trace as a pcapng capture: block order, the TCP a real stack would send (handshake, sequence and ACK
// numbers, MSS split, delayed ACKs, FINs), UDP, the TLS key log in a DSB before every packet, determinism.
import { describe, expect, it } from 'vitest';
import { BLOCK_DSB, BLOCK_EPB, BLOCK_IDB, BLOCK_SHB } from '../../../lib/pcapng/blocks';
import { CAPTURE_EPOCH_MS, exportPcapng } from '../../../lib/pcapng/export';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_SYN } from '../../../lib/pcapng/ip-packet';
import { DELAYED_ACK_MS, MSS } from '../../../lib/pcapng/tcp-capture';
import { keyLogLinesOf } from '../../../lib/pcapng/key-log';
import { getPreset, presets } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import type { Fact, TlsKeysFact } from '../../../lib/sim/facts';
import type { Endpoint, Trace, TraceEvent, WireTransport } from '../../../lib/sim/types';
import { readBlocks, readEpb, readIp, type IpInfo } from '../../helpers/pcapng-reader';

const C = { ip: '192.0.2.10', port: 54247 };
const S = { ip: '198.51.100.10', port: 5222 };

function wire(seq: number, time: number, from: string, to: string, data: Uint8Array, t: Partial<WireTransport> & { src: Endpoint; dst: Endpoint }, facts: Fact[] = []): TraceEvent {
  return { seq, time, kind: 'wire', from, to, wire: data, layers: [], note: { key: 'wire.bytes' }, effects: [], facts, transport: { proto: 'tcp', conn: 'tcp-1', ...t } };
}

function traceOf(events: TraceEvent[]): Trace {
  return { scenarioId: 'toy', seed: 1, nodes: [], links: [], taps: [], events, truncated: false };
}

function packetsOf(bytes: Uint8Array): (IpInfo & { timeUs: number; comment: string | null })[] {
  return readBlocks(bytes)
    .filter((b) => b.type === BLOCK_EPB)
    .map((b) => {
      const e = readEpb(b.body);
      return { ...readIp(e.packet), timeUs: e.timestampUs, comment: e.comment };
    });
}

const bytes = (n: number) => new Uint8Array(n).fill(0x61);

/**
 * What Wireshark's TCP analysis checks, per stream: every segment's sequence number is the next one its
 * side owes (no gap, no overlap), SYN and FIN take one number, and no ACK acknowledges bytes not yet sent.
 * Returns the number of streams.
 */
function checkStreams(pkts: IpInfo[]): number {
  const next = new Map<string, number>();
  let streams = 0;
  for (const p of pkts.filter((q) => q.protocol === 6)) {
    const me = `${p.src}:${p.srcPort}>${p.dst}:${p.dstPort}`;
    const peer = `${p.dst}:${p.dstPort}>${p.src}:${p.srcPort}`;
    if (p.flags & TCP_SYN) {
      if (!(p.flags & TCP_ACK)) streams += 1;
      next.set(me, (p.seq + 1) >>> 0);
    } else {
      expect(p.seq, `${me} seq`).toBe(next.get(me));
      next.set(me, (p.seq + p.payload.length + (p.flags & TCP_FIN ? 1 : 0)) >>> 0);
    }
    if (p.flags & TCP_ACK) expect(p.ack, `${me} ack`).toBe(next.get(peer));
  }
  return streams;
}

describe('the file', () => {
  const { trace } = runScenario(getPreset('hello')!, { seed: 1 });
  const x = exportPcapng(trace);
  const blocks = readBlocks(x.bytes);

  it('SHB, IDB, then only packets (hello has no TLS, so no DSB)', () => {
    expect(blocks[0]!.type).toBe(BLOCK_SHB);
    expect(blocks[1]!.type).toBe(BLOCK_IDB);
    expect(blocks.slice(2).every((b) => b.type === BLOCK_EPB)).toBe(true);
    expect(blocks.length - 2).toBe(x.packets);
    expect(x.keyLogLines).toBe(0);
  });

  it('is the same, byte for byte, for the same trace', () => {
    const again = exportPcapng(runScenario(getPreset('hello')!, { seed: 1 }).trace);
    expect(Buffer.from(again.bytes).equals(Buffer.from(x.bytes))).toBe(true);
    expect(x.fileName).toBe('hello-seed1.pcapng');
  });

  it('one clean TCP stream per connection, on the scenario\'s addresses and port 5222', () => {
    const pkts = packetsOf(x.bytes);
    expect(checkStreams(pkts)).toBe(x.connections);
    expect(x.connections).toBe(2);
    expect(new Set(pkts.map((p) => p.src))).toEqual(new Set(['192.0.2.10', '192.0.2.20', '198.51.100.10']));
    expect(pkts.every((p) => p.srcPort === 5222 || p.dstPort === 5222)).toBe(true);
  });

  it('carries every byte of the trace, in order, once', () => {
    const pkts = packetsOf(x.bytes);
    const sent = trace.events.filter((e) => e.wire && e.transport).reduce((n, e) => n + e.wire!.length, 0);
    expect(pkts.reduce((n, p) => n + p.payload.length, 0)).toBe(sent);
  });

  it('timestamps rise strictly from the capture epoch; each packet names its widget step', () => {
    const pkts = packetsOf(x.bytes);
    for (let i = 1; i < pkts.length; i++) expect(pkts[i]!.timeUs).toBeGreaterThan(pkts[i - 1]!.timeUs);
    const first = trace.events.find((e) => e.kind === 'wire')!;
    expect(pkts[0]!.timeUs).toBe((CAPTURE_EPOCH_MS + first.time) * 1000);
    expect(pkts[0]!.comment).toBe(`step ${first.seq + 1}`);
  });

  it('every preset exports with clean streams; s2s on 5269', () => {
    for (const p of presets) {
      const e = exportPcapng(runScenario(p, { seed: 1 }).trace);
      expect(checkStreams(packetsOf(e.bytes)), p.id).toBe(e.connections);
    }
    const fed = packetsOf(exportPcapng(runScenario(getPreset('federation')!, { seed: 1 }).trace).bytes);
    expect(fed.some((p) => p.dstPort === 5269 && p.flags === TCP_SYN)).toBe(true);
  });
});

describe('TCP around the simulated bytes', () => {
  it('handshake with MSS, then the data; a large send split at the MSS with an ACK every second full segment', () => {
    const x = exportPcapng(traceOf([wire(0, 10, 'c', 's', bytes(2 * MSS + 100), { src: C, dst: S, opened: true })]));
    const p = packetsOf(x.bytes);
    expect(p.map((q) => [q.flags, q.payload.length])).toEqual([
      [TCP_SYN, 0],
      [TCP_SYN | TCP_ACK, 0],
      [TCP_ACK, 0],
      [TCP_ACK, MSS],
      [TCP_ACK, MSS],
      [TCP_ACK, 0], // the receiver, after two full-sized segments
      [TCP_ACK | TCP_PSH, 100],
      [TCP_ACK, 0], // the delayed ACK at the end
    ]);
    expect(p[5]!.src).toBe(S.ip);
    expect(p[7]!.timeUs).toBe((CAPTURE_EPOCH_MS + 10 + DELAYED_ACK_MS) * 1000);
    checkStreams(p);
  });

  it('a reply carries the ACK (no separate one); FIN from each side, each acknowledged', () => {
    const x = exportPcapng(
      traceOf([
        wire(0, 10, 'c', 's', bytes(5), { src: C, dst: S, opened: true }),
        wire(1, 20, 's', 'c', bytes(7), { src: S, dst: C }),
        wire(2, 30, 'c', 's', bytes(3), { src: C, dst: S, closed: true }),
        wire(3, 40, 's', 'c', bytes(2), { src: S, dst: C, closed: true }),
      ]),
    );
    const p = packetsOf(x.bytes);
    expect(p.slice(3).map((q) => `${q.src === C.ip ? 'c' : 's'} ${q.flags} ${q.payload.length}`)).toEqual([
      `c ${TCP_ACK | TCP_PSH} 5`,
      `s ${TCP_ACK | TCP_PSH} 7`,
      `c ${TCP_ACK | TCP_PSH} 3`,
      `c ${TCP_FIN | TCP_ACK} 0`,
      `s ${TCP_ACK} 0`,
      `s ${TCP_ACK | TCP_PSH} 2`,
      `s ${TCP_FIN | TCP_ACK} 0`,
      `c ${TCP_ACK} 0`,
    ]);
    expect(checkStreams(p)).toBe(1);
  });

  it('a connection replaced by a new one on the same ports is closed first: two streams', () => {
    const x = exportPcapng(
      traceOf([
        wire(0, 10, 'c', 's', bytes(5), { src: C, dst: S, opened: true }),
        wire(1, 20, 'c', 's', bytes(5), { src: C, dst: S, opened: true, conn: 'tcp-2' }),
      ]),
    );
    const p = packetsOf(x.bytes);
    expect(checkStreams(p)).toBe(2);
    expect(p.filter((q) => q.flags & TCP_FIN)).toHaveLength(2);
    expect(x.connections).toBe(2);
  });

  it('UDP datagrams stand alone; bytes a middlebox dropped are not in the capture', () => {
    const x = exportPcapng(
      traceOf([
        wire(0, 10, 'c', 'stun', bytes(20), { proto: 'udp', conn: undefined, src: { ip: C.ip, port: 50000 }, dst: { ip: '203.0.113.5', port: 3478 } }),
        wire(1, 20, 'c', 's', bytes(9), { src: C, dst: S, opened: true, via: [{ middlebox: 'box', did: 'drop' }] }),
      ]),
    );
    const p = packetsOf(x.bytes);
    expect(p).toHaveLength(1);
    expect(p[0]!.protocol).toBe(17);
    expect(p[0]!.dstPort).toBe(3478);
    expect(p[0]!.payload.length).toBe(20);
    expect(x.datagrams).toBe(1);
  });
});

describe('the TLS key log (contract C1)', () => {
  const h = (b: number) => b.toString(16).padStart(2, '0').repeat(32);
  const keys: TlsKeysFact = {
    type: 'tls-keys',
    node: 'c',
    peer: 's',
    keyName: 'tls:c~s',
    role: 'client',
    cipher: 'TLS_AES_128_GCM_SHA256',
    clientRandom: h(1),
    clientHandshakeTrafficSecret: h(2),
    serverHandshakeTrafficSecret: h(3),
    clientTrafficSecret0: h(4),
    serverTrafficSecret0: h(5),
    exporterSecret: h(6),
  };

  it('five NSS key log lines per connection, with RFC 8446 §7.1\'s secrets', () => {
    expect(keyLogLinesOf(keys)).toEqual([
      `CLIENT_HANDSHAKE_TRAFFIC_SECRET ${h(1)} ${h(2)}`,
      `SERVER_HANDSHAKE_TRAFFIC_SECRET ${h(1)} ${h(3)}`,
      `CLIENT_TRAFFIC_SECRET_0 ${h(1)} ${h(4)}`,
      `SERVER_TRAFFIC_SECRET_0 ${h(1)} ${h(5)}`,
      `EXPORTER_SECRET ${h(1)} ${h(6)}`,
    ]);
  });

  it('one DSB before the first packet, each line once though both ends report it', () => {
    const fact = (node: string): Fact => ({ ...keys, node });
    const x = exportPcapng(
      traceOf([
        wire(0, 10, 'c', 's', bytes(5), { src: C, dst: S, opened: true }),
        wire(1, 20, 's', 'c', bytes(5), { src: S, dst: C }, [fact('c')]),
        wire(2, 30, 'c', 's', bytes(5), { src: C, dst: S }, [fact('s')]),
      ]),
    );
    const blocks = readBlocks(x.bytes);
    expect(blocks.map((b) => b.type).slice(0, 4)).toEqual([BLOCK_SHB, BLOCK_IDB, BLOCK_DSB, BLOCK_EPB]);
    const body = blocks[2]!.body;
    const len = new DataView(body.buffer, body.byteOffset).getUint32(4, true);
    expect(new TextDecoder().decode(body.subarray(8, 8 + len)).split('\n')).toHaveLength(6); // five lines and the final linefeed
    expect(x.keyLogLines).toBe(5);
  });
});
