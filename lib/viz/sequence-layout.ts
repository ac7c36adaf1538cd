/**
 * Sequence view geometry: `(trace, step, size) → SequenceGeometry`. One lane per entity (the order of
 * lib/viz/entities.ts), time running down, one arrow per wire message from (sender lane, sentAt) to
 * (receiver lane, arrival time), local events as dots on their lane. Pure, deterministic, rounded to 0.1.
 *
 * The time axis is piecewise linear (a d3 polylinear scale): busy stretches keep a minimum row gap so
 * labels never collide, idle stretches longer than `breakAfterMs` are cut down to one fixed gap and
 * marked with a break ("+950 ms"), so a login and a chat a second later both fit on one screen.
 *
 * Steps: step 0 is the initial state; step k (1 ≤ k ≤ events) shows trace event seq k − 1.
 * @module
 */
import { scaleLinear, scalePoint } from 'd3';
import type { Action, Trace, TraceEvent } from '../sim/types';
import { groupDomains, initialOf, orderEntities, r1, shortName } from './entities';
import { topLayer, type VizLayer } from './layers';
import { eventElementNames, eventLabel } from './wire-label';

export interface SequenceOptions {
  /** Total width; lanes are spread across it after the time gutter. */
  width: number;
  /** Space above the first event. */
  top: number;
  /** Smallest vertical distance between two events, px. */
  minGap: number;
  /** Extra px per ms of virtual time between two events. */
  pxPerMs: number;
  /** Largest gap for a stretch that is not cut. */
  maxGap: number;
  /** Idle stretches longer than this (ms) are cut and drawn as a break. */
  breakAfterMs: number;
  /** Height of a cut stretch. */
  breakGap: number;
  /** Width of the time gutter on the left. */
  gutter: number;
  /** Font size of labels (to estimate label boxes). */
  fontSize: number;
  /** Width the view adds to a label's box (the layer badge before the text). */
  labelPad: number;
  /**
   * The names an arrow shows instead of its element names (the "Seen by" lens: `TLS record, 204 B` for a
   * record its observer cannot open); null or absent: the element names.
   */
  namesOf?: (e: TraceEvent) => string[] | null;
}

const DEFAULT_SEQUENCE_OPTIONS: SequenceOptions = {
  width: 760,
  top: 22,
  minGap: 30,
  pxPerMs: 0.5,
  maxGap: 56,
  breakAfterMs: 200,
  breakGap: 46,
  gutter: 64,
  fontSize: 15,
  labelPad: 26,
};

export type StepState = 'past' | 'current' | 'future';

export interface SeqLane {
  id: string;
  kind: 'client' | 'server';
  /** `alice`, `a.example`. */
  name: string;
  label: string;
  initial: string;
  domain: string;
  x: number;
}

export interface SeqArrow {
  seq: number;
  /** The step that shows this event (seq + 1). */
  step: number;
  from: string;
  to: string;
  sentAt: number;
  time: number;
  layer: VizLayer;
  label: string;
  names: string[];
  bytes: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Label anchor (centre of its box) and the box size estimated for a monospace font. */
  labelX: number;
  labelY: number;
  labelWidth: number;
  state: StepState;
}

export interface SeqDot {
  seq: number;
  step: number;
  node: string;
  kind: 'action' | 'timer';
  /** What the person did (`TraceEvent.action`); null for a timer. The view words it; notes are never read here. */
  action: Action['type'] | null;
  x: number;
  y: number;
  /** Where the label is anchored: it starts right of the dot, or ends left of it on the right-hand lanes. */
  labelX: number;
  anchor: 'start' | 'end';
  state: StepState;
}

export interface SeqBreak {
  /** The idle time that was cut, ms. */
  ms: number;
  y: number;
}

export interface SeqTick {
  time: number;
  y: number;
}

export interface SequenceGeometry {
  width: number;
  height: number;
  gutter: number;
  lanes: SeqLane[];
  arrows: SeqArrow[];
  dots: SeqDot[];
  breaks: SeqBreak[];
  /** One tick per distinct event time, for the time gutter. */
  ticks: SeqTick[];
  /** The y of the current event (or the top at step 0), to scroll it into view. */
  focusY: number;
  /** Lanes span from `top - 10` to `height - 10`. */
  laneTop: number;
  laneBottom: number;
}

function stateOf(seq: number, step: number): StepState {
  const current = step - 1;
  return seq < current ? 'past' : seq === current ? 'current' : 'future';
}

