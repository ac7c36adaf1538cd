/**
 * One end of a TLS connection inside the simulator, as plain data: the STARTTLS upgrade (RFC 6120
 * §5.4.3.3) hands the TCP stream to lib/tls — real TLS 1.3 (RFC 8446) with X25519 and
 * TLS_AES_128_GCM_SHA256 — and takes back what to send, what arrived and what happened:
 *
 *   client                                           server
 *   ClientHello (server_name, key_share)   -------->
 *                                          <--------  ServerHello, {EncryptedExtensions}, {Certificate},
 *                                                     {CertificateVerify}, {Finished}
 *   {Finished} + [the new stream header]   -------->
 *
 * The client's Finished waits in `queued` and leaves with the client's next application data (the
 * restarted XML stream) in one TCP send, as real clients write it. The server's certificate is checked
 * against the lab CA (pki.ts) and the domain the client meant, at the virtual time of the handshake;
 * a refusal is a typed result (`TlsFailure`), the alert goes to the peer. The key name
 * (`tls:alice~a.example`) is what the trace's layers and the observers' keyrings refer to.
 * @module
 */
import { receiveClient, sendClient, startClient, type ClientState } from '../../tls/client';
import { createServer, receiveServer, sendServer, type ServerState } from '../../tls/server';
import type { Step, TlsEvent } from '../../tls/state';
import { toHex } from '../../bytes/hex';
import { tlsExporterChannelBinding } from '../../tls/exporter';
import type { NoteKey } from '../../narration/notes';
import type { TlsKeysFact, TlsUpgradeFact } from '../../sim/facts';
import type { Failure } from '../../x509/validate';
import { validateChain } from '../../x509/validate';
import { dissect, type DissectedRecords } from './records';
import type { ServerIdentity } from './pki';

export interface TlsChannel {
  keyName: string;
  role: 'client' | 'server';
  /** `open`: the handshake is complete at this end (application data may flow). */
  phase: 'handshaking' | 'open' | 'failed';
  /** Real TLS outside the machine (lib/io: node:tls on a real socket): this end passes plaintext. */
  external?: boolean;
  client: ClientState | null;
  server: ServerState | null;
  /** The name the client asks for (server_name) and checks the certificate against. */
  serverName: string | null;
  /** The client's trust anchor: the lab CA's certificate, DER. */
  anchor: Uint8Array | null;
  /** Handshake records to go out before this end's next application data: the client's Finished. */
  queued: DissectedRecords | null;
}

/** Why a handshake ended: the alert (RFC 8446 §6.2), who sent it, and for a refused certificate what was wrong with it. */
export interface TlsFailure {
  /** the alert's name (RFC 8446 §6.2), `unknown(n)` for one we do not know */
  alert: string;
  /** true: this end refused and sent the alert; false: the peer did */
  sent: boolean;
  reason: string;
  certificate?: Failure;
}

export interface ChannelReceived {
  /** Decrypted application data, in order. */
  plaintext: Uint8Array[];
  /** Records to send at once (the server's first flight, an alert), with their dissection. */
  reply: DissectedRecords | null;
  /** The handshake completed at this end with this input. */
  established: boolean;
  /** This end derived all five secrets of C1 with this input (the server when it sends its Finished, the client on the server's). */
  keysReady: boolean;
  failure: TlsFailure | null;
}

export interface ClientHello {
  channel: TlsChannel;
  hello: DissectedRecords;
}

/**
 * 64 bytes drawn at once, handed out in order: lib/tls draws a random and an X25519 key (32 + 32) at
 * each end. One draw from the simulator's RNG, as the TLS model before it made: every later draw (SCRAM
 * nonces, stream ids) stays what it was.
 */
function pool(entropy: Uint8Array): (n: number) => Uint8Array {
  if (entropy.length !== 64) throw new Error('tls-channel: need 64 bytes of entropy');
  let at = 0;
  return (n) => {
    if (at + n > entropy.length) throw new Error('tls-channel: entropy pool exhausted');
    return entropy.slice(at, (at += n));
  };
}

