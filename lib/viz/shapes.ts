/** Small pieces of geometry shared by the views: arrowheads and the cylinder of a server. @module */
import { r1 } from './entities';

/** Points of a filled arrowhead whose tip is (x2, y2), pointing along (x1, y1) → (x2, y2). */
export function arrowHead(x1: number, y1: number, x2: number, y2: number, length = 14, halfWidth = 7): string {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const bx = x2 - ux * length;
  const by = y2 - uy * length;
  const pts: [number, number][] = [
    [x2, y2],
    [bx - uy * halfWidth, by + ux * halfWidth],
    [bx + uy * halfWidth, by - ux * halfWidth],
  ];
  return pts.map(([x, y]) => `${r1(x)},${r1(y)}`).join(' ');
}

/** The point `back` px before (x2, y2) on the segment, where a line should stop under its arrowhead. */
export function shorten(x1: number, y1: number, x2: number, y2: number, back: number): [number, number] {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  return [r1(x2 - (dx / len) * back), r1(y2 - (dy / len) * back)];
}

/** Outline of a server as a cylinder (a rack of disks) centred on (cx, cy): body path, top ellipse and two rack lines. */
export function cylinder(cx: number, cy: number, w: number, h: number): { body: string; top: string; rings: string } {
  const rx = w / 2;
  const ry = Math.max(4, h * 0.12);
  const x0 = cx - rx;
  const x1 = cx + rx;
  const yt = cy - h / 2 + ry;
  const yb = cy + h / 2 - ry;
  const body = `M${r1(x0)},${r1(yt)} V${r1(yb)} A${r1(rx)},${r1(ry)} 0 0 0 ${r1(x1)},${r1(yb)} V${r1(yt)}`;
  const top = `M${r1(x0)},${r1(yt)} A${r1(rx)},${r1(ry)} 0 1 0 ${r1(x1)},${r1(yt)} A${r1(rx)},${r1(ry)} 0 1 0 ${r1(x0)},${r1(yt)} Z`;
  const ring = (y: number) => `M${r1(x0)},${r1(y)} A${r1(rx)},${r1(ry)} 0 0 0 ${r1(x1)},${r1(y)}`;
  const rings = `${ring(yt + (yb - yt) / 3)} ${ring(yt + (2 * (yb - yt)) / 3)}`;
  return { body, top, rings };
}
