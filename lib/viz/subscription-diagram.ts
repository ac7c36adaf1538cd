/**
 * The presence subscription state diagram (RFC 6121 Appendix A) as plain geometry, drawn from the
 * engine's own tables (lib/xmpp/im/subscription.ts), never retyped: the nine states of A.1 as boxes,
 * one arrow per cell of OUTBOUND (A.2, the user sends) or INBOUND (A.3, the contact sends).
 *
 * The layout is fixed, not forced: a 3×3 grid whose column is the user's side of the subscription
 * (none, pending out, subscribed 'to') and whose row is the contact's side (none, pending in, 'from'),
 * both read off the engine's predicates. Every transition then runs along a row or a column: one
 * cell apart it is a straight line, two cells apart an arc that bows out of the way of the others.
 * Pure: the component (app/_components/state-diagram) draws it.
 * @module
 */
import {
  asks,
  contactReceivesPresence,
  INBOUND,
  OUTBOUND,
  pendingIn,
  SUB_STATES,
  subscriptionAttr,
  userReceivesPresence,
  type SubState,
  type SubscriptionType,
} from '../xmpp/im/subscription';

/** Which table a view draws: what the user's server does when its user sends (A.2) or the contact sends (A.3). */
export type DiagramSide = 'outbound' | 'inbound';

export const DIAGRAM_SIDES: readonly DiagramSide[] = ['outbound', 'inbound'];

/** The order arrows are listed and drawn in: requests and approvals first, then the two cancellations. */
export const SUBSCRIPTION_TYPES: readonly SubscriptionType[] = ['subscribe', 'subscribed', 'unsubscribe', 'unsubscribed'];

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DiagramNode {
  state: SubState;
  col: number;
  row: number;
  /** Centre of the box. */
  x: number;
  y: number;
  /** The roster's subscription attribute (RFC 6121 §2.1.2.5) and whether it carries ask='subscribe' (§2.1.2.2). */
  attr: 'none' | 'to' | 'from' | 'both';
  ask: boolean;
  /** A request from the contact waits (A.1 "Pending In"); the roster does not show it. */
  pendingIn: boolean;
}

export interface DiagramEdge {
  from: SubState;
  to: SubState;
  type: SubscriptionType;
  /** SVG path data, ending at the target box's border (the arrowhead goes there). */
  path: string;
  /** The label's box (the stanza type, in a pill), centred on the line. */
  label: Box;
}

