/** A tiny in-memory pair of OTR sessions (quinn's `Pair`): relay texts until both sides are idle. */
import { randomBytes as rngBytes, seedRng } from '../../../lib/sim/rng';
import { generateDsaKey } from '../../../lib/otr/dsa';
import { createOtrSession, receiveMessage, type OtrContext, type OtrEvent, type OtrOutput, type OtrPolicy, type OtrSession } from '../../../lib/otr/session';

export function seededCtx(seed: string): OtrContext {
  const rng = seedRng(seed);
  return { randomBytes: (n) => rngBytes(rng, n) };
}

export interface Side {
  name: string;
  st: OtrSession;
  ctx: OtrContext;
  events: OtrEvent[];
  wires: string[];
}

export function makeSide(name: string, peer: string, seed: string, policy: Partial<OtrPolicy> = {}): Side {
  const ctx = seededCtx(seed);
  const st = createOtrSession({ account: name, peer, longTerm: generateDsaKey(ctx.randomBytes), policy }, ctx);
  return { name, st, ctx, events: [], wires: [] };
}

/** Deliver `out.send` from `from` to `to`, and the replies back, until nothing is left. */
export function relay(from: Side, to: Side, out: OtrOutput, maxSteps = 50): void {
  from.events.push(...out.events);
  let queue: { src: Side; dst: Side; text: string }[] = out.send.map((text) => ({ src: from, dst: to, text }));
  for (let i = 0; queue.length; i++) {
    if (i > maxSteps) throw new Error('relay: no quiescence');
    const next: typeof queue = [];
    for (const { src, dst, text } of queue) {
      src.wires.push(text);
      const res = receiveMessage(dst.st, text, dst.ctx);
      dst.events.push(...res.events);
      next.push(...res.send.map((t) => ({ src: dst, dst: src, text: t })));
    }
    queue = next;
  }
}
