'use client';
/**
 * The Sequence view: one lane per party (clients around their server), time running down, one arrow per
 * message on the wire coloured by its layer and labelled with the element it carries. Earlier arrows
 * stay visible, the current one is highlighted, later ones are drawn faint and grey (what is to come is
 * readable without interaction, but does not compete with the present). Click an arrow or a dot to go there.
 * Geometry from lib/viz/sequence-layout.ts; lane headers stay put while the diagram scrolls.
 * @module
 */
import { useEffect, useId, useMemo, useRef } from 'react';
import type { Locale } from '../../_i18n/locales';
import { localEventLabel } from '../../_i18n/actions';
import { wt } from '../../_i18n/widget';
import type { Trace } from '../../../lib/sim/types';
import { shortName } from '../../../lib/viz/entities';
import { layoutSequence, type SeqArrow, type SeqDot, type SeqLane } from '../../../lib/viz/sequence-layout';
import { arrowHead, cylinder, shorten } from '../../../lib/viz/shapes';
import { LayerGlyph } from '../scenario/Glyphs';
import { useBoxSize } from '../scenario/useBoxSize';
import { followScroll } from './follow';
import { lensedNames, type LensMeans } from '../scenario/lens-words';

export interface SequenceViewProps {
  trace: Trace;
  step: number;
  locale: Locale;
  title: string;
  /** Text scale: 1 normally, 1.6 in presenter mode. */
  scale?: number;
  /** The knowledge lens: the steps its observer saw; every other event is dimmed. Null: no lens. */
  seen?: ReadonlySet<number> | null;
  /** The lens's keys and seen steps: an arrow names only what its observer can open. Null: no lens. */
  means?: LensMeans | null;
  onSelectStep(step: number): void;
}

const HEADER_H = 78;
const BADGE_W = 26;
/** The layout's time gutter, and the width of one character of a lane header (16 px bold sans). */
const LANE_GUTTER = 64;
const LANE_CHAR_W = 10.5;

/** What a dot says: `alice starts OTR`, or under a lens whose observer did not see it, `alice: not seen`. */
function dotText(locale: Locale, who: string, d: Pick<SeqDot, 'kind' | 'action' | 'step'>, seen: ReadonlySet<number> | null): string {
  if (seen && !seen.has(d.step)) return `${who}: ${wt(locale, 'lensUnseenEvent')}`;
  return `${who} ${localEventLabel(locale, d.kind, d.action)}`;
}

