/**
 * The kernel's transport: which TCP connection a packet rides, when a connection opens and closes, and
 * what the receiver is told about it (HostInput `transport`). UDP datagrams (RFC 768) stand alone.
 *
 * TCP (RFC 9293) is modelled at the level a reader of a trace needs, not segment by segment: a
 * connection opens with its first bytes (the handshake's SYN and SYN-ACK are not events of their own),
 * and it is gone once each side has sent its FIN. A connection is known from each end as a socket —
 * node, local and remote address, and the hosts' own name for it — so one whose addresses a NAT
 * rewrites is still one connection. Closed connections are forgotten: the table holds only open ones.
 * @module
 */
import type { ConnTable, Delivery, Endpoint, Packet } from './types';

export function emptyConnTable(): ConnTable {
  return { next: 1, sockets: {} };
}

/** `192.0.2.10:49152` */
export function endpointText(e: Endpoint): string {
  return `${e.ip}:${e.port}`;
}

export function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  return a.ip === b.ip && a.port === b.port;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function socketKey(node: string, local: Endpoint, remote: Endpoint, hostConn: string | undefined): string {
  return `${node} ${endpointText(local)} ${endpointText(remote)} ${hostConn ?? ''}`;
}

/** Forget a socket and the one at the other end of its connection. */
function forget(table: ConnTable, key: string): void {
  const s = table.sockets[key];
  if (!s) return;
  delete table.sockets[key];
  if (s.peer !== undefined && table.sockets[s.peer]?.conn === s.conn) delete table.sockets[s.peer];
}

/**
 * Carry one packet from its sender to its receiver: `sent` as the sender put it on the link, `arrived`
 * as it reaches `arrived.to` (a middlebox may have changed the addresses). A TCP packet opens a new
 * connection when its sender says so, when the sender has none with these addresses, or when the
 * sender already closed its side (a closed side sends nothing more); its FIN closes the sender's side.
 */
export function carry(table: ConnTable, sent: Packet, arrived: Packet): Delivery {
  const base = { proto: arrived.proto, src: arrived.src, dst: arrived.dst };
  if (sent.proto === 'udp') return base;
  const mine = socketKey(sent.from, sent.src, sent.dst, sent.conn);
  const theirs = socketKey(arrived.to, arrived.dst, arrived.src, arrived.conn);
  let socket = table.sockets[mine];
  let opened = false;
  if (sent.open || !socket || socket.fin || socket.peer !== theirs) {
    forget(table, mine);
    forget(table, theirs);
    const conn = `tcp-${table.next++}`;
    socket = table.sockets[mine] = { conn, peer: theirs };
    table.sockets[theirs] = { conn, peer: mine };
    opened = true;
  }
  const conn = socket.conn;
  if (sent.close) {
    socket.fin = true;
    if (table.sockets[theirs]?.fin) forget(table, mine);
  }
  // Field by field, not by spreads: one hidden class for all deliveries (see kernel.ts step).
  const d: Delivery = { proto: arrived.proto, src: arrived.src, dst: arrived.dst, conn };
  if (opened) d.opened = true;
  if (sent.close) d.closed = true;
  return d;
}

/**
 * A packet a middlebox made up, as its receiver sees it: on the connection the receiver has with
 * those addresses, or — when it has none — the first bytes of a new one (a forged SYN).
 */
export function carryInjected(table: ConnTable, arrived: Packet): Delivery {
  const base = { proto: arrived.proto, src: arrived.src, dst: arrived.dst };
  if (arrived.proto === 'udp') return base;
  const theirs = socketKey(arrived.to, arrived.dst, arrived.src, arrived.conn);
  const socket = table.sockets[theirs];
  if (socket && !arrived.open) return { ...base, conn: socket.conn, ...(arrived.close ? { closed: true as const } : {}) };
  forget(table, theirs);
  const conn = `tcp-${table.next++}`;
  table.sockets[theirs] = { conn };
  return { ...base, conn, opened: true };
}
