/** Helpers for the OTR-in-the-simulator tests: the OTR bodies on a link, and the key notes. */
import type { Trace, TraceEvent } from '@/lib/sim/types';

export interface OtrOnWire {
  event: TraceEvent;
  text: string;
  label: string;
  key?: string;
}

/** Every OTR text that crossed `link`, cut out of the wire bytes by its 'otr' layer. */
export function otrOnLink(trace: Trace, link: string): OtrOnWire[] {
  return trace.events.flatMap((event) => {
    const l = event.layers.find((x) => x.layer === 'otr');
    if (!l || event.link !== link || !event.wire) return [];
    return [{ event, text: new TextDecoder().decode(event.wire.slice(l.start, l.end)), label: l.label, ...(l.key ? { key: l.key } : {}) }];
  });
}

/** The effect notes with this key, with the event they belong to. */
export function notesOf(trace: Trace, key: string) {
  return trace.events.flatMap((event) => event.effects.filter((n) => n.key === key).map((note) => ({ event, params: note.params ?? {} })));
}
