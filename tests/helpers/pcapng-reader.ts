/**
 * A minimal pcapng reader for the tests: walks the blocks of a little-endian section (checking the General
 * Block Structure: lengths a multiple of 4, the trailing length equal to the leading one) and decodes the
 * IPv4/TCP/UDP headers of LINKTYPE_RAW packets. Written from the draft, not from lib/pcapng, so that the
 * tests do not read the writer's bytes with the writer's own assumptions.
 */
export interface RawBlock {
  type: number;
  offset: number;
  body: Uint8Array;
}

export function readBlocks(file: Uint8Array): RawBlock[] {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const out: RawBlock[] = [];
  let at = 0;
  while (at < file.length) {
    const type = v.getUint32(at, true);
    const total = v.getUint32(at + 4, true);
    if (total % 4 !== 0 || total < 12 || at + total > file.length) throw new Error(`block at ${at}: bad length ${total}`);
    if (v.getUint32(at + total - 4, true) !== total) throw new Error(`block at ${at}: trailing length differs`);
    out.push({ type, offset: at, body: file.subarray(at + 8, at + total - 4) });
    at += total;
  }
  return out;
}

export interface EpbInfo {
  interfaceId: number;
  timestampUs: number;
  captured: number;
  original: number;
  packet: Uint8Array;
  comment: string | null;
}

export function readEpb(body: Uint8Array): EpbInfo {
  const v = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const captured = v.getUint32(12, true);
  const padded = (captured + 3) & ~3;
  let comment: string | null = null;
  let at = 20 + padded;
  while (at + 4 <= body.length) {
    const code = v.getUint16(at, true);
    const len = v.getUint16(at + 2, true);
    if (code === 0) break;
    if (code === 1) comment = new TextDecoder().decode(body.subarray(at + 4, at + 4 + len));
    at += 4 + ((len + 3) & ~3);
  }
  return {
    interfaceId: v.getUint32(0, true),
    timestampUs: v.getUint32(4, true) * 2 ** 32 + v.getUint32(8, true),
    captured,
    original: v.getUint32(16, true),
    packet: body.subarray(20, 20 + captured),
    comment,
  };
}

export interface IpInfo {
  src: string;
  dst: string;
  protocol: number;
  totalLength: number;
  srcPort: number;
  dstPort: number;
  /** TCP only */
  seq: number;
  ack: number;
  flags: number;
  payload: Uint8Array;
}

const ip = (b: Uint8Array, at: number) => `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;

export function readIp(p: Uint8Array): IpInfo {
  const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
  const ihl = (p[0]! & 0x0f) * 4;
  const protocol = p[9]!;
  const l4 = p.subarray(ihl);
  const w = new DataView(l4.buffer, l4.byteOffset, l4.byteLength);
  const base = { src: ip(p, 12), dst: ip(p, 16), protocol, totalLength: v.getUint16(2), srcPort: w.getUint16(0), dstPort: w.getUint16(2) };
  if (protocol === 6) {
    const off = (l4[12]! >> 4) * 4;
    return { ...base, seq: w.getUint32(4), ack: w.getUint32(8), flags: l4[13]!, payload: l4.subarray(off) };
  }
  return { ...base, seq: 0, ack: 0, flags: 0, payload: l4.subarray(8) };
}
