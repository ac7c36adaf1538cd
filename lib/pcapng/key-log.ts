/**
 * The TLS key log of a trace, for the capture's Decryption Secrets Block: the NSS key log lines
 * (lib/tls/keylog.ts) of every connection whose secrets an end reported in a `tls-keys` fact (contract C1:
 * clientRandom and the five TLS 1.3 secrets of RFC 8446 §7.1, hex). Both ends report the same secrets; each
 * line appears once, in the order the trace first reports it.
 * @module
 */
import { fromHex } from '../bytes/hex';
import { factsOf } from '../sim/facts';
import type { Trace } from '../sim/types';
import { keyLogLines } from '../tls/keylog';
import type { Secrets } from '../tls/state';

/** The `tls-keys` fields of contract C1 this module reads (absent from facts of the older TLS model, which have no key log). */
interface KeyLogFields {
  clientRandom?: string;
  clientHandshakeTrafficSecret?: string;
  serverHandshakeTrafficSecret?: string;
  clientTrafficSecret0?: string;
  serverTrafficSecret0?: string;
  exporterSecret?: string;
}

const bytes = (hex: string | undefined) => (hex ? fromHex(hex) : undefined);

/** The lines of one fact, or none when it does not carry real TLS 1.3 secrets. */
export function keyLogLinesOf(fact: KeyLogFields): string[] {
  if (!fact.clientRandom) return [];
  const secrets: Secrets = {
    clientRandom: fromHex(fact.clientRandom),
    clientHandshakeTrafficSecret: bytes(fact.clientHandshakeTrafficSecret),
    serverHandshakeTrafficSecret: bytes(fact.serverHandshakeTrafficSecret),
    clientApplicationTrafficSecret0: bytes(fact.clientTrafficSecret0),
    serverApplicationTrafficSecret0: bytes(fact.serverTrafficSecret0),
    exporterMasterSecret: bytes(fact.exporterSecret),
  };
  return keyLogLines(secrets);
}

/** Every key log line of the trace, each once. */
export function traceKeyLog(trace: Trace): string[] {
  const seen = new Set<string>();
  for (const e of trace.events) for (const f of factsOf(e.facts, 'tls-keys')) for (const line of keyLogLinesOf(f as KeyLogFields)) seen.add(line);
  return [...seen];
}
