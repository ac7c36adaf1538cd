/**
 * One end of a MODELLED TLS connection as plain data: the STARTTLS upgrade (RFC 6120 §5.4.3.3)
 * hands the TCP stream to this layer; it runs the modelled hello exchange (handshake.ts), then seals
 * and opens application_data records (record.ts). The key name (`tls:alice~a.example`, after the
 * link) is what the trace's layers and the observers' keyrings refer to.
 * @module
 */
import { concat, fromHex, toHex } from '../../bytes/hex';
import {
  CONTENT_HANDSHAKE, HS_CLIENT_HELLO, HS_SERVER_HELLO, decodeHello, deriveKeys, encodeHello, keySharePublic, type TlsKeys,
} from './handshake';
import { HEADER_LENGTH, openRecord, plainRecord, splitRecords } from './record';
import type { TlsKeysFact, TlsUpgradeFact } from '../../sim/facts';

export interface TlsConn {
  keyName: string;
  role: 'client' | 'server';
  phase: 'awaiting-server-hello' | 'awaiting-client-hello' | 'open' | 'failed';
  /** Own X25519 private key, hex, kept only until the peer's share arrives. */
  privateKey: string | null;
  /** Own hello random, hex. */
  random: string;
  keys: TlsKeys | null;
  writeSeq: number;
  readSeq: number;
  /** Bytes of an incomplete record, hex. */
  pending: string;
  /** Real TLS outside the machine (lib/io: node:tls on a real socket): this end sends and receives plaintext. */
  external?: boolean;
}

export interface TlsReceived {
  /** Decrypted application data, in order. */
  plaintext: Uint8Array[];
  /** The server's reply to a ClientHello (a record to send in clear), when this end is the server. */
  reply?: Uint8Array;
  /** True when this input completed the handshake: the keys are now installed. */
  established: boolean;
  /** A record that does not parse or does not verify: the connection is dead (RFC 8446 §5.2 bad_record_mac). */
  error?: 'bad-record' | 'bad-hello';
}

/** The client's first flight: a ClientHello record. `entropy` is 64 bytes from the simulator's RNG. */
export function tlsClientStart(keyName: string, entropy: Uint8Array): { conn: TlsConn; hello: Uint8Array } {
  if (entropy.length !== 64) throw new Error('tls-model: need 64 bytes of entropy');
  const random = entropy.slice(0, 32);
  const priv = entropy.slice(32, 64);
  const hello = plainRecord(CONTENT_HANDSHAKE, encodeHello({ type: HS_CLIENT_HELLO, random, keyShare: keySharePublic(priv) }));
  return {
    conn: { keyName, role: 'client', phase: 'awaiting-server-hello', privateKey: toHex(priv), random: toHex(random), keys: null, writeSeq: 0, readSeq: 0, pending: '' },
    hello,
  };
}

/** The server's side after `<proceed/>`: waits for the ClientHello. */
export function tlsServerStart(keyName: string, entropy: Uint8Array): TlsConn {
  if (entropy.length !== 64) throw new Error('tls-model: need 64 bytes of entropy');
  return { keyName, role: 'server', phase: 'awaiting-client-hello', privateKey: toHex(entropy.slice(32, 64)), random: toHex(entropy.slice(0, 32)), keys: null, writeSeq: 0, readSeq: 0, pending: '' };
}

function fail(conn: TlsConn, error: TlsReceived['error']): TlsReceived {
  conn.phase = 'failed';
  conn.pending = '';
  return { plaintext: [], established: false, ...(error ? { error } : {}) };
}

/**
 * Real TLS instead of the model (a host whose settings say `tlsLayer: 'external'`): the connection
 * counts as open at once and passes plaintext both ways. The I/O adapter runs node:tls on the socket
 * when it meets `tlsUpgradeNote`, which the host emits right after `<proceed/>` (RFC 6120 §5.4.3).
 */
