'use client';
/**
 * The Network view: domains as labelled regions, clients as rounded boxes with their initial, servers as
 * cylinders, links as lines (an eye on tapped links), and the current step's packet on its link, coloured
 * by its top layer and carrying that layer's glyph. Geometry comes from lib/viz/network-layout.ts
 * (D3 computes, React renders); the only motion is the packet's progress, driven by d3's timer.
 * @module
 */
import { easeCubicInOut, timer } from 'd3';
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import type { Trace } from '../../../lib/sim/types';
import { DEFAULT_NETWORK_SIZE, layoutNetwork, type NetNode, type Size } from '../../../lib/viz/network-layout';
import { travelMs } from '../../../lib/viz/playback';
import { arrowHead, cylinder, shorten } from '../../../lib/viz/shapes';
import { EyeGlyph, LayerGlyph } from '../scenario/Glyphs';
import { useBoxSize } from '../scenario/useBoxSize';
import { lensedNames, type LensMeans } from '../scenario/lens-words';

export interface NetworkViewProps {
  trace: Trace;
  step: number;
  locale: Locale;
  title: string;
  /** Text scale: 1 normally, 1.6 in presenter mode (the layout gets proportionally fewer units). */
  scale?: number;
  /** Animate the packet when the step moves forward by one (off for prefers-reduced-motion). */
  animate: boolean;
  speed: number;
  selectedNode: string | null;
  onSelectNode(id: string): void;
  /** The knowledge lens's observer did not see this step's packet: draw it faint. */
  unseen?: boolean;
  /** The lens's keys and seen steps: the packet names only what its observer can open. Null: no lens. */
  means?: LensMeans | null;
}

export function NetworkView({ trace, step, locale, title, scale = 1, animate, speed, selectedNode, onSelectNode, unseen = false, means = null }: NetworkViewProps) {
  const [progress, setProgress] = useState(1);
  const prevStep = useRef(step);
  const titleId = useId();
  const descId = useId();
  const box = useRef<HTMLDivElement>(null);
  const measured = useBoxSize(box);
  // Lay out in units of "CSS px ÷ scale", so type keeps its size whatever the pane's size; until measured
  // (and in the static HTML) use the default size, which the viewBox scales to fit.
  const size: Size = useMemo(() => {
    if (!measured) return DEFAULT_NETWORK_SIZE;
    // Fewer units than pixels on big screens: the picture (and its type) grows with the pane.
    // In presenter mode a small screen gets a little less than the full ×1.6 (×1.25 at least, unless too flat), so
    // that three nodes and their links still fit side by side; the CSS raises the type to compensate.
    // A pane too flat for the fan layout (servers below, clients above: about 370 units high) gets a
    // little more room rather than a cramped fallback where addresses run together.
    const k = scale > 1 ? Math.max(1, Math.min(Math.max(1.25, Math.min(scale, measured.width / 440)), measured.height / 370)) : 1;
    const width = Math.max(360, Math.min(520, measured.width / k));
    const height = Math.max(240, Math.min(900, (measured.height * width) / measured.width));
    return { width: Math.round(width), height: Math.round(height) };
  }, [measured, scale]);

  // Before paint: a step forward by one starts the packet at its sender; anything else jumps.
  useLayoutEffect(() => {
    const from = prevStep.current;
    prevStep.current = step;
    const ev = trace.events[step - 1];
    if (!animate || step !== from + 1 || !ev || ev.kind !== 'wire') {
      setProgress(1);
      return;
    }
    const duration = travelMs(ev.time - (ev.sentAt ?? ev.time)) / (speed > 0 ? speed : 1);
    if (duration < 16) {
      setProgress(1);
      return;
    }
    setProgress(0);
    const t = timer((elapsed) => {
      const p = Math.min(1, elapsed / duration);
      setProgress(easeCubicInOut(p));
      if (p >= 1) t.stop();
    });
    return () => t.stop();
  }, [step, animate, speed, trace]);

  const geo = useMemo(() => layoutNetwork(trace, step, size, progress), [trace, step, size, progress]);
  const names = new Map(geo.nodes.map((n) => [n.id, n.name]));
  const ev = geo.event;
  const lensed = ev && geo.packet ? lensedNames(locale, ev, means) : null;
  const now =
    ev === null
      ? wt(locale, 'networkIdle')
      : geo.packet
        ? wt(locale, 'networkPacket', { step, what: (lensed ?? geo.packet.names).join(' + ') || geo.packet.label, from: names.get(ev.from) ?? ev.from, to: names.get(ev.to) ?? ev.to, bytes: geo.packet.bytes })
        : wt(locale, 'networkLocal', { step, node: names.get(ev.from) ?? ev.from });
  const p = geo.packet;

  return (
    <div className="mlw-netbox" ref={box}>
    <svg className="mlw-svg mlw-network" viewBox={`0 0 ${geo.width} ${geo.height}`} role="group" aria-labelledby={titleId} aria-describedby={descId}>
      <title id={titleId}>{wt(locale, 'networkTitle', { title })}</title>
      <desc id={descId}>{wt(locale, 'networkDesc', { now })}</desc>
      {geo.domains.map((d) => (
        <g key={d.domain} className="mlw-domain">
          <rect x={d.x} y={d.y} width={d.width} height={d.height} rx={d.rx} />
          <FitText x={d.labelX} y={d.labelY} max={d.x + d.width - 10 - d.labelX} typeKey={scale} className="mlw-domain-label">
            {wt(locale, 'domain', { domain: d.domain })}
          </FitText>
        </g>
      ))}
      {geo.links.map((l) => (
        <g key={l.id} className={l.active ? 'mlw-link mlw-link--active' : 'mlw-link'}>
          <line x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} />
          {l.taps.length > 0 && (
            <g transform={`translate(${l.eyeX} ${l.eyeY})`} className="mlw-tap">
              <title>{wt(locale, 'tapped')}</title>
              <EyeGlyph size={30} />
            </g>
          )}
        </g>
      ))}
      {p && (
        <g className={`mlw-trail mlw-layer-${p.layer}${unseen ? ' mlw-unseen' : ''}`} aria-hidden="true">
          {p.progress > 0.02 && <line x1={p.x1} y1={p.y1} x2={p.x} y2={p.y} />}
          {(() => {
            const [tx, ty] = shorten(p.x1, p.y1, p.x2, p.y2, 0);
            return <polygon points={arrowHead(p.x1, p.y1, tx, ty, 12, 7)} className="mlw-trail-head" opacity={p.progress > 0.95 ? 1 : 0} />;
          })()}
        </g>
      )}
      {geo.nodes.map((n) => (
        <NodeShape key={n.id} node={n} selected={selectedNode === n.id} onSelect={onSelectNode} locale={locale} />
      ))}
      {p && (
        <g className={`mlw-packet mlw-layer-${p.layer}${unseen ? ' mlw-unseen' : ''}`} transform={`translate(${p.x} ${p.y})`}>
          <rect x={-24} y={-15} width={48} height={30} rx={15} className="mlw-badge" />
          <g className="mlw-ink">
            <LayerGlyph layer={p.layer} size={26} />
          </g>
        </g>
      )}
      {p && (
        <text x={p.labelX} y={p.labelY} textAnchor={p.labelAnchor} className={`mlw-packet-label${unseen ? ' mlw-unseen' : ''}`}>
          {lensed ? lensed.join(' + ') : p.label}
        </text>
      )}
    </svg>
    </div>
  );
}

