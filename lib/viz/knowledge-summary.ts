/**
 * The punchline of the Knowledge tab (issue #9, item 9): how many of the messages an observer has seen
 * by a step it can read, which kinds those are and why — counted from its observation, never written
 * per preset. A thief at the end of `otr-forward-secrecy` reads the static-key messages with the keys it
 * stole and none of the OTR ones (the long-term DSA keys it holds only sign); a tap reads nothing that
 * crossed its link inside TLS. Key exchanges, queries and public keys carry no text and are not counted.
 * The same facts order the tab's sections: what this observer has that matters comes first.
 * @module
 */
import type { ObservedMessage, Observation, ObserverKind } from '../knowledge/observation';
import { parseKeyId } from './key-names';
import { isCiphertext } from './knowledge';

/** Messages with text: without end-to-end encryption, OTR data messages, static-key messages. */
export type Family = 'plain' | 'otr' | 'static';

/** Why the readable ones open: its own keys, keys it stole, its relay in the middle decrypted them. */
export type ReadWhy = 'own-keys' | 'stolen-keys' | 'relay';

/** Why the others stay closed: sealed in TLS, logs without bodies, no key that fits, stolen keys that only sign. */
export type ClosedWhy = 'sealed' | 'logs' | 'no-key' | 'signs-only';

export interface FamilyCount {
  family: Family;
  read: number;
  of: number;
  /** Null for messages without end-to-end encryption: whoever holds the bytes reads them. */
  readWhy: ReadWhy | null;
  closedWhy: ClosedWhy;
}

export interface KnowledgeSummary {
  read: number;
  total: number;
  /** Families with at least one message, in the order plain, OTR, static. */
  families: FamilyCount[];
}

const FAMILY: Record<string, Family> = { 'otr-data': 'otr', 'static-message': 'static' };

/** The family of a message with text; null for one without (AKE, query, public key, error). */
function familyOf(m: ObservedMessage): Family | null {
  if (m.kind === undefined) return 'plain';
  return FAMILY[m.kind] ?? null;
}

/** The observer holds the text: opened, and not still OTR on the wire. */
export function isReadable(m: ObservedMessage): boolean {
  return m.content !== null && !isCiphertext(m.content);
}

const READ_WHY: Partial<Record<ObserverKind, ReadWhy>> = { client: 'own-keys', thief: 'stolen-keys', operator: 'relay' };

function closedWhy(family: Family, kind: ObserverKind, keys: readonly string[]): ClosedWhy {
  if (family === 'plain') return kind === 'operator' ? 'logs' : 'sealed';
  const held = keys.map(parseKeyId);
  const signsOnly = family === 'otr' && held.some((k) => k?.kind === 'otr-dsa') && !held.some((k) => k?.kind === 'otr-dh');
  return signsOnly ? 'signs-only' : 'no-key';
}

export function summarize(obs: Observation, kind: ObserverKind): KnowledgeSummary {
  const counts = new Map<Family, { read: number; of: number }>();
  for (const m of obs.messages) {
    const f = familyOf(m);
    if (f === null) continue;
    const c = counts.get(f) ?? { read: 0, of: 0 };
    c.of += 1;
    if (isReadable(m)) c.read += 1;
    counts.set(f, c);
  }
  const families: FamilyCount[] = (['plain', 'otr', 'static'] as const)
    .filter((f) => counts.has(f))
    .map((f) => ({ family: f, ...counts.get(f)!, readWhy: f === 'plain' ? null : (READ_WHY[kind] ?? null), closedWhy: closedWhy(f, kind, obs.metadata.keys) }));
  return { read: families.reduce((n, f) => n + f.read, 0), total: families.reduce((n, f) => n + f.of, 0), families };
}

export type Section = 'forgeries' | 'messages' | 'metadata';

/**
 * The order of the tab's sections: forgeries first when there are any (the forger's punchline), then the
 * messages when it reads some, else its metadata first (a tap's whole catch), the forger's recording
 * last while it has forged nothing.
 */
export function sectionOrder(s: { forgeries: number; readable: number; forger: boolean }): Section[] {
  const body: Section[] = s.readable > 0 ? ['messages', 'metadata'] : ['metadata', 'messages'];
  if (!s.forger) return body;
  return s.forgeries > 0 ? ['forgeries', ...body] : [...body, 'forgeries'];
}
