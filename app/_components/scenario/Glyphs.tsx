/**
 * The widget's inline SVG glyphs: control icons (24×24 stroke grid, like the site's icon set) and the
 * layer glyphs that always accompany a layer colour (UI.md: never colour alone) — `</>` for XML,
 * a key card for SASL, a lock for TLS, a "TCP"/"OTR" tag, an eye for a tap. Decorative: aria-hidden.
 * @module
 */
import type { ReactNode } from 'react';
import type { VizLayer } from '../../../lib/viz/layers';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="mlw-icon" viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2.25} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const FirstIcon = () => (
  <Icon>
    <path d="M6 5v14M18 5 9 12l9 7z" />
  </Icon>
);
export const BackIcon = () => (
  <Icon>
    <path d="M15 5 8 12l7 7" />
  </Icon>
);
export const ForwardIcon = () => (
  <Icon>
    <path d="m9 5 7 7-7 7" />
  </Icon>
);
export const LastIcon = () => (
  <Icon>
    <path d="M18 5v14M6 5l9 7-9 7z" />
  </Icon>
);
export const PlayIcon = () => (
  <Icon>
    <path d="M7 4.5v15L19.5 12z" fill="currentColor" />
  </Icon>
);
export const PauseIcon = () => (
  <Icon>
    <path d="M8 5v14M16 5v14" strokeWidth={3.5} />
  </Icon>
);
export const PresenterIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="12" rx="1.5" />
    <path d="M12 16v4M8 20h8" />
  </Icon>
);
export const CloseIcon = () => (
  <Icon>
    <path d="M6 6l12 12M18 6 6 18" />
  </Icon>
);
export const WarningIcon = () => (
  <Icon>
    <path d="M12 3 2 20.5h20L12 3z" />
    <path d="M12 10v5M12 17.8v.01" />
  </Icon>
);

/** Layer glyph for HTML text (chips, legends): the glyph in a pill of the layer's colour. */
export function LayerChip({ layer, label }: { layer: VizLayer | 'plaintext'; label: string }) {
  return (
    <span className={`mlw-chip mlw-layer-${layer}`}>
      <svg className="mlw-chip-glyph" viewBox="-12 -12 24 24" width="1.1em" height="1.1em" aria-hidden="true" focusable="false">
        <LayerGlyph layer={layer} size={20} />
      </svg>
      <span>{label}</span>
    </span>
  );
}

/**
 * A layer glyph centred on (0, 0), drawn in `currentColor`-contrasting ink for use on a filled badge.
 * `size` is the badge's height.
 */
export function LayerGlyph({ layer, size }: { layer: VizLayer | 'plaintext'; size: number }) {
  const s = size / 24;
  switch (layer) {
    case 'xml':
      return (
        <text className="mlw-glyph-text" x={0} y={0} dy="0.36em" textAnchor="middle" fontSize={13 * s} fontWeight={700}>
          {'</>'}
        </text>
      );
    case 'sasl':
      // A key card: a card outline with a key's bow and bit.
      return (
        <g transform={`scale(${s})`} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" className="mlw-glyph-line">
          <rect x={-9} y={-6.5} width={18} height={13} rx={2} />
          <circle cx={-3.5} cy={0} r={2.5} />
          <path d="M-1 0h7M4 0v2.6" />
        </g>
      );
    case 'tls':
      return (
        <g transform={`scale(${s})`} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" className="mlw-glyph-line">
          <rect x={-6} y={-1.5} width={12} height={9} rx={1.5} />
          <path d="M-3.5-1.5v-3a3.5 3.5 0 0 1 7 0v3" />
        </g>
      );
    case 'plaintext':
      return (
        <text className="mlw-glyph-text" x={0} y={0} dy="0.62em" textAnchor="middle" fontSize={18 * s} fontWeight={700}>
          {'“”'}
        </text>
      );
    default:
      return (
        <text className="mlw-glyph-text" x={0} y={0} dy="0.36em" textAnchor="middle" fontSize={(layer === 'tcp' ? 8.5 : 8.5) * s} fontWeight={800} letterSpacing={0.2}>
          {layer.toUpperCase()}
        </text>
      );
  }
}

/** An eye (a tap on a link), centred on (0, 0): yellow with a dark outline (UI.md: metadata that leaks). */
export function EyeGlyph({ size = 28 }: { size?: number }) {
  const s = size / 24;
  return (
    <g transform={`scale(${s})`} className="mlw-eye">
      <path d="M-11 0C-7.5-6.2-3.9-7.5 0-7.5S7.5-6.2 11 0C7.5 6.2 3.9 7.5 0 7.5S-7.5 6.2-11 0z" className="mlw-eye-white" strokeWidth={2} strokeLinejoin="round" />
      <circle r={3.6} className="mlw-eye-pupil" />
    </g>
  );
}