/** The client's first flight after `<proceed/>`: the ClientHello, in clear. `entropy`: 64 bytes from the simulator's RNG. */
export function clientChannel(keyName: string, serverName: string, anchor: Uint8Array, entropy: Uint8Array): ClientHello {
  const step = startClient({ serverName }, pool(entropy));
  return {
    channel: { keyName, role: 'client', phase: 'handshaking', client: step.state, server: null, serverName, anchor, queued: null },
    hello: dissect(step.out, step.events, keyName, serverName),
  };
}

/** The server's side after `<proceed/>`: its random and key share drawn (`entropy`: 64 bytes), waiting for the ClientHello. */
export function serverChannel(keyName: string, identity: ServerIdentity, entropy: Uint8Array): TlsChannel {
  const server = createServer(identity, pool(entropy));
  return { keyName, role: 'server', phase: 'handshaking', client: null, server, serverName: null, anchor: null, queued: null };
}

/**
 * Real TLS instead (a host whose settings say `tlsLayer: 'external'`): the channel counts as open at
 * once and passes plaintext both ways. The I/O adapter runs node:tls on the socket when it meets
 * `tlsUpgradeNote`, which the host emits right after `<proceed/>` (RFC 6120 §5.4).
 */
export function externalChannel(keyName: string, role: 'client' | 'server'): TlsChannel {
  return { keyName, role, phase: 'open', external: true, client: null, server: null, serverName: null, anchor: null, queued: null };
}

/**
 * The upgrade signal for lib/io, a fact: `node` = this end, `peer` = the node the connection leads
 * to, `domain` = the certificate's name, `conn` = the connection when the pair holds several.
 */
export function tlsUpgradeNote(node: string, peer: string, role: 'client' | 'server', domain: string, conn?: string): { type: 'fact'; fact: TlsUpgradeFact } {
  return { type: 'fact', fact: { type: 'tls-upgrade', node, peer, role, domain, ...(conn !== undefined ? { conn } : {}) } };
}

const connected = (ch: TlsChannel): boolean => (ch.client ?? ch.server)?.phase === 'connected';

/**
 * Bytes from the peer. `now` is the virtual time in ms since 1970, what the certificate's validity is
 * judged against. Never throws on the peer's input: a bad record or message is a failure.
 */
export function channelReceive(ch: TlsChannel, data: Uint8Array, now: number): ChannelReceived {
  const out: ChannelReceived = { plaintext: [], reply: null, established: false, keysReady: false, failure: null };
  if (ch.external) return { ...out, plaintext: [data] };
  if (ch.phase === 'failed') return out;
  const wasConnected = connected(ch);
  let refused: Failure | undefined;
  let step: Step<ClientState> | Step<ServerState>;
  if (ch.client) {
    const anchor = ch.anchor!;
    step = receiveClient(ch.client, data, {
      checkCertificate: (chain, name) => {
        const v = validateChain(chain, { anchors: [anchor], now, name });
        if (v.ok) return { ok: true, key: v.key };
        refused = v.failure;
        return { ok: false, alert: v.alert, reason: v.reason };
      },
    });
    ch.client = step.state;
  } else {
    step = receiveServer(ch.server!, data);
    ch.server = step.state;
  }
  for (const e of step.events) if (e.type === 'application-data') out.plaintext.push(e.data);
  const alert = step.events.find((e): e is Extract<TlsEvent, { type: 'alert' }> => e.type === 'alert' && e.alert.name !== 'close_notify');
  const records = dissect(step.out, step.events, ch.keyName, ch.serverName);
  if (alert || step.state.phase === 'failed') {
    ch.phase = 'failed';
    const a = alert?.alert ?? { name: 'internal_error', reason: 'failed' };
    out.failure = { alert: a.name, sent: alert?.sent ?? true, reason: a.reason ?? '', ...(refused ? { certificate: refused } : {}) };
    out.reply = step.out.length > 0 ? records : null;
    return out;
  }
  const sentFinished = step.events.some((e) => e.type === 'handshake' && e.direction === 'sent' && e.message.type === 'finished');
  out.keysReady = sentFinished;
  if (!wasConnected && connected(ch)) {
    ch.phase = 'open';
    out.established = true;
  }
  if (step.out.length > 0) {
    // The client's Finished rides with its next application data; anything else goes out now.
    if (ch.role === 'client' && sentFinished) ch.queued = records;
    else out.reply = records;
  }
  return out;
}

