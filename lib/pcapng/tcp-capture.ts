/**
 * The segments a real TCP stack would have put on the wire for a trace's connections (RFC 9293). The
 * simulator models TCP at the level of a reader of a trace (lib/sim/transport.ts): a connection opens with
 * its first bytes and closes with a FIN flag on the last; there are no sequence numbers, handshakes or
 * acknowledgments. A capture needs all of them, or Wireshark reports gaps and cannot reassemble a stream.
 * So, per connection:
 * - the three-way handshake (§3.5, "Basic three-way handshake for connection synchronization"): SYN,
 *   SYN-ACK, ACK, each SYN with an MSS option, just before the first bytes;
 * - the bytes in segments of at most MSS octets (§3.7.1), sequence numbers counting from each side's initial
 *   sequence number (ISN), every segment after the SYN acknowledging all the peer has sent so far;
 * - acknowledgments as §3.8.6.3 wants them: "an ACK SHOULD be generated for at least every second
 *   full-sized segment", and otherwise not delayed past DELAYED_ACK_MS ("MUST be less than 0.5 seconds") —
 *   unless the receiver sends bytes of its own first, which carry the ACK;
 * - a FIN when the sender closes its side (§3.6), acknowledged at once by the peer;
 * - a connection the kernel replaced by a new one between the same addresses (it is gone, §3.6's TIME-WAIT
 *   aside) first closed with FINs from both sides, so that each simulated connection is one TCP stream.
 * Capture point: the packets as they arrived (the trace's wire events), with each connection's addresses as
 * its first packet arrived. Timestamps: the event's virtual time, one microsecond apart within an event.
 * @module
 */
import type { Endpoint, TraceEvent } from '../sim/types';
import { ipv4Packet, PROTO_TCP, PROTO_UDP, TCP_ACK, TCP_FIN, TCP_PSH, TCP_SYN, tcpSegment, udpDatagram } from './ip-packet';

/** The MSS both ends announce and the largest payload of a segment: Ethernet's 1500 minus 20 (IPv4) and 20 (TCP). */
export const MSS = 1460;
/** §3.8.6.3: "the delay MUST be less than 0.5 seconds"; 200 ms is the delayed-ACK timer common stacks use. */
export const DELAYED_ACK_MS = 200;
/** The receive window each end announces (no window scaling: ACKs come at least every second segment). */
const WINDOW = 65535;

/** One packet of the capture: an IPv4 packet and when it was seen, in virtual microseconds. */
export interface CapturedPacket {
  timeUs: number;
  data: Uint8Array;
  /** The trace event the packet belongs to (its payload, or the handshake or ACK it caused). */
  seq: number;
}

interface Side {
  ep: Endpoint;
  /** SND.NXT: the next sequence number this side will use. */
  next: number;
  /** Octets this side received but has not acknowledged yet, and since when. */
  unacked: number;
  ackDue: number | null;
  fin: boolean;
}

interface Conn {
  id: string;
  /** The node that opened it (sent the SYN), to tell the directions apart where a NAT rewrote addresses. */
  opener: string;
  a: Side;
  b: Side;
}

/** FNV-1a, 32 bits: a deterministic ISN per connection and side. RFC 9293 §3.4.1 wants ISNs unpredictable to attackers; a replayable capture wants them fixed. */
function isnOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const sameEp = (x: Endpoint, y: Endpoint) => x.ip === y.ip && x.port === y.port;

/** Builds the packets for a trace's wire events, fed one at a time in trace order. */
export class TcpCapture {
  readonly packets: CapturedPacket[] = [];
  /** How many TCP connections and UDP datagrams went into the capture. */
  connections = 0;
  datagrams = 0;
  private readonly conns = new Map<string, Conn>();
  private readonly ipIds = new Map<string, number>();
  private lastUs = -1;
  private seq = 0;

  constructor(private readonly epochUs: number) {}

  /** One wire event: its bytes as TCP segments or a UDP datagram. Events without a transport, or lost on the way, have no packets. */
  add(e: TraceEvent): void {
    const t = e.transport;
    if (e.kind !== 'wire' || !t || !e.wire) return;
    if (t.via?.some((m) => m.did === 'drop')) return; // lost before the capture point
    const timeUs = this.epochUs + e.time * 1000;
    this.flushAcks(timeUs);
    this.seq = e.seq;
    if (t.proto === 'udp') {
      this.datagrams += 1;
      this.emit(timeUs, t.src.ip, t.dst.ip, PROTO_UDP, udpDatagram({ src: t.src.ip, dst: t.dst.ip, srcPort: t.src.port, dstPort: t.dst.port }, e.wire));
      return;
    }
    if (!t.conn) return;
    let c = this.conns.get(t.conn);
    if (!c || t.opened) c = this.open(timeUs, t.conn, e.from, t.src, t.dst);
    const [from, to] = this.direction(c, e.from, t.src);
    this.send(timeUs, from, to, e.wire);
    if (t.closed && !from.fin) this.fin(timeUs, c, from, to);
  }

  /** The end of the trace: the ACKs still owed go out when their timers run out. */
  finish(): void {
    this.flushAcks(Number.POSITIVE_INFINITY);
  }