export function SequenceView({ trace, step, locale, title, scale = 1, seen = null, means = null, onSelectStep }: SequenceViewProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const measured = useBoxSize(scroller);
  // Lay out in units of "CSS px ÷ scale" (presenter type is larger), but never so few that the lane
  // headers ("a.example", 16 units bold) run into each other: then the type shrinks a little instead.
  const laneNeed = useMemo(() => LANE_GUTTER + trace.nodes.length * (Math.max(0, ...trace.nodes.map((n) => shortName(n).length)) * LANE_CHAR_W + 18), [trace.nodes]);
  const width = measured ? Math.round(Math.max(360, Math.min(820, Math.max(measured.width / scale, Math.min(laneNeed, measured.width))))) : 760;
  const geo = useMemo(() => layoutSequence(trace, step, { width, namesOf: means ? (e) => lensedNames(locale, e, means) : undefined }), [trace, step, width, means, locale]);
  const titleId = useId();
  const descId = useId();
  const names = useMemo(() => new Map(geo.lanes.map((l) => [l.id, l.name])), [geo.lanes]);

  // Keep the current event in view: scroll the diagram (never the page, never the focus) when it leaves
  // the part the reader can see — on the first render too (a lesson may open at step 72), and again when
  // the box changes size (styles arriving, presenter mode). The first move jumps; later ones glide unless
  // the reader asked for reduced motion.
  const moved = useRef(false);
  useEffect(() => {
    const el = scroller.current;
    if (!el || el.scrollHeight <= el.clientHeight) return;
    const rect = el.getBoundingClientRect();
    const bar = el.closest('.mlw')?.querySelector('.mlw-timeline')?.getBoundingClientRect();
    const coveredFrom = Math.min(window.innerHeight || rect.bottom, bar && bar.top > rect.top ? bar.top : Infinity);
    const top = followScroll({ scrollTop: el.scrollTop, clientHeight: el.clientHeight, scrollHeight: el.scrollHeight, top: rect.top, bottom: rect.bottom, coveredFrom }, geo.focusY * (el.clientWidth / geo.width));
    if (top === null) return;
    const glide = moved.current && !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    moved.current = true;
    if (typeof el.scrollTo === 'function') el.scrollTo({ top, behavior: glide ? 'smooth' : 'auto' });
    else el.scrollTop = top;
  }, [geo.focusY, geo.width, measured?.height]);

  const current = geo.arrows.find((a) => a.state === 'current');
  const currentDot = geo.dots.find((d) => d.state === 'current');
  const bandY = current ? [Math.min(current.y1, current.y2) - 8, Math.abs(current.y2 - current.y1) + 16] : currentDot ? [currentDot.y - 14, 28] : null;
  const ordered = [...geo.arrows].sort((a, b) => rank(a.state) - rank(b.state));

  return (
    <div className="mlw-seq">
      <div className="mlw-seq-head" aria-hidden="true">
        <svg className="mlw-svg" viewBox={`0 0 ${geo.width} ${HEADER_H}`}>
          {geo.lanes.map((l) => (
            <LaneHead key={l.id} lane={l} />
          ))}
        </svg>
      </div>
      <div className="mlw-seq-body" ref={scroller} tabIndex={0} role="group" aria-label={wt(locale, 'sequenceTitle', { title })}>
        <svg className="mlw-svg" viewBox={`0 0 ${geo.width} ${geo.height}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
          <title id={titleId}>{wt(locale, 'sequenceTitle', { title })}</title>
          <desc id={descId}>{wt(locale, 'sequenceDesc', { n: trace.events.length, step })}</desc>
          {bandY && <rect className="mlw-seq-band" x={0} y={bandY[0]} width={geo.width} height={bandY[1]} rx={6} />}
          {geo.lanes.map((l) => (
            <line key={l.id} className={`mlw-lane mlw-lane--${l.kind}`} x1={l.x} x2={l.x} y1={geo.laneTop} y2={geo.laneBottom} />
          ))}
          {geo.breaks.map((b) => (
            <g key={b.y} className="mlw-break">
              <line x1={geo.gutter - 6} x2={geo.width - 6} y1={b.y} y2={b.y} />
              <text x={geo.gutter + 4} y={b.y} dy="0.35em">
                {wt(locale, 'sequenceBreak', { ms: b.ms })}
              </text>
            </g>
          ))}
          {geo.ticks.map((t) => (
            <text key={`${t.time}-${t.y}`} className="mlw-tick" x={geo.gutter - 10} y={t.y} dy="0.35em" textAnchor="end">
              {t.time}
            </text>
          ))}
          <text className="mlw-tick mlw-tick-unit" x={geo.gutter - 10} y={8} textAnchor="end">
            ms
          </text>
          {ordered.map((a) => (
            <Arrow key={a.seq} a={a} locale={locale} from={names.get(a.from) ?? a.from} to={names.get(a.to) ?? a.to} unseen={!!seen && !seen.has(a.step)} onSelect={onSelectStep} />
          ))}
          {geo.dots.map((d) => (
            <g key={d.seq} className={`mlw-dot mlw-dot--${d.state}${seen && !seen.has(d.step) ? ' mlw-unseen' : ''}`} onClick={() => onSelectStep(d.step)}>
              <title>{`${wt(locale, 'colStep')} ${d.step}: ${dotText(locale, names.get(d.node) ?? d.node, d, seen)}`}</title>
              {d.state === 'current' && <circle cx={d.x} cy={d.y} r={13} className="mlw-dot-halo" />}
              <circle cx={d.x} cy={d.y} r={7} />
              <text x={d.labelX} y={d.y} dy="0.35em" textAnchor={d.anchor} className="mlw-dot-label">
                {dotText(locale, names.get(d.node) ?? d.node, d, seen)}
              </text>
            </g>
          ))}
        </svg>
        {/* Room below the last event, so that it too can be scrolled up to where the reader looks. */}
        <div className="mlw-seq-tail" style={{ height: measured ? Math.round(measured.height * 0.6) : 0 }} />
      </div>
    </div>
  );
}

function rank(s: SeqArrow['state']): number {
  return s === 'future' ? 0 : s === 'past' ? 1 : 2;
}

function Arrow({ a, locale, from, to, unseen, onSelect }: { a: SeqArrow; locale: Locale; from: string; to: string; unseen: boolean; onSelect(step: number): void }) {
  const head = a.state === 'current' ? 16 : 12;
  const [lx, ly] = shorten(a.x1, a.y1, a.x2, a.y2, head - 2);
  const boxW = a.labelWidth + BADGE_W;
  const bx = a.labelX - boxW / 2;
  return (
    <g className={`mlw-arrow mlw-arrow--${a.state} mlw-layer-${a.layer}${unseen ? ' mlw-unseen' : ''}`} onClick={() => onSelect(a.step)}>
      <title>{wt(locale, 'sequenceArrow', { step: a.step, what: a.names.join(' + ') || a.label, from, to, bytes: a.bytes, time: a.time })}</title>
      <line className="mlw-arrow-hit" x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} />
      <line className="mlw-arrow-line" x1={a.x1} y1={a.y1} x2={lx} y2={ly} />
      <polygon className="mlw-arrow-head" points={arrowHead(a.x1, a.y1, a.x2, a.y2, head, head / 2)} />
      <g className="mlw-arrow-label">
          <rect className="mlw-arrow-label-bg" x={bx} y={a.labelY - 12} width={boxW} height={24} rx={6} />
          <rect className="mlw-badge" x={bx + 3} y={a.labelY - 9} width={BADGE_W - 4} height={18} rx={5} />
          <g className="mlw-ink" transform={`translate(${bx + 3 + (BADGE_W - 4) / 2} ${a.labelY})`}>
            <LayerGlyph layer={a.layer} size={17} />
          </g>
          <text x={bx + BADGE_W + 4} y={a.labelY} dy="0.35em" className="mlw-arrow-text">
            {a.label}
          </text>
      </g>
    </g>
  );
}

function LaneHead({ lane: l }: { lane: SeqLane }) {
  const cy = 26;
  return (
    <g className={`mlw-lanehead mlw-node--${l.kind}`}>
      {l.kind === 'client' ? (
        <>
          <rect x={l.x - 17} y={cy - 17} width={34} height={34} rx={9} className="mlw-node-shape" />
          <text x={l.x} y={cy} dy="0.35em" textAnchor="middle" className="mlw-node-initial mlw-node-initial--small">
            {l.initial}
          </text>
        </>
      ) : (
        (() => {
          const c = cylinder(l.x, cy, 34, 40);
          return (
            <>
              <path d={c.body} className="mlw-node-shape" />
              <path d={c.top} className="mlw-node-shape mlw-node-top" />
              <path d={c.rings} className="mlw-node-rings" />
            </>
          );
        })()
      )}
      <text x={l.x} y={cy + 42} textAnchor="middle" className="mlw-node-name">
        {l.name}
      </text>
    </g>
  );
}