export interface Diagram {
  side: DiagramSide;
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** Geometry in viewBox units (≈ CSS pixels at 1120 px wide). */
const LAYOUT = { cellW: 380, cellH: 210, nodeW: 250, nodeH: 70, margin: 96, pairGap: 11, labelChar: 8.6, labelPad: 16, labelH: 24, arcLabelT: 0.2 } as const;

/** A label's pill for a stanza type: monospace, so its width follows the number of characters. */
function labelBox(type: SubscriptionType, at: Point): Box {
  const w = type.length * LAYOUT.labelChar + LAYOUT.labelPad;
  return { x: round(at.x - w / 2), y: round(at.y - LAYOUT.labelH / 2), w: round(w), h: LAYOUT.labelH };
}

/** The grid cell of a state: column = the user's side (0 none, 1 pending out, 2 'to'), row = the contact's side (0 none, 1 pending in, 2 'from'). */
export function gridOf(state: SubState): { col: number; row: number } {
  return {
    col: userReceivesPresence(state) ? 2 : asks(state) ? 1 : 0,
    row: contactReceivesPresence(state) ? 2 : pendingIn(state) ? 1 : 0,
  };
}

/** The state's name as RFC 6121 A.1 writes it ("None + Pending Out+In"), built from the same predicates. */
export function rfcStateName(state: SubState): string {
  const attr = subscriptionAttr(state);
  const pending = [asks(state) ? 'Out' : '', pendingIn(state) ? 'In' : ''].filter(Boolean).join('+');
  return `${attr[0]!.toUpperCase()}${attr.slice(1)}${pending ? ` + Pending ${pending}` : ''}`;
}

/** The table a side draws. */
export function tableOf(side: DiagramSide): Readonly<Record<SubscriptionType, Partial<Record<SubState, SubState>>>> {
  return side === 'outbound' ? OUTBOUND : INBOUND;
}

/** Every transition of one side's table, in SUBSCRIPTION_TYPES then SUB_STATES order. */
function transitionsOf(side: DiagramSide): { from: SubState; to: SubState; type: SubscriptionType }[] {
  const table = tableOf(side);
  return SUBSCRIPTION_TYPES.flatMap((type) => SUB_STATES.filter((s) => table[type][s] !== undefined).map((from) => ({ from, to: table[type][from]!, type })));
}

const round = (n: number) => Math.round(n * 10) / 10;
const pt = (p: Point) => `${round(p.x)} ${round(p.y)}`;

/** The point at parameter t of a quadratic Bézier curve. */
function quad(p0: Point, c: Point, p2: Point, t: number): Point {
  const u = 1 - t;
  return { x: u * u * p0.x + 2 * u * t * c.x + t * t * p2.x, y: u * u * p0.y + 2 * u * t * c.y + t * t * p2.y };
}

export function layoutSubscriptionDiagram(side: DiagramSide): Diagram {
  const { cellW, cellH, nodeW, nodeH, margin, pairGap, arcLabelT } = LAYOUT;
  const nodes: DiagramNode[] = SUB_STATES.map((state) => {
    const { col, row } = gridOf(state);
    return {
      state,
      col,
      row,
      x: margin + col * cellW + cellW / 2,
      y: margin + row * cellH + cellH / 2,
      attr: subscriptionAttr(state),
      ask: asks(state),
      pendingIn: pendingIn(state),
    };
  });
  const at = new Map(nodes.map((n) => [n.state, n]));
  const transitions = transitionsOf(side);
  const has = (from: SubState, to: SubState) => transitions.some((t) => t.from === from && t.to === to);
  /** Is there an arrow between the two neighbouring cells (either way)? Arcs keep out of such gaps. */
  const busy = (a: { col: number; row: number }, b: { col: number; row: number }) =>
    transitions.some((t) => {
      const f = gridOf(t.from);
      const g = gridOf(t.to);
      return (f.col === a.col && f.row === a.row && g.col === b.col && g.row === b.row) || (f.col === b.col && f.row === b.row && g.col === a.col && g.row === a.row);
    });

  const edges: DiagramEdge[] = transitions.map(({ from, to, type }) => {
    const a = at.get(from)!;
    const b = at.get(to)!;
    const horizontal = a.row === b.row;
    if (!horizontal && a.col !== b.col) throw new Error(`subscription-diagram: ${from} → ${to} runs along neither a row nor a column`);
    const span = horizontal ? Math.abs(b.col - a.col) : Math.abs(b.row - a.row);
    if (span === 1) {
      // A straight arrow between neighbours; an arrow back the other way sits beside it, each on its own side.
      const dir = horizontal ? Math.sign(b.x - a.x) : Math.sign(b.y - a.y);
      const off = has(to, from) ? pairGap * dir : 0;
      const p0 = horizontal ? { x: a.x + (dir * nodeW) / 2, y: a.y - off } : { x: a.x + off, y: a.y + (dir * nodeH) / 2 };
      const p1 = horizontal ? { x: b.x - (dir * nodeW) / 2, y: b.y - off } : { x: b.x + off, y: b.y - (dir * nodeH) / 2 };
      const mid = { x: (p0.x + p1.x) / 2, y: (p0.y + p1.y) / 2 };
      // The label sits beside its own line of a pair (above/right for one direction, below/left for the other).
      const label = off === 0 ? mid : horizontal ? { x: mid.x, y: mid.y - Math.sign(off) * 17 } : { x: mid.x + Math.sign(off) * 52, y: mid.y };
      return { from, to, type, path: `M ${pt(p0)} L ${pt(p1)}`, label: labelBox(type, label) };
    }
    // Two cells apart: an arc round the middle box. It bows out of the grid at the edge rows and columns;
    // in the middle one it bows towards the neighbouring gap that holds no arrow of its own.
    const middle = horizontal ? { col: 1, row: a.row } : { col: a.col, row: 1 };
    let sign: number;
    if (horizontal) sign = a.row === 0 ? -1 : a.row === 2 ? 1 : busy(middle, { col: 1, row: 0 }) && !busy(middle, { col: 1, row: 2 }) ? 1 : -1;
    else sign = a.col === 0 ? -1 : a.col === 2 ? 1 : busy(middle, { col: 2, row: 1 }) && !busy(middle, { col: 0, row: 1 }) ? -1 : 1;
    const inset = horizontal ? nodeW / 2 - 28 : nodeH / 2 - 14;
    const dir = horizontal ? Math.sign(b.x - a.x) : Math.sign(b.y - a.y);
    const p0 = horizontal ? { x: a.x + dir * inset, y: a.y + (sign * nodeH) / 2 } : { x: a.x + (sign * nodeW) / 2, y: a.y + dir * inset };
    const p2 = horizontal ? { x: b.x - dir * inset, y: b.y + (sign * nodeH) / 2 } : { x: b.x + (sign * nodeW) / 2, y: b.y - dir * inset };
    // The arc's outermost point lies halfway across the gap between boxes.
    const bow = horizontal ? (cellH - nodeH) / 2 : (cellW - nodeW) / 2;
    const c = horizontal ? { x: (a.x + b.x) / 2, y: a.y + sign * (nodeH / 2 + 2 * bow) } : { x: a.x + sign * (nodeW / 2 + 2 * bow), y: (a.y + b.y) / 2 };
    return { from, to, type, path: `M ${pt(p0)} Q ${pt(c)} ${pt(p2)}`, label: labelBox(type, quad(p0, c, p2, arcLabelT)) };
  });

  return { side, width: 3 * cellW + 2 * margin, height: 3 * cellH + 2 * margin, nodeWidth: nodeW, nodeHeight: nodeH, nodes, edges };
}

/** Do two boxes overlap (touching edges do not count)? */
function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Every pair of labels, and every label and state box, that overlap: a readable diagram has none. */
export function collisions(d: Diagram): string[] {
  const boxes = d.nodes.map((n) => ({ name: n.state, box: { x: n.x - d.nodeWidth / 2, y: n.y - d.nodeHeight / 2, w: d.nodeWidth, h: d.nodeHeight } }));
  const labels = d.edges.map((e) => ({ name: `${e.from} ${e.type}`, box: e.label }));
  const out: string[] = [];
  labels.forEach((l, i) => {
    for (const m of labels.slice(i + 1)) if (overlaps(l.box, m.box)) out.push(`label ${l.name} × label ${m.name}`);
    for (const b of boxes) if (overlaps(l.box, b.box)) out.push(`label ${l.name} × state ${b.name}`);
    if (l.box.x < 0 || l.box.y < 0 || l.box.x + l.box.w > d.width || l.box.y + l.box.h > d.height) out.push(`label ${l.name} outside`);
  });
  return out;
}