  private direction(c: Conn, node: string, src: Endpoint): [Side, Side] {
    if (sameEp(src, c.a.ep)) return [c.a, c.b];
    if (sameEp(src, c.b.ep)) return [c.b, c.a];
    return node === c.opener ? [c.a, c.b] : [c.b, c.a];
  }

  private open(timeUs: number, id: string, opener: string, src: Endpoint, dst: Endpoint): Conn {
    for (const old of this.conns.values()) {
      const same = (sameEp(old.a.ep, src) && sameEp(old.b.ep, dst)) || (sameEp(old.a.ep, dst) && sameEp(old.b.ep, src));
      if (same) this.closeBoth(timeUs, old);
    }
    this.connections += 1;
    const side = (ep: Endpoint): Side => ({ ep, next: isnOf(`${id} ${ep.ip}:${ep.port}`), unacked: 0, ackDue: null, fin: false });
    const c: Conn = { id, opener, a: side(src), b: side(dst) };
    this.conns.set(id, c);
    // §3.5: "1) A --> B SYN my sequence number is X; 2) A <-- B ACK your sequence number is X; 3) A <-- B SYN my
    // sequence number is Y; 4) A --> B ACK your sequence number is Y" — 2 and 3 in one segment.
    this.segment(timeUs, c.a, c.b, TCP_SYN, new Uint8Array(0), MSS);
    c.a.next += 1; // "the SYN … is considered to occur before the first actual data octet"
    this.segment(timeUs, c.b, c.a, TCP_SYN | TCP_ACK, new Uint8Array(0), MSS);
    c.b.next += 1;
    this.segment(timeUs, c.a, c.b, TCP_ACK, new Uint8Array(0));
    return c;
  }

  private send(timeUs: number, from: Side, to: Side, data: Uint8Array): void {
    // Our bytes carry the ACK of everything the peer sent: no separate ACK is owed any more.
    from.unacked = 0;
    from.ackDue = null;
    for (let at = 0; at < data.length; at += MSS) {
      const chunk = data.subarray(at, Math.min(at + MSS, data.length));
      const last = at + MSS >= data.length;
      this.segment(timeUs, from, to, TCP_ACK | (last ? TCP_PSH : 0), chunk);
      from.next = (from.next + chunk.length) >>> 0;
      to.unacked += chunk.length;
      if (to.unacked >= 2 * MSS) this.ack(timeUs, to, from);
    }
    if (to.unacked > 0 && to.ackDue === null) to.ackDue = timeUs + DELAYED_ACK_MS * 1000;
  }

  /** §3.6: the closing side's FIN takes one sequence number; the peer acknowledges it at once. */
  private fin(timeUs: number, c: Conn, from: Side, to: Side): void {
    from.unacked = 0;
    from.ackDue = null;
    this.segment(timeUs, from, to, TCP_FIN | TCP_ACK, new Uint8Array(0));
    from.next = (from.next + 1) >>> 0;
    from.fin = true;
    this.ack(timeUs, to, from);
    if (to.fin) this.conns.delete(c.id);
  }

  /** A connection the kernel has forgotten: both sides close (the opener first), each FIN acknowledged. */
  private closeBoth(timeUs: number, c: Conn): void {
    if (!c.a.fin) this.fin(timeUs, c, c.a, c.b);
    if (!c.b.fin) this.fin(timeUs, c, c.b, c.a);
    this.conns.delete(c.id);
  }

  /** A pure ACK from `from`, of everything `to` has sent. */
  private ack(timeUs: number, from: Side, to: Side): void {
    from.unacked = 0;
    from.ackDue = null;
    this.segment(timeUs, from, to, TCP_ACK, new Uint8Array(0));
  }

  /** Delayed ACKs whose time has come (all of them at the end), earliest first. */
  private flushAcks(untilUs: number): void {
    const due: { at: number; c: Conn; from: Side; to: Side }[] = [];
    for (const c of this.conns.values()) {
      if (c.a.ackDue !== null && c.a.ackDue <= untilUs) due.push({ at: c.a.ackDue, c, from: c.a, to: c.b });
      if (c.b.ackDue !== null && c.b.ackDue <= untilUs) due.push({ at: c.b.ackDue, c, from: c.b, to: c.a });
    }
    due.sort((x, y) => x.at - y.at);
    for (const d of due) this.ack(d.at, d.from, d.to);
  }

  private segment(timeUs: number, from: Side, to: Side, flags: number, data: Uint8Array, mss?: number): void {
    const ack = flags & TCP_ACK ? to.next : 0;
    const fields = { src: from.ep.ip, dst: to.ep.ip, srcPort: from.ep.port, dstPort: to.ep.port, seq: from.next, ack, flags, window: WINDOW };
    this.emit(timeUs, from.ep.ip, to.ep.ip, PROTO_TCP, tcpSegment(mss === undefined ? fields : { ...fields, mss }, data));
  }

  private emit(timeUs: number, src: string, dst: string, protocol: number, payload: Uint8Array): void {
    // Strictly increasing timestamps: packets of one event (and events at the same virtual ms) 1 µs apart.
    const at = Math.max(timeUs, this.lastUs + 1);
    this.lastUs = at;
    const id = this.ipIds.get(src) ?? 1;
    this.ipIds.set(src, (id + 1) & 0xffff);
    this.packets.push({ timeUs: at, data: ipv4Packet({ src, dst, protocol, id }, payload), seq: this.seq });
  }
}