export function tlsExternal(keyName: string, role: 'client' | 'server'): TlsConn {
  return { keyName, role, phase: 'open', privateKey: null, random: '', keys: null, writeSeq: 0, readSeq: 0, pending: '', external: true };
}

/**
 * The upgrade signal for lib/io, a fact: `node` = this end, `peer` = the node the connection leads
 * to, `domain` = the certificate's name, `conn` = the connection when the pair holds several.
 */
export function tlsUpgradeNote(node: string, peer: string, role: 'client' | 'server', domain: string, conn?: string): { type: 'fact'; fact: TlsUpgradeFact } {
  return { type: 'fact', fact: { type: 'tls-upgrade', node, peer, role, domain, ...(conn !== undefined ? { conn } : {}) } };
}

/** Feed bytes received from the peer. Never throws on the peer's input. */
export function tlsReceive(conn: TlsConn, data: Uint8Array): TlsReceived {
  const out: TlsReceived = { plaintext: [], established: false };
  if (conn.external) return { plaintext: [data], established: false };
  if (conn.phase === 'failed') return out;
  const { records, rest } = splitRecords(concat(fromHex(conn.pending), data));
  conn.pending = toHex(rest);
  for (const rec of records) {
    if (conn.phase === 'open') {
      const keys = conn.keys!;
      const [k, iv] = conn.role === 'client' ? [keys.serverWriteKey, keys.serverWriteIv] : [keys.clientWriteKey, keys.clientWriteIv];
      const pt = openRecord(k, iv, conn.readSeq, rec);
      if (pt === null) return fail(conn, 'bad-record');
      conn.readSeq += 1;
      out.plaintext.push(pt);
      continue;
    }
    if (rec[0] !== CONTENT_HANDSHAKE) return fail(conn, 'bad-hello');
    const hello = decodeHello(rec.slice(HEADER_LENGTH));
    const expected = conn.role === 'server' ? HS_CLIENT_HELLO : HS_SERVER_HELLO;
    if (!hello || hello.type !== expected || conn.privateKey === null) return fail(conn, 'bad-hello');
    const priv = fromHex(conn.privateKey);
    const own = fromHex(conn.random);
    const keys = conn.role === 'server' ? deriveKeys(priv, hello.keyShare, hello.random, own) : deriveKeys(priv, hello.keyShare, own, hello.random);
    if (keys === null) return fail(conn, 'bad-hello');
    if (conn.role === 'server') {
      out.reply = plainRecord(CONTENT_HANDSHAKE, encodeHello({ type: HS_SERVER_HELLO, random: own, keyShare: keySharePublic(priv) }));
    }
    conn.keys = keys;
    conn.privateKey = null;
    conn.phase = 'open';
    out.established = true;
  }
  return out;
}

/** The own write key and IV (what `composeWire` seals with). */
export function writeKeys(conn: TlsConn): { key: string; iv: string } {
  if (!conn.keys) throw new Error('tls-model: connection not open');
  return conn.role === 'client' ? { key: conn.keys.clientWriteKey, iv: conn.keys.clientWriteIv } : { key: conn.keys.serverWriteKey, iv: conn.keys.serverWriteIv };
}

/** The keys this end installed, as a fact (knowledge's keyrings read it; the note is narration). */
export function tlsKeysFact(conn: TlsConn, node: string, peer: string): TlsKeysFact {
  const k = conn.keys;
  if (!k) throw new Error('tls-model: connection not open');
  return { type: 'tls-keys', node, peer, keyName: conn.keyName, role: conn.role, cipher: 'AES-128-GCM', ...k };
}

/**
 * What the 'tls.established' note names: the keys' name, this end's role, the cipher. The keys
 * themselves are a fact (tlsKeysFact), which lib/knowledge's keyrings read; narration never carries them.
 */
export function keyParams(conn: TlsConn): Record<string, string> {
  if (!conn.keys) throw new Error('tls-model: connection not open');
  return { keyName: conn.keyName, role: conn.role, cipher: 'AES-128-GCM' };
}
