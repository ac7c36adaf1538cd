/**
 * Middleboxes on a link: a packet meets the boxes one after the other (from the link's `a` end to its
 * `b` end, or back), and each may let it pass, change it (bytes, layers, addresses), hold it back,
 * drop it, or send packets of its own. Passive taps are not middleboxes: they only read.
 *
 * Whatever a box changes is marked on the packet (`MiddleboxMark`) and narrated — by the box's own
 * note, or by the kernel's `transport.*` sentence when the box gives none — so the trace shows it.
 * @module
 */
import { sameBytes, sameEndpoint } from './transport';
import type { Fact } from './facts';
import type { HostContext, MiddleboxMachine, MiddleboxMark, Note, Packet } from './types';

export interface BoxRef {
  id: string;
  machine: MiddleboxMachine<unknown>;
}

/** What became of one packet (or of one a box made up): where it goes, how much later, and who did what to it. */
export interface Outcome {
  packet: Packet;
  /** Extra delay on top of the link's latency, in virtual ms. */
  after: number;
  via: MiddleboxMark[];
  notes: Note[];
  /** What the boxes on the way emitted as facts while handling it. */
  facts?: Fact[];
  /** The box that dropped it: nobody receives it, the trace shows where it ended. */
  dropped?: string;
  /** A box made it up: it is on no connection its `from` opened. */
  injected?: string;
}

export interface Crossing {
  outcomes: Outcome[];
  timers: { box: string; name: string; after: number }[];
}

/** Did the box change what the receiver will get (bytes, addresses, ends)? */
function changed(a: Packet, b: Packet): boolean {
  return a.proto !== b.proto || a.from !== b.from || a.to !== b.to || a.conn !== b.conn || !sameEndpoint(a.src, b.src) || !sameEndpoint(a.dst, b.dst) || !sameBytes(a.data, b.data);
}

function kernelNote(did: MiddleboxMark['did'], box: string, p: Packet, ms = 0): Note {
  return { key: `transport.${did}`, params: { middlebox: box, from: p.from, to: p.to, proto: p.proto.toUpperCase(), ...(did === 'delay' ? { ms } : {}) } };
}

/**
 * Run `packet` through `boxes` in the order it meets them. Each box sees what the boxes before it
 * let through. Packets a box makes up go straight to their receiver.
 */
export function crossLink(boxes: readonly BoxRef[], packet: Packet, states: Record<string, unknown>, ctxFor: (box: string) => HostContext): Crossing {
  let flying: Outcome[] = [{ packet, after: 0, via: [], notes: [] }];
  const done: Outcome[] = [];
  const timers: Crossing['timers'] = [];
  for (const box of boxes) {
    const next: Outcome[] = [];
    for (const f of flying) {
      const outs = box.machine.handle(states[box.id], { type: 'packet', packet: f.packet }, ctxFor(box.id));
      const said = outs.flatMap((o) => (o.type === 'note' ? [o.note] : []));
      const known = [...(f.facts ?? []), ...outs.flatMap((o) => (o.type === 'fact' ? [o.fact] : []))];
      const withFacts = known.length ? { facts: known } : {};
      const dropNotes = outs.flatMap((o) => (o.type === 'drop' ? [o.note] : []));
      let forwarded = false;
      for (const o of outs) {
        if (o.type === 'forward') {
          forwarded = true;
          const after = Math.max(0, o.after ?? 0);
          const via = [...f.via];
          const notes = [...f.notes, ...said];
          const rewrote = changed(f.packet, o.packet);
          if (rewrote) via.push({ middlebox: box.id, did: 'rewrite' });
          if (after > 0) via.push({ middlebox: box.id, did: 'delay' });
          if (o.note) notes.push(o.note);
          else if (rewrote) notes.push(kernelNote('rewrite', box.id, o.packet));
          else if (after > 0) notes.push(kernelNote('delay', box.id, o.packet, after));
          next.push({ packet: o.packet, after: f.after + after, via, notes, ...withFacts });
        } else if (o.type === 'inject') {
          done.push({ packet: o.packet, after: 0, via: [{ middlebox: box.id, did: 'inject' }], notes: [o.note ?? kernelNote('inject', box.id, o.packet)], injected: box.id });
        } else if (o.type === 'timer') {
          timers.push({ box: box.id, name: o.name, after: o.after });
        }
      }
      if (!forwarded) {
        const notes = [...f.notes, ...said, ...(dropNotes.length ? dropNotes : [kernelNote('drop', box.id, f.packet)])];
        done.push({ packet: f.packet, after: f.after, via: [...f.via, { middlebox: box.id, did: 'drop' }], notes, dropped: box.id, ...withFacts });
      }
    }
    flying = next;
  }
  return { outcomes: [...flying, ...done], timers };
}