/** The y of each event (by seq), and a d3 polylinear time scale through those rows for departures. */
function timeRows(events: readonly TraceEvent[], o: SequenceOptions): { ys: number[]; breaks: SeqBreak[]; at: (t: number) => number } {
  const ys: number[] = [];
  const breaks: SeqBreak[] = [];
  const domain: number[] = [];
  const range: number[] = [];
  let y = o.top;
  let prevTime: number | undefined;
  let prevLocal = false;
  for (const e of events) {
    if (prevTime === undefined) {
      y = o.top;
    } else if (prevLocal) {
      // A local event gets a row of its own, so its label and the label of what it sends never meet.
      y += o.minGap + Math.min(o.maxGap - o.minGap, Math.max(0, e.time - prevTime) * o.pxPerMs);
    } else if (e.time === prevTime) {
      y += o.minGap; // same instant, its own row (the kernel processed it after the previous one)
    } else {
      const dt = e.time - prevTime;
      if (dt > o.breakAfterMs) {
        breaks.push({ ms: dt, y: r1(y + o.breakGap / 2) });
        y += o.breakGap;
      } else {
        y += Math.min(o.maxGap, o.minGap + dt * o.pxPerMs);
      }
    }
    if (domain.length === 0 || e.time > domain[domain.length - 1]!) {
      domain.push(e.time);
      range.push(y);
    }
    ys.push(y);
    prevTime = e.time;
    prevLocal = e.kind !== 'wire';
  }
  if (domain.length === 0) {
    domain.push(0);
    range.push(o.top);
  }
  if (domain.length === 1) {
    domain.push(domain[0]! + 1);
    range.push(range[0]! + o.minGap);
  }
  const scale = scaleLinear().domain(domain).range(range).clamp(true);
  return { ys, breaks, at: (t: number) => scale(t) };
}

/** Where along its arrow a label may sit, tried in this order: the middle first, then ever further out. */
const LABEL_SPOTS = [0, 0.2, -0.2, 0.32, -0.32, 0.12, -0.12, 0.26, -0.26];

/**
 * Moves labels along their arrows until no two boxes meet. Events at the same instant (`<db:result>`
 * and `<db:verify>` crossing between two servers) otherwise put their labels on top of each other.
 * Greedy in seq order: each label takes the first spot that is free of the labels placed before it, or
 * the least crowded one. Deterministic.
 */
function separateLabels(arrows: SeqArrow[], o: SequenceOptions): void {
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const boxAt = (a: SeqArrow, t: number) => {
    const half = (a.labelWidth + o.labelPad) / 2;
    // Inside the picture: a long label near the last lane would be cut by the pane's edge.
    const cx = Math.max(Math.min(a.x1 + (a.x2 - a.x1) * t, o.width - 4 - half), Math.min(o.width / 2, 4 + half));
    const cy = a.y1 + (a.y2 - a.y1) * t - o.fontSize * 0.55;
    const w = a.labelWidth + o.labelPad;
    return { x0: cx - w / 2, x1: cx + w / 2, y0: cy - 12, y1: cy + 12, cx, cy };
  };
  const crowd = (b: { x0: number; x1: number; y0: number; y1: number }): number => {
    let area = 0;
    for (let i = placed.length - 1; i >= 0 && i >= placed.length - 40; i--) {
      const p = placed[i]!;
      const w = Math.min(b.x1, p.x1) - Math.max(b.x0, p.x0);
      const h = Math.min(b.y1, p.y1) - Math.max(b.y0, p.y0);
      if (w > 0 && h > 0) area += w * h;
    }
    return area;
  };
  for (const a of arrows) {
    const len = Math.abs(a.x2 - a.x1) || 1;
    const t0 = (a.labelX - a.x1) / (a.x2 - a.x1 || 1);
    let best = boxAt(a, t0);
    let bestCrowd = crowd(best);
    for (const d of LABEL_SPOTS) {
      if (bestCrowd === 0) break;
      const t = t0 + d;
      // Keep the label on its arrow, clear of both lanes' heads.
      if (t < 0.1 || t > 0.9 || (a.labelWidth + o.labelPad) / 2 > len * Math.min(t, 1 - t) + 40) continue;
      const b = boxAt(a, t);
      const c = crowd(b);
      if (c < bestCrowd) {
        best = b;
        bestCrowd = c;
      }
    }
    a.labelX = r1(best.cx);
    a.labelY = r1(best.cy);
    placed.push(best);
  }
}

