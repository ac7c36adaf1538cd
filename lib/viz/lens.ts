/**
 * What one observer can open of an event: the "Seen by" lens must never show more than that observer has.
 * A recorded layer names the key it needs (`Layer.key`); the observer holds some keys (its knowledge fold,
 * lib/knowledge: `Observation.metadata.keys`) and saw some events (lib/viz/knowledge `seenSteps`). A layer
 * whose key is missing is a closed box: its own header is on the wire (a TLS record's type and length, an
 * OTR data message's key ids and counter), so it is shown — sealed; everything recorded inside its bytes
 * after it (the `<auth/>` inside the record, the SCRAM message inside that) is hidden.
 * Pure: the views decide the words.
 * @module
 */
import type { Layer, TraceEvent } from '../sim/types';

/** `open`: readable; `sealed`: the box is visible, its content is not; `hidden`: inside a sealed box. */
export type LayerView = 'open' | 'sealed' | 'hidden';

/** An observer's means: the keys it holds and the steps (seq + 1) whose event it saw. */
export interface LensMeans {
  keys: ReadonlySet<string>;
  seen: ReadonlySet<number>;
}

export interface EventLens {
  /** `unseen`: the observer never saw this event; `sealed`: it saw the bytes but cannot open all of them. */
  state: 'open' | 'sealed' | 'unseen';
  /** One entry per `event.layers`, same order. */
  layers: LayerView[];
  /** The outermost layer the observer cannot open (its key is the one missing); null when none. */
  sealedBy: Layer | null;
}

/** Which layers an observer holding `keys` can open; null keys: no lens, everything open. */
export function layerViews(layers: readonly Layer[], keys: ReadonlySet<string> | null): LayerView[] {
  const views: LayerView[] = [];
  const boxes: Layer[] = [];
  for (const l of layers) {
    // Recorded outermost first: a later layer within a sealed layer's bytes is part of its ciphertext.
    const inside = boxes.some((b) => l.start >= b.start && l.end <= b.end);
    if (keys !== null && inside) views.push('hidden');
    else if (keys !== null && l.key !== undefined && !keys.has(l.key)) {
      views.push('sealed');
      boxes.push(l);
    } else views.push('open');
  }
  return views;
}

/** What `means` can see of `event`; null means: no lens, the whole event (the unlensed view). */
export function lensEvent(event: Pick<TraceEvent, 'seq' | 'layers'>, means: LensMeans | null): EventLens {
  if (means === null) return { state: 'open', layers: event.layers.map(() => 'open'), sealedBy: null };
  if (!means.seen.has(event.seq + 1)) return { state: 'unseen', layers: event.layers.map(() => 'hidden'), sealedBy: null };
  const layers = layerViews(event.layers, means.keys);
  const i = layers.indexOf('sealed');
  return { state: i < 0 ? 'open' : 'sealed', layers, sealedBy: i < 0 ? null : event.layers[i]! };
}

/**
 * True when the event's element names (lib/viz/wire-label `eventElementNames`) would tell more than the
 * observer has: it did not see the event, or the names come from layers it cannot open (the XML inside a
 * TLS record). An OTR message's `<message>` is readable XML around a sealed body: its name may stay.
 */
export function namesHidden(event: Pick<TraceEvent, 'layers'>, lens: EventLens): boolean {
  if (lens.state === 'unseen') return true;
  return event.layers.some((l, i) => l.layer === 'xml' && lens.layers[i] !== 'open');
}
