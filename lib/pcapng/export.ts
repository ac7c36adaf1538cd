/**
 * A trace as a pcapng capture file that Wireshark and tshark open as they are: a Section Header Block, one
 * Interface Description Block (LINKTYPE_RAW: every packet starts with its IPv4 header), a Decryption
 * Secrets Block with the TLS key log of the whole trace (before every packet, so that a one-pass reader
 * decrypts from the first record on), then one Enhanced Packet Block per packet (lib/pcapng/tcp-capture.ts),
 * its comment naming the widget's step (event seq + 1) the packet belongs to.
 * XMPP runs on the scenario's ports, 5222 for clients and 5269 between servers (RFC 6120 §14.7, IANA).
 * Wireshark's XMPP dissector takes 5222 by itself and follows STARTTLS into TLS; 5269 it leaves to
 * "Decode As" (`tshark -d tcp.port==5269,xmpp`; Wireshark 4.0). Same trace, same bytes.
 * @module
 */
import type { Trace } from '../sim/types';
import { enhancedPacketBlock, interfaceDescriptionBlock, LINKTYPE_RAW, sectionHeaderBlock, tlsKeyLogBlock } from './blocks';
import { traceKeyLog } from './key-log';
import { TcpCapture } from './tcp-capture';

/**
 * Virtual time 0 on the capture's clock: 2026-01-01 00:00:00 UTC, in ms since 1970 (pcapng timestamps count
 * from the Unix epoch). A fixed instant, so the file never depends on when it was made.
 */
export const CAPTURE_EPOCH_MS = 1_767_225_600_000;

export interface PcapngExport {
  bytes: Uint8Array;
  /** A file name: `hello-seed1.pcapng`. */
  fileName: string;
  packets: number;
  /** TCP connections (each one TCP stream in Wireshark) and UDP datagrams. */
  connections: number;
  datagrams: number;
  /** Lines in the Decryption Secrets Block (0: no block). */
  keyLogLines: number;
}

export function exportPcapng(trace: Trace, o: { epochMs?: number } = {}): PcapngExport {
  const capture = new TcpCapture((o.epochMs ?? CAPTURE_EPOCH_MS) * 1000);
  for (const e of trace.events) capture.add(e);
  capture.finish();
  const keyLog = traceKeyLog(trace);
  const blocks: Uint8Array[] = [
    sectionHeaderBlock('Messenger Lab (simulated network)'),
    interfaceDescriptionBlock(LINKTYPE_RAW, { name: 'sim', description: `Messenger Lab: ${trace.scenarioId}, seed ${trace.seed}` }),
  ];
  const dsb = tlsKeyLogBlock(keyLog);
  if (dsb) blocks.push(dsb);
  for (const p of capture.packets) blocks.push(enhancedPacketBlock(0, p.timeUs, p.data, `step ${p.seq + 1}`));
  return {
    bytes: concatBlocks(blocks),
    fileName: `${trace.scenarioId.replace(/[^A-Za-z0-9._-]+/g, '-')}-seed${trace.seed}.pcapng`,
    packets: capture.packets.length,
    connections: capture.connections,
    datagrams: capture.datagrams,
    keyLogLines: keyLog.length,
  };
}

function concatBlocks(blocks: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const b of blocks) size += b.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
