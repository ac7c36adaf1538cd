/**
 * The TLS key log of a trace, for the capture's Decryption Secrets Block: the NSS key log lines
 * (lib/tls/keylog.ts) of every connection whose secrets an end reported in a `tls-keys` fact (contract C1:
 * clientRandom and the five TLS 1.3 secrets of RFC 8446 §7.1, hex). Both ends report the same secrets; each
 * line appears once, in the order the trace first reports it.
 * @module
 */
import { fromHex } from '../bytes/hex';
import { factsOf, type TlsKeysFact } from '../sim/facts';
import type { Trace } from '../sim/types';
import { keyLogLines } from '../tls/keylog';

/** The fact's secrets as lib/tls names them, in the NSS key log's lines. */
export function keyLogLinesOf(fact: Pick<TlsKeysFact, 'clientRandom' | 'clientHandshakeTrafficSecret' | 'serverHandshakeTrafficSecret' | 'clientTrafficSecret0' | 'serverTrafficSecret0' | 'exporterSecret'>): string[] {
  return keyLogLines({
    clientRandom: fromHex(fact.clientRandom),
    clientHandshakeTrafficSecret: fromHex(fact.clientHandshakeTrafficSecret),
    serverHandshakeTrafficSecret: fromHex(fact.serverHandshakeTrafficSecret),
    clientApplicationTrafficSecret0: fromHex(fact.clientTrafficSecret0),
    serverApplicationTrafficSecret0: fromHex(fact.serverTrafficSecret0),
    exporterMasterSecret: fromHex(fact.exporterSecret),
  });
}

/** Every key log line of the trace, each once. */
export function traceKeyLog(trace: Trace): string[] {
  const seen = new Set<string>();
  for (const e of trace.events) for (const f of factsOf(e.facts, 'tls-keys')) for (const line of keyLogLinesOf(f)) seen.add(line);
  return [...seen];
}