/** Application data, sealed in records of at most 2^14 octets under this end's traffic keys; the queued Finished first. */
export function channelSeal(ch: TlsChannel, data: Uint8Array): DissectedRecords {
  const step = ch.client ? sendClient(ch.client, data) : sendServer(ch.server!, data);
  if (ch.client) ch.client = step.state as ClientState;
  else ch.server = step.state as ServerState;
  const records = dissect(step.out, step.events, ch.keyName, ch.serverName);
  const queued = ch.queued;
  ch.queued = null;
  return queued ? joinRecords(queued, records) : records;
}

function joinRecords(a: DissectedRecords, b: DissectedRecords): DissectedRecords {
  const data = new Uint8Array(a.data.length + b.data.length);
  data.set(a.data);
  data.set(b.data, a.data.length);
  const shift = a.data.length;
  return {
    data,
    layers: [...a.layers, ...b.layers.map((l) => ({ ...l, start: l.start + shift, end: l.end + shift }))],
    appData: [...a.appData, ...b.appData.map((r) => ({ start: r.start + shift, length: r.length }))],
  };
}

/** C1: the NSS key log's fields for this end, once it holds all five secrets. */
export function tlsKeysFact(ch: TlsChannel, node: string, peer: string): TlsKeysFact {
  const s = (ch.client ?? ch.server)!.secrets;
  const hex = (b: Uint8Array | undefined | null): string => {
    if (!b) throw new Error('tls-channel: secrets asked for before the handshake derived them');
    return toHex(b);
  };
  return {
    type: 'tls-keys',
    node,
    peer,
    keyName: ch.keyName,
    role: ch.role,
    cipher: 'TLS_AES_128_GCM_SHA256',
    clientRandom: hex(s.clientRandom),
    clientHandshakeTrafficSecret: hex(s.clientHandshakeTrafficSecret),
    serverHandshakeTrafficSecret: hex(s.serverHandshakeTrafficSecret),
    clientTrafficSecret0: hex(s.clientApplicationTrafficSecret0),
    serverTrafficSecret0: hex(s.serverApplicationTrafficSecret0),
    exporterSecret: hex(s.exporterMasterSecret),
    schedule: { sharedSecret: hex(s.sharedSecret), earlySecret: hex(s.earlySecret), handshakeSecret: hex(s.handshakeSecret), masterSecret: hex(s.masterSecret) },
  };
}

/** What the 'tls.established' note names: the key name, this end's role, the cipher suite. Never a secret. */
export function keyParams(ch: TlsChannel): Record<string, string> {
  return { keyName: ch.keyName, role: ch.role, cipher: 'TLS_AES_128_GCM_SHA256' };
}

/** The sentence for a failed handshake: one per kind of refused certificate, a general one otherwise. */
export function failureNote(f: TlsFailure): NoteKey {
  switch (f.certificate) {
    case undefined:
      return 'tls.failed';
    case 'name-mismatch':
      return 'tls.certificate-wrong-name';
    case 'expired':
    case 'not-yet-valid':
      return 'tls.certificate-expired';
    case 'unknown-ca':
      return 'tls.certificate-unknown-ca';
    default:
      return 'tls.certificate-refused';
  }
}

/**
 * RFC 9266 §2: this end's "tls-exporter" channel binding, for SCRAM-SHA-256-PLUS — or null when
 * there is none to give (the handshake is not through, or TLS runs outside the machine).
 */
export function channelBinding(ch: TlsChannel | null): Uint8Array | null {
  const secrets = ch && !ch.external && ch.phase === 'open' ? (ch.client ?? ch.server)?.secrets : undefined;
  return secrets ? tlsExporterChannelBinding(secrets) : null;
}
