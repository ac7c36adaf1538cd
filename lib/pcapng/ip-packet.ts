/**
 * IPv4 packets carrying one TCP segment or UDP datagram, as a capture shows them: the IPv4 header of
 * RFC 791 §3.1 (no options), the TCP header of RFC 9293 §3.1 (with the MSS option on SYNs, §3.2) and the
 * UDP header of RFC 768, each with its checksum: the Internet checksum of RFC 1071 over the header (IPv4),
 * or over the pseudo header, header and data (TCP, UDP). The simulator carries payloads only; these are
 * the headers a real stack would have put around them.
 * @module
 */

export const PROTO_TCP = 6;
export const PROTO_UDP = 17;

/** RFC 9293 §3.1 control bits, in the order of the header (the low byte of the 14th octet). */
export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;

/** Dotted IPv4 (`192.0.2.10`) to its four octets; anything else is a programming error here (the scenario validator checks addresses). */
export function ipv4Octets(ip: string): Uint8Array {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`pcapng/ip-packet: not an IPv4 address: ${ip}`);
  return Uint8Array.from(parts);
}

/**
 * RFC 1071 §1: "the 16-bit 1's complement of the 1's complement sum of all 16-bit words" — adjacent octets
 * paired into 16-bit words, an odd last octet padded with zero, carries folded back in (§4.1's C code).
 * `parts` are summed as one byte string (pseudo header + header + data) without copying them together;
 * every part but the last must have an even length.
 */
export function internetChecksum(...parts: Uint8Array[]): number {
  let sum = 0;
  for (const p of parts) {
    const n = p.length - 1;
    for (let i = 0; i < n; i += 2) sum += (p[i]! << 8) | p[i + 1]!;
    if (p.length & 1) sum += p[n]! << 8;
    sum = (sum & 0xffff) + (sum >>> 16);
  }
  while (sum >>> 16) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

export interface Ipv4Fields {
  src: string;
  dst: string;
  protocol: number;
  /** Identification (RFC 791: "to aid in assembling the fragments"); with DF set a per-host counter. */
  id: number;
  ttl?: number;
}

/**
 * RFC 791 §3.1: Version 4, IHL 5 (20 octets, no options), Type of Service 0, Total Length, Identification,
 * Flags = DF ("Don't Fragment": we never fragment), Fragment Offset 0, Time to Live 64, Protocol, Header
 * Checksum ("The checksum field is the 16 bit one's complement of the one's complement sum of all 16 bit
 * words in the header. For purposes of computing the checksum, the value of the checksum field is zero.").
 */
export function ipv4Packet(f: Ipv4Fields, payload: Uint8Array): Uint8Array {
  const total = 20 + payload.length;
  if (total > 0xffff) throw new Error('pcapng/ip-packet: an IPv4 packet longer than 65535 octets');
  const p = new Uint8Array(total);
  const v = new DataView(p.buffer);
  p[0] = 0x45;
  v.setUint16(2, total);
  v.setUint16(4, f.id & 0xffff);
  v.setUint16(6, 0x4000); // DF
  p[8] = f.ttl ?? 64;
  p[9] = f.protocol;
  p.set(ipv4Octets(f.src), 12);
  p.set(ipv4Octets(f.dst), 16);
  v.setUint16(10, internetChecksum(p.subarray(0, 20)));
  p.set(payload, 20);
  return p;
}

/** RFC 9293 §3.1 / RFC 768: "a 96-bit pseudo header … the source address, the destination address, zero, the protocol, and the TCP length". */
function pseudoHeader(src: string, dst: string, protocol: number, length: number): Uint8Array {
  const h = new Uint8Array(12);
  h.set(ipv4Octets(src), 0);
  h.set(ipv4Octets(dst), 4);
  h[9] = protocol;
  new DataView(h.buffer).setUint16(10, length);
  return h;
}

export interface TcpFields {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  window: number;
  /** RFC 9293 §3.2: MSS, "only … in the initial connection request (i.e., in segments with the SYN control bit set)". */
  mss?: number;
}

/**
 * RFC 9293 §3.1: source and destination port, sequence and acknowledgment number, Data Offset ("the number of
 * 32-bit words in the TCP header"), control bits, window, checksum over pseudo header + header + data, urgent
 * pointer 0, then the options (kind 2, length 4, the MSS) and the data.
 */
export function tcpSegment(f: TcpFields, data: Uint8Array): Uint8Array {
  const optionLength = f.mss !== undefined ? 4 : 0;
  const headerLength = 20 + optionLength;
  const s = new Uint8Array(headerLength + data.length);
  const v = new DataView(s.buffer);
  v.setUint16(0, f.srcPort);
  v.setUint16(2, f.dstPort);
  v.setUint32(4, f.seq >>> 0);
  v.setUint32(8, f.ack >>> 0);
  s[12] = (headerLength / 4) << 4;
  s[13] = f.flags;
  v.setUint16(14, f.window);
  if (f.mss !== undefined) {
    s[20] = 2;
    s[21] = 4;
    v.setUint16(22, f.mss);
  }
  s.set(data, headerLength);
  v.setUint16(16, internetChecksum(pseudoHeader(f.src, f.dst, PROTO_TCP, s.length), s));
  return s;
}

export interface UdpFields {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
}

/**
 * RFC 768: source port, destination port, Length ("the length in octets of this user datagram including this
 * header and the data"), Checksum over the pseudo header, header and data; "If the computed checksum is zero,
 * it is transmitted as all ones".
 */
export function udpDatagram(f: UdpFields, data: Uint8Array): Uint8Array {
  const d = new Uint8Array(8 + data.length);
  const v = new DataView(d.buffer);
  v.setUint16(0, f.srcPort);
  v.setUint16(2, f.dstPort);
  v.setUint16(4, d.length);
  d.set(data, 8);
  const sum = internetChecksum(pseudoHeader(f.src, f.dst, PROTO_UDP, d.length), d);
  v.setUint16(6, sum === 0 ? 0xffff : sum);
  return d;
}