/** Compute the sequence diagram for one step. */
export function layoutSequence(trace: Trace, step: number, options: Partial<SequenceOptions> = {}): SequenceGeometry {
  const o: SequenceOptions = { ...DEFAULT_SEQUENCE_OPTIONS, ...options };
  const s = Number.isFinite(step) ? Math.max(0, Math.min(trace.events.length, Math.floor(step))) : 0;
  const order = orderEntities(trace.nodes);
  const info = new Map(trace.nodes.map((n) => [n.id, n]));
  const domainOf = new Map<string, string>();
  for (const g of groupDomains(trace.nodes)) {
    if (g.server) domainOf.set(g.server.id, g.domain);
    for (const c of g.clients) domainOf.set(c.id, g.domain);
  }
  const x = scalePoint<string>().domain(order).range([o.gutter, o.width]).padding(0.5);
  const lanes: SeqLane[] = order.map((id) => {
    const n = info.get(id)!;
    return { id, kind: n.kind, name: shortName(n), label: n.label, initial: n.kind === 'client' ? initialOf(n) : '', domain: domainOf.get(id) ?? n.domain, x: r1(x(id) ?? 0) };
  });
  const laneX = (id: string): number => x(id) ?? o.gutter;

  const events = trace.events;
  const { ys, breaks, at } = timeRows(events, o);
  const arrows: SeqArrow[] = [];
  const dots: SeqDot[] = [];
  const ticks: SeqTick[] = [];
  const charW = o.fontSize * 0.6;

  // Where an arrow starts: the row of the sender's own event at the send time (what made it send),
  // otherwise the time scale at sentAt.
  const lastRowAt = new Map<string, number>(); // `${node}@${time}` → y of the latest such event so far
  const localRow = new Set<number>(); // rows of local events (a dot with a label sits there)
  events.forEach((e, i) => {
    const y2 = ys[i]!;
    if (ticks.length === 0 || ticks[ticks.length - 1]!.time !== e.time) ticks.push({ time: e.time, y: r1(y2) });
    const state = stateOf(e.seq, s);
    if (e.kind === 'wire') {
      const sentAt = e.sentAt ?? e.time;
      const y1 = lastRowAt.get(`${e.from}@${sentAt}`) ?? at(sentAt);
      const x1 = laneX(e.from);
      const x2 = laneX(e.to);
      const wire = e.wire ?? new Uint8Array(0);
      const lensed = o.namesOf?.(e) ?? null;
      const label = lensed ? lensed.join(' + ') : eventLabel(e);
      const labelWidth = label.length * charW + 12;
      // Label centred on the arrow; further along when the arrow leaves a local event's row, whose label sits there.
      const t = localRow.has(y1) ? 0.68 : 0.5;
      arrows.push({
        seq: e.seq,
        step: e.seq + 1,
        from: e.from,
        to: e.to,
        sentAt,
        time: e.time,
        layer: topLayer(e.layers),
        label,
        names: lensed ?? eventElementNames(e),
        bytes: wire.length,
        x1: r1(x1),
        y1: r1(y1),
        x2: r1(x2),
        y2: r1(y2),
        labelX: r1(x1 + (x2 - x1) * t),
        labelY: r1(y1 + (y2 - y1) * t - o.fontSize * 0.55),
        labelWidth: r1(labelWidth),
        state,
      });
    } else {
      const lx = laneX(e.from);
      const action = e.kind === 'action' ? (e.action?.type ?? null) : null;
      const right = lx > o.gutter + (o.width - o.gutter) * 0.6;
      localRow.add(y2);
      dots.push({ seq: e.seq, step: e.seq + 1, node: e.from, kind: e.kind, action, x: r1(lx), y: r1(y2), labelX: r1(right ? lx - 14 : lx + 14), anchor: right ? 'end' : 'start', state });
    }
    lastRowAt.set(`${e.to}@${e.time}`, y2);
  });

  separateLabels(arrows, o);

  const lastY = ys.length > 0 ? ys[ys.length - 1]! : o.top;
  const height = r1(lastY + 34);
  const focusY = s >= 1 ? r1(ys[s - 1] ?? o.top) : o.top;
  return { width: o.width, height, gutter: o.gutter, lanes, arrows, dots, breaks, ticks, focusY, laneTop: r1(o.top - 14), laneBottom: r1(height - 8) };
}
