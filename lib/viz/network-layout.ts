/**
 * Network view geometry: `(trace, step, size, progress) → NetworkGeometry`. Pure and deterministic:
 * a fixed cluster layout (domains side by side, each server in its region with its clients on an arc
 * around it), no force simulation, numbers rounded to 0.1. React draws it; nothing here touches the DOM.
 *
 * Steps: step 0 is the initial state; step k (1 ≤ k ≤ events) shows trace event seq k − 1.
 * @module
 */
import type { Trace, TraceEvent } from '../sim/types';
import { clientsBefore, groupDomains, initialOf, r1, shortName } from './entities';
import { topLayer, type VizLayer } from './layers';
import { eventElementNames, eventLabel } from './wire-label';

export interface Size {
  width: number;
  height: number;
}

export interface NetNode {
  id: string;
  kind: 'client' | 'server';
  /** Text under the shape: `alice`, `a.example`. */
  name: string;
  /** Full label: the JID for clients, the domain for servers. */
  label: string;
  /** The capital initial drawn in a client's box. */
  initial: string;
  ip: string;
  domain: string;
  x: number;
  y: number;
  /** Half the shape's extent: links stop this far from the centre. */
  r: number;
  /** The node's part in the current step. */
  role: 'sender' | 'receiver' | 'actor' | null;
  /** Where its name and address go: below, or above when its links leave downwards (a fan's clients). */
  labelSide: 'above' | 'below';
}

export interface NetDomain {
  domain: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rx: number;
  /** Where the region's label sits (top left, inside). */
  labelX: number;
  labelY: number;
}

export interface NetLink {
  id: string;
  a: string;
  b: string;
  latencyMs: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Observer ids tapping this link (an eye is drawn at `eyeX, eyeY`). */
  taps: string[];
  eyeX: number;
  eyeY: number;
  /** True when the current step's packet travels on this link. */
  active: boolean;
}

export interface NetPacket {
  seq: number;
  from: string;
  to: string;
  link: string;
  latencyMs: number;
  layer: VizLayer;
  /** `<message>`, `stream header +1` … */
  label: string;
  /** Every top-level element in the bytes, for the full description. */
  names: string[];
  bytes: number;
  /** The path the packet travels (trimmed to the node shapes), and where it is at `progress`. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  x: number;
  y: number;
  progress: number;
  /** Direction of travel in degrees (0 = rightwards, clockwise, SVG coordinates). */
  angle: number;
  /** Where the label goes: beside the packet, away from the link, anchored so it grows away from it. */
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'middle' | 'end';
}

export interface NetworkGeometry {
  width: number;
  height: number;
  domains: NetDomain[];
  nodes: NetNode[];
  links: NetLink[];
  packet: NetPacket | null;
  /** The event shown at this step (null at step 0). */
  event: TraceEvent | null;
}

export const DEFAULT_NETWORK_SIZE: Size = { width: 520, height: 360 };

const CLIENT_R = 34;
const SERVER_R = 40;
const REGION_PAD = 22;
const LABEL_SPACE = 46; // room under a node for its name and address
/** Least distance between two servers' centres: an address (13 monospace characters at 19.5 units) and a gap. */
const SERVER_GAP = 13 * 19.5 * 0.6 + 24;

/** Angles (degrees, SVG: 0 = right, 90 = down) for a domain's clients; `before` of them go left of the server. */
function clientAngles(count: number, before: number, groupIndex: number, groupCount: number): number[] {
  if (count === 0) return [];
  const spread = (n: number, centre: number, width: number): number[] =>
    n === 1 ? [centre] : Array.from({ length: n }, (_, i) => centre - width / 2 + (width * i) / (n - 1));
  if (groupCount === 1) {
    // Left side top to bottom, then right side top to bottom.
    const after = count - before;
    const left = spread(before, 180, Math.min(120, 40 * (before - 1))).reverse();
    const right = spread(after, 0, Math.min(120, 40 * (after - 1)));
    return [...left, ...right];
  }
  if (groupIndex === 0) return spread(count, 180, Math.min(140, 45 * (count - 1))).reverse();
  if (groupIndex === groupCount - 1) return spread(count, 0, Math.min(140, 45 * (count - 1)));
  return Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 270 : 90));
}

function eventAt(trace: Trace, step: number): TraceEvent | null {
  if (!Number.isFinite(step) || step < 1) return null;
  return trace.events[Math.min(trace.events.length, Math.floor(step)) - 1] ?? null;
}

