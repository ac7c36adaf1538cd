/**
 * lib/tls in memory: full TLS 1.3 handshakes per second (our client ↔ our server, X25519 +
 * TLS_AES_128_GCM_SHA256, the server signing with ECDSA P-256 or Ed25519), and the record layer's
 * throughput for 16 KiB application-data records; then, on real loopback sockets, ours beside
 * OpenSSL's `s_time`/`s_server` in every pairing (bench-tls-loopback.ts). Figures are printed, never asserted.
 */
import { performance } from 'node:perf_hooks';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../lib/bytes/hex';
import { publicKeyOf } from '../lib/tls/certificate-verify';
import { SignatureScheme } from '../lib/tls/constants';
import { receiveClient, sendClient, startClient } from '../lib/tls/client';
import { createServer, receiveServer } from '../lib/tls/server';
import { benchTlsLoopback } from './bench-tls-loopback';

function seeded(seed: string): (n: number) => Uint8Array {
  let i = 0;
  return (n) => sha256(utf8(`${seed}/${i++}`)).slice(0, n);
}

function handshake(scheme: number, privateKey: Uint8Array, publicKey: Uint8Array, seed: string) {
  const server0 = createServer({ certificateChain: [utf8('certificate')], signatureScheme: scheme, privateKey }, seeded(`s/${seed}`));
  const hello = startClient({ serverName: 'a.example', serverKey: { scheme, publicKey } }, seeded(`c/${seed}`));
  const flight = receiveServer(server0, hello.out[0]!);
  let client = hello.state;
  const finished: Uint8Array[] = [];
  for (const r of flight.out) {
    const c = receiveClient(client, r);
    client = c.state;
    finished.push(...c.out);
  }
  let server = flight.state;
  for (const r of finished) server = receiveServer(server, r).state;
  if (client.phase !== 'connected' || server.phase !== 'connected') throw new Error('bench-tls: handshake failed');
  return { client, server };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function benchTls(): Promise<void> {
  console.log('\nTLS 1.3 in memory (lib/tls; X25519, TLS_AES_128_GCM_SHA256; client and server in one thread):');
  for (const [name, code] of [['ecdsa_secp256r1_sha256', SignatureScheme.ecdsa_secp256r1_sha256], ['ed25519', SignatureScheme.ed25519]] as const) {
    const privateKey = sha256(utf8(`bench key ${name}`));
    const publicKey = publicKeyOf(code, privateKey);
    for (let i = 0; i < 5; i++) handshake(code, privateKey, publicKey, `warm${i}`); // JIT warm-up
    const n = 50;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) handshake(code, privateKey, publicKey, `run${i}`);
    const ms = (performance.now() - t0) / n;
    console.log(`  ${name}: ${fmt(1000 / ms, 1)} handshakes/s (${fmt(ms, 2)} ms each, both ends)`);
  }
  const { client, server } = handshake(SignatureScheme.ed25519, sha256(utf8('k')), publicKeyOf(SignatureScheme.ed25519, sha256(utf8('k'))), 'data');
  const chunk = new Uint8Array(2 ** 14);
  const records = 200;
  let c = client;
  let s = server;
  const t0 = performance.now();
  for (let i = 0; i < records; i++) {
    const sent = sendClient(c, chunk);
    c = sent.state;
    s = receiveServer(s, sent.out[0]!).state;
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(`  application data, 16 KiB records protected and opened: ${fmt((records * chunk.length) / secs / 2 ** 20, 1)} MiB/s`);
  await benchTlsLoopback();
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTls();
