/**
 * Real inputs to mutate: the bytes every preset scenario puts on the wire (seed 1), cut into the
 * streams they belong to, and what travels inside them — OTR texts in message bodies, SASL payloads,
 * JIDs — plus the presets themselves as scenario files. Computed once per process (~4 s).
 */
import { presets } from '../../lib/scenarios/presets';
import { runScenario } from '../../lib/scenarios/run';
import { fromBase64 } from '../../lib/bytes/base64';

export interface Corpus {
  /** Each direction of each connection: the concatenated wire bytes, capped in length. */
  streams: Uint8Array[];
  /** Individual wire events (one TCP payload each). */
  chunks: Uint8Array[];
  /** OTR texts found in the wire (query messages, whitespace-tagged text, ?OTR:… messages, fragments). */
  otr: string[];
  /** Decoded SASL payloads (<auth>, <challenge>, <response>, <success> text), as text. */
  sasl: string[];
  /** Every JID-looking string in the wire and the scenarios. */
  jids: string[];
  /** The preset scenarios as JSON text. */
  scenarios: string[];
}

const MAX_STREAM = 4096;
let cached: Corpus | null = null;

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function corpus(): Corpus {
  if (cached) return cached;
  const byStream = new Map<string, Uint8Array[]>();
  const chunks: Uint8Array[] = [];
  const otr = new Set<string>();
  const sasl = new Set<string>();
  const jids = new Set<string>();
  const dec = new TextDecoder();
  for (const p of presets) {
    const { trace } = runScenario(p, { seed: 1 });
    for (const e of trace.events) {
      if (!e.wire || e.wire.length === 0) continue;
      chunks.push(e.wire);
      const key = `${p.id} ${e.from}>${e.to} ${e.link ?? ''} ${e.conn ?? ''}`;
      const list = byStream.get(key) ?? [];
      list.push(e.wire);
      byStream.set(key, list);
      const text = dec.decode(e.wire);
      for (const m of text.matchAll(/<body>([^<]*)<\/body>/g)) {
        const body = unescapeXml(m[1] ?? '');
        if (body.includes('?OTR') || body.includes(' \t  \t\t\t\t \t \t \t  ')) otr.add(body);
      }
      for (const m of text.matchAll(/<(auth|challenge|response|success)\b[^>]*>([^<]+)</g)) {
        try {
          sasl.add(dec.decode(fromBase64(m[2] ?? '')));
        } catch {
          // not base64: the trace shows a mistake on purpose; skip it
        }
      }
      for (const m of text.matchAll(/(?:from|to|jid)=['"]([^'"]+)['"]/g)) jids.add(unescapeXml(m[1] ?? ''));
      for (const m of text.matchAll(/<jid>([^<]+)<\/jid>/g)) jids.add(unescapeXml(m[1] ?? ''));
    }
  }
  const streams: Uint8Array[] = [];
  for (const list of byStream.values()) {
    const len = Math.min(MAX_STREAM, list.reduce((a, b) => a + b.length, 0));
    const out = new Uint8Array(len);
    let o = 0;
    for (const c of list) {
      if (o >= len) break;
      out.set(c.subarray(0, len - o), o);
      o += c.length;
    }
    streams.push(out);
  }
  const scenarios = presets.map((p) => JSON.stringify(p));
  for (const s of scenarios) for (const m of s.matchAll(/"([^"@/\s]+@[^"\s]+)"/g)) jids.add(m[1] ?? '');
  cached = { streams, chunks, otr: [...otr], sasl: [...sasl], jids: [...jids], scenarios };
  return cached;
}
