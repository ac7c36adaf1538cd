/**
 * Which layer colours a packet or an arrow: the innermost protocol it carries (UI.md, "one colour per layer").
 * Plaintext is content, not a layer colour: it is drawn in the text colour with quotation marks.
 * @module
 */
import type { Layer } from '../sim/types';

export type VizLayer = Exclude<Layer['layer'], 'plaintext'>;

/** Innermost first: OTR inside XML inside TLS inside TCP; SASL rides in XML but names the login. */
const RANK: Record<VizLayer, number> = { otr: 5, sasl: 4, xml: 3, tls: 2, tcp: 1 };

/**
 * The layer that names this payload best; `tcp` when nothing above TCP was recorded. Bytes inside a TLS
 * record with a key are TLS on the wire, whatever they carry: that is what the link shows (hop by hop).
 */
export function topLayer(layers: readonly Layer[]): VizLayer {
  if (layers.some((l) => l.layer === 'tls' && l.key !== undefined)) return 'tls';
  let best: VizLayer = 'tcp';
  for (const l of layers) {
    if (l.layer === 'plaintext') continue;
    if (RANK[l.layer] > RANK[best]) best = l.layer;
  }
  return best;
}