function NodeShape({ node: n, selected, onSelect, locale }: { node: NetNode; selected: boolean; onSelect(id: string): void; locale: Locale }) {
  const cls = ['mlw-node', `mlw-node--${n.kind}`, n.role ? `mlw-node--${n.role}` : '', selected ? 'mlw-node--selected' : ''].filter(Boolean).join(' ');
  const onKey = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      onSelect(n.id);
    }
  };
  const label = `${n.label} (${n.ip}) — ${wt(locale, 'tabState')}`;
  return (
    <g className={cls} role="button" tabIndex={0} aria-pressed={selected} aria-label={label} onClick={() => onSelect(n.id)} onKeyDown={onKey}>
      {n.role &&
        (n.kind === 'client' ? (
          <rect x={n.x - 38} y={n.y - 38} width={76} height={76} rx={20} className="mlw-node-halo" />
        ) : (
          <circle cx={n.x} cy={n.y} r={n.r + 10} className="mlw-node-halo" />
        ))}
      {n.kind === 'client' ? (
        <>
          <rect x={n.x - 28} y={n.y - 28} width={56} height={56} rx={14} className="mlw-node-shape" />
          <text x={n.x} y={n.y} dy="0.35em" textAnchor="middle" className="mlw-node-initial">
            {n.initial}
          </text>
        </>
      ) : (
        (() => {
          const c = cylinder(n.x, n.y, 60, 76);
          return (
            <>
              <path d={c.body} className="mlw-node-shape" />
              <path d={c.top} className="mlw-node-shape mlw-node-top" />
              <path d={c.rings} className="mlw-node-rings" />
            </>
          );
        })()
      )}
      <text x={n.x} y={n.labelSide === 'below' ? n.y + n.r + 22 : n.y - n.r - 29} textAnchor="middle" className="mlw-node-name">
        {n.name}
      </text>
      <text x={n.x} y={n.labelSide === 'below' ? n.y + n.r + 40 : n.y - n.r - 9} textAnchor="middle" className="mlw-node-ip">
        {n.ip}
      </text>
    </g>
  );
}

/**
 * A label that keeps within `max` units: when the font draws it wider (a wide bold face, a long German
 * word, presenter type), it is condensed to fit rather than cut by its box's edge. The attributes are
 * set on the element directly: it must be measured without them whenever the size or type may change.
 */
function FitText({ x, y, max, typeKey, className, children }: { x: number; y: number; max: number; typeKey: number; className: string; children: string }) {
  const ref = useRef<SVGTextElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof el.getComputedTextLength !== 'function') return;
    el.removeAttribute('textLength');
    el.removeAttribute('lengthAdjust');
    if (max > 0 && el.getComputedTextLength() > max) {
      el.setAttribute('textLength', String(Math.round(max)));
      el.setAttribute('lengthAdjust', 'spacingAndGlyphs');
    }
  }, [max, typeKey, children]);
  return (
    <text ref={ref} x={x} y={y} className={className}>
      {children}
    </text>
  );
}