/** Compute the network picture for one step. `progress` (0..1) places the packet along its link. */
export function layoutNetwork(trace: Trace, step: number, size: Size = DEFAULT_NETWORK_SIZE, progress = 1): NetworkGeometry {
  const { width, height } = size;
  const groups = groupDomains(trace.nodes);
  const n = Math.max(1, groups.length);
  const colW = width / n;
  const cy = r1((height - 16) / 2 + 4);
  const event = eventAt(trace, step);

  const nodes: NetNode[] = [];
  const domains: NetDomain[] = [];
  groups.forEach((g, gi) => {
    const before = clientsBefore(gi, groups.length, g.clients.length);
    // Servers sit towards the neighbouring domains so that federation links stay short.
    const colX = gi * colW;
    const dy = Math.max(0, Math.min(height - 290, 200));
    // A domain is drawn as a fan: its clients in a row above its server, as far apart as its share of the
    // picture allows, servers side by side below (federation links run between them). Only a picture too
    // flat for that (or too many domains) falls back to clients on arcs beside their servers.
    // A fan's clients stand in one row, at least a client's width (2 × CLIENT_R) apart, inside the column.
    const k = g.clients.length;
    const rowFits = groups.length === 1 || colW >= 2 * CLIENT_R * Math.max(1, k) + 2 * REGION_PAD;
    const fan = groups.length === 1 || (dy >= 80 && colW >= 150 && rowFits);
    const radius = Math.max(70, Math.min(groups.length === 1 ? width * 0.34 : colW * 0.45, height * 0.4));
    // Beside each other at the border of their columns, two servers keep SERVER_GAP apart where their
    // clients' arc leaves the room, so that their addresses ("198.51.100.10") never run together.
    const inset = Math.min(colW / 2, Math.max(colW * 0.32, Math.min(SERVER_GAP / 2, colW - radius - CLIENT_R)));
    const sx = groups.length === 1 || fan ? colX + colW / 2 : gi === 0 ? colX + colW - inset : gi === groups.length - 1 ? colX + inset : colX + colW / 2;
    const angles = clientAngles(g.clients.length, before, gi, groups.length);
    const dx = Math.max((k - 1) * CLIENT_R, Math.min(colW / 2 - 70, 190));
    const contentTop = Math.max(4, (height - (dy + 230)) / 2);
    const fanClientY = contentTop + 26 + LABEL_SPACE + CLIENT_R + 12;
    const fanServerY = fanClientY + dy;
    const members: NetNode[] = [];
    if (g.server) {
      members.push({
        id: g.server.id,
        kind: 'server',
        name: shortName(g.server),
        label: g.server.label,
        initial: '',
        ip: g.server.ip,
        domain: g.domain,
        x: r1(sx),
        y: r1(fan ? fanServerY : cy),
        r: SERVER_R,
        role: null,
        labelSide: 'below',
      });
    }
    g.clients.forEach((c, i) => {
      const a = ((angles[i] ?? 180) * Math.PI) / 180;
      const fx = k === 1 ? sx : sx - dx + (2 * dx * i) / (k - 1);
      members.push({
        id: c.id,
        kind: 'client',
        name: shortName(c),
        label: c.label,
        initial: initialOf(c),
        ip: c.ip,
        domain: g.domain,
        x: r1(fan ? fx : sx + radius * Math.cos(a)),
        y: r1(fan ? fanClientY : cy + radius * 0.8 * Math.sin(a)),
        r: CLIENT_R,
        role: null,
        labelSide: fan ? 'above' : 'below',
      });
    });
    // Clients on an arc beside their server (first or last domain) stand one above the other: keep them
    // a client and its label apart, or at least a client apart when the picture is too flat for that.
    if (!fan && k > 1 && (gi === 0 || gi === groups.length - 1)) stackApart(members.filter((m) => m.kind === 'client'), cy, height);
    nodes.push(...members);
    if (members.length > 0) {
      const x0 = Math.min(...members.map((m) => m.x - m.r)) - REGION_PAD;
      const x1 = Math.max(...members.map((m) => m.x + m.r)) + REGION_PAD;
      const y0 = Math.min(...members.map((m) => m.y - m.r - (m.labelSide === 'above' ? LABEL_SPACE : 0))) - REGION_PAD - 18;
      const y1 = Math.max(...members.map((m) => m.y + m.r + (m.labelSide === 'below' ? LABEL_SPACE : 0))) + REGION_PAD - 8;
      // Wide enough for its label ("Domain a.example", up to 19.5 px bold in presenter mode), within its
      // column: grown on both sides, then shifted back inside the column rather than cut by it.
      const need = (g.domain.length + 8) * 12 + 28;
      const left = Math.max(4, colX + 4);
      const right = Math.min(width - 4, colX + colW - 4);
      const want = Math.max(x1 - x0, Math.min(need, right - left));
      const x = Math.max(left, Math.min((x0 + x1) / 2 - want / 2, right - want));
      const w = Math.min(want, right - x);
      const y = Math.max(4, y0);
      const h = Math.min(height - 4, y1) - y;
      domains.push({ domain: g.domain, x: r1(x), y: r1(y), width: r1(w), height: r1(h), rx: 18, labelX: r1(x + 14), labelY: r1(y + 24) });
    }
  });

  const byId = new Map(nodes.map((nd) => [nd.id, nd]));
  if (event) {
    for (const nd of nodes) {
      if (event.kind === 'wire') nd.role = nd.id === event.from ? 'sender' : nd.id === event.to ? 'receiver' : null;
      else nd.role = nd.id === event.from ? 'actor' : null;
    }
  }

  const links: NetLink[] = [];
  for (const l of trace.links) {
    const a = byId.get(l.a);
    const b = byId.get(l.b);
    if (!a || !b) continue;
    const [x1, y1, x2, y2] = trim(a, b);
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    // The eye sits beside the link's middle, on the upper side.
    let nx = -(y2 - y1) / len;
    let ny = (x2 - x1) / len;
    if (ny > 0 || (ny === 0 && nx > 0)) {
      nx = -nx;
      ny = -ny;
    }
    const taps = trace.taps.filter((t) => t.link === l.id).map((t) => t.id);
    links.push({
      id: l.id,
      a: l.a,
      b: l.b,
      latencyMs: l.latencyMs,
      x1: r1(x1),
      y1: r1(y1),
      x2: r1(x2),
      y2: r1(y2),
      taps,
      eyeX: r1((x1 + x2) / 2 + nx * 22),
      eyeY: r1((y1 + y2) / 2 + ny * 22),
      active: false,
    });
  }

  let packet: NetPacket | null = null;
  if (event && event.kind === 'wire') {
    const from = byId.get(event.from);
    const to = byId.get(event.to);
    if (from && to) {
      const p = Math.max(0, Math.min(1, Number.isFinite(progress) ? progress : 1));
      // Stop the packet short of both shapes, by less on short links so that it still visibly travels.
      const free = Math.hypot(to.x - from.x, to.y - from.y) - from.r - to.r;
      const [sx, sy, ex, ey] = trim(from, to, Math.max(4, Math.min(28, (free - 40) / 2)));
      const x = sx + (ex - sx) * p;
      const y = sy + (ey - sy) * p;
      const len = Math.hypot(ex - sx, ey - sy) || 1;
      let nx = -(ey - sy) / len;
      let ny = (ex - sx) / len;
      // Label on the lower side of the link (the eye sits on the upper side).
      if (ny < 0 || (ny === 0 && nx < 0)) {
        nx = -nx;
        ny = -ny;
      }
      const link = links.find((l) => l.id === event.link) ?? links.find((l) => (l.a === event.from && l.b === event.to) || (l.a === event.to && l.b === event.from));
      if (link) link.active = true;
      const wire = event.wire ?? new Uint8Array(0);
      const label = eventLabel(event);
      // Keep the label inside the picture: estimate its width (monospace, 17 px) and shift it in.
      const labelW = label.length * 10.4;
      const anchor: NetPacket['labelAnchor'] = nx < -0.35 ? 'end' : nx > 0.35 ? 'start' : 'middle';
      let lx = (sx + ex) / 2 + nx * 30;
      const left = anchor === 'start' ? lx : anchor === 'end' ? lx - labelW : lx - labelW / 2;
      if (left < 6) lx += 6 - left;
      else if (left + labelW > width - 6) lx -= left + labelW - (width - 6);
      packet = {
        seq: event.seq,
        from: event.from,
        to: event.to,
        link: link?.id ?? event.link ?? '',
        latencyMs: link?.latencyMs ?? Math.max(0, event.time - (event.sentAt ?? event.time)),
        layer: topLayer(event.layers),
        label,
        names: eventElementNames(event),
        bytes: wire.length,
        x1: r1(sx),
        y1: r1(sy),
        x2: r1(ex),
        y2: r1(ey),
        x: r1(x),
        y: r1(y),
        progress: r1(p * 100) / 100,
        angle: r1((Math.atan2(ey - sy, ex - sx) * 180) / Math.PI),
        // The label stays at the middle of the link (clear of both nodes' names), beside it.
        labelX: r1(lx),
        labelY: r1((sy + ey) / 2 + ny * 26 + 6),
        labelAnchor: anchor,
      };
    }
  }

  return { width, height, domains, nodes, links, packet, event };
}

