/**
 * A tiny in-memory network for two TLS ends (quinn's `Pair`, h11's `ConnectionPair`): each end's
 * records are handed to the other until neither has anything to send. Randomness is a seeded
 * SHA-256 counter, so every run is the same.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../../../lib/bytes/hex';
import { publicKeyOf } from '../../../lib/tls/certificate-verify';
import { SignatureScheme } from '../../../lib/tls/constants';
import { receiveClient, startClient, type ClientConfig, type ClientHooks, type ClientState } from '../../../lib/tls/client';
import { createServer, receiveServer, type ServerConfig, type ServerState } from '../../../lib/tls/server';
import type { TlsEvent } from '../../../lib/tls/state';

export function seededRandom(seed: string): (n: number) => Uint8Array {
  let counter = 0;
  return (n: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 32) out.set(sha256(utf8(`${seed}/${counter++}`)).subarray(0, Math.min(32, n - i)), i);
    return out;
  };
}

export type Scheme = 'ecdsa_secp256r1_sha256' | 'ed25519';

export interface Identity {
  scheme: number;
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  /** stands in for an X.509 certificate until item 2: opaque DER-ish bytes */
  certificate: Uint8Array;
}

export function identity(scheme: Scheme, seed: string): Identity {
  const code = SignatureScheme[scheme];
  const privateKey = sha256(utf8(`key/${seed}`));
  return { scheme: code, privateKey, publicKey: publicKeyOf(code, privateKey), certificate: utf8(`certificate of ${seed}`) };
}

export interface Pair {
  client: ClientState;
  server: ServerState;
  clientEvents: TlsEvent[];
  serverEvents: TlsEvent[];
  /** every record each side sent, in order */
  clientRecords: Uint8Array[];
  serverRecords: Uint8Array[];
}

export function makePair(
  id: Identity,
  opts: { client?: Partial<ClientConfig>; server?: Partial<ServerConfig>; hooks?: ClientHooks; seed?: string } = {},
): { pair: Pair; firstFlight: Uint8Array[] } {
  const seed = opts.seed ?? 'pair';
  const server = createServer(
    { certificateChain: [id.certificate], signatureScheme: id.scheme, privateKey: id.privateKey, ...opts.server },
    seededRandom(`${seed}/server`),
  );
  const start = startClient(
    { serverName: 'a.example', serverKey: { scheme: id.scheme, publicKey: id.publicKey }, ...opts.client },
    seededRandom(`${seed}/client`),
  );
  return {
    pair: { client: start.state, server, clientEvents: [...start.events], serverEvents: [], clientRecords: [...start.out], serverRecords: [] },
    firstFlight: start.out,
  };
}

/** Delivers `toServer` and whatever follows, back and forth, until both are quiet (bounded). */
export function run(p: Pair, toServer: Uint8Array[], hooks: ClientHooks = {}, toClient: Uint8Array[] = []): Pair {
  let a = toServer;
  let b = toClient;
  for (let round = 0; round < 20 && (a.length > 0 || b.length > 0); round++) {
    const nextB: Uint8Array[] = [...b];
    b = [];
    for (const rec of a) {
      const s = receiveServer(p.server, rec);
      p = { ...p, server: s.state, serverEvents: [...p.serverEvents, ...s.events], serverRecords: [...p.serverRecords, ...s.out] };
      nextB.push(...s.out);
    }
    const nextA: Uint8Array[] = [];
    for (const rec of nextB) {
      const c = receiveClient(p.client, rec, hooks);
      p = { ...p, client: c.state, clientEvents: [...p.clientEvents, ...c.events], clientRecords: [...p.clientRecords, ...c.out] };
      nextA.push(...c.out);
    }
    a = nextA;
  }
  return p;
}

export const alertsOf = (events: TlsEvent[]) =>
  events.flatMap((e) => (e.type === 'alert' ? [`${e.sent ? 'sent' : 'received'} ${e.alert.name}`] : []));
