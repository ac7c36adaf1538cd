/**
 * What an active attacker on a link does to a packet in clear: cut pieces of its text out. The
 * packet's layers (TCP, the XML pieces, a SASL payload) keep describing the bytes that remain, so
 * the trace shows the edited packet as precisely as the one that was sent.
 * @module
 */
import { utf8, utf8Decode } from '../bytes/hex';
import type { Layer, Packet } from '../sim/types';

/** A byte range [start, end) of the packet's data. */
interface Cut {
  start: number;
  end: number;
}

/** A layer after `cut` is taken out of the bytes: shifted, shortened, or gone when it lay wholly inside. */
function shiftLayer(l: Layer, cut: Cut): Layer | null {
  const len = cut.end - cut.start;
  if (l.end <= cut.start) return l;
  if (l.start >= cut.end) return { ...l, start: l.start - len, end: l.end - len };
  if (l.start >= cut.start && l.end <= cut.end && l.layer !== 'tcp') return null;
  const start = l.start < cut.start ? l.start : cut.start;
  const end = l.end > cut.end ? l.end - len : cut.start;
  return { ...l, start, end };
}

/**
 * The packet with every match of `pattern` (a global regular expression over its text) cut out,
 * or null when nothing matched. The text is the packet's UTF-8; offsets are counted in bytes.
 */
export function cutMatches(p: Packet, pattern: RegExp): Packet | null {
  const text = utf8Decode(p.data);
  const cuts: Cut[] = [];
  for (const m of text.matchAll(pattern)) {
    const start = utf8(text.slice(0, m.index)).length;
    cuts.push({ start, end: start + utf8(m[0]).length });
  }
  if (cuts.length === 0) return null;
  let data = p.data;
  let layers: Layer[] = p.layers;
  // From the last cut to the first, so that earlier offsets stay valid.
  for (const cut of cuts.reverse()) {
    const next = new Uint8Array(data.length - (cut.end - cut.start));
    next.set(data.subarray(0, cut.start));
    next.set(data.subarray(cut.end), cut.start);
    data = next;
    layers = layers.flatMap((l) => shiftLayer(l, cut) ?? []);
  }
  return { ...p, data, layers };
}

/** The packet's text when it is readable XML in clear (no TLS record on it), else null. */
export function clearText(p: Packet): string | null {
  if (p.layers.some((l) => l.layer === 'tls')) return null;
  return utf8Decode(p.data);
}