/** Spread clients stacked on one side of their server vertically (in their order), centred on `cy`, inside the picture. */
function stackApart(clients: NetNode[], cy: number, height: number): void {
  const sorted = [...clients].sort((a, b) => a.y - b.y);
  const roomy = 2 * CLIENT_R + LABEL_SPACE; // the label sits below the client
  if (sorted.every((c, i) => i === 0 || c.y - sorted[i - 1]!.y >= roomy)) return;
  const top = CLIENT_R + 4;
  const bottom = height - CLIENT_R - LABEL_SPACE - 4;
  const gap = Math.max(2 * CLIENT_R, Math.min(roomy, (bottom - top) / (sorted.length - 1)));
  const span = gap * (sorted.length - 1);
  const start = Math.max(top, Math.min(cy - span / 2, bottom - span));
  sorted.forEach((c, i) => {
    c.y = r1(start + i * gap);
  });
}

/** The segment between two nodes' centres, shortened by each node's radius plus `gap`. */
function trim(a: NetNode, b: NetNode, gap = 4): [number, number, number, number] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const ra = Math.min(a.r + gap, len / 2 - 1);
  const rb = Math.min(b.r + gap, len / 2 - 1);
  return [a.x + ux * ra, a.y + uy * ra, b.x - ux * rb, b.y - uy * rb];
}
