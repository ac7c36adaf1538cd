/**
 * What the narration band may tell under the "Seen by" lens: the story of a step as its observer has it.
 * The engine's narration tells everything (alice's SCRAM proof inside the TLS record); an eavesdropper
 * on the link has a record of 204 bytes between two addresses, and a step elsewhere it has nothing of.
 * Decided from the lens (lib/viz/lens.ts: seen steps, the layers its keys open) and, for an end-to-end
 * body, from the observer's own reading of it (lib/knowledge: the message's text, or null when it could
 * not open it) — the man in the middle reads what it re-encrypts, a plain server operator does not.
 * Pure: the app says it in words.
 * @module
 */
import type { ObservedMessage } from '../knowledge/observation';
import type { TraceEvent } from '../sim/types';
import { lensEvent, type LensMeans } from './lens';

/** Where a step happened, for an observer that saw none of it: on a link between two nodes, or at one node. */
export type StoryPlace = { on: 'link'; from: string; to: string } | { on: 'node'; node: string };

/** The kind of box the observer sees but cannot open. */
export type SealedBox = 'tls' | 'otr' | 'other';

export type LensStory =
  /** The observer can open what happened: the normal narration. */
  | { state: 'open' }
  /** It saw nothing of the step; `at` names node ids. */
  | { state: 'unseen'; at: StoryPlace }
  /** It saw bytes it cannot open: their box, their size and the addresses it read on them. */
  | { state: 'sealed'; box: SealedBox; bytes: number; from: string; to: string };

type StoryEvent = Pick<TraceEvent, 'seq' | 'kind' | 'from' | 'to' | 'layers' | 'wire' | 'transport'>;

/**
 * The story of `event` for the observer with `means` (null: no lens, the whole story). `read` is that
 * observer's reading of the message the event carried, if it recorded one: its addresses are what it
 * saw on the bytes (IPs for a tap, JIDs for a server), and its text, when not null, means it opened an
 * end-to-end body the lens alone would call sealed.
 */
export function lensStory(event: StoryEvent, means: LensMeans | null, read: Pick<ObservedMessage, 'from' | 'to' | 'content'> | null = null): LensStory {
  if (means === null) return { state: 'open' };
  const lens = lensEvent(event, means);
  if (lens.state === 'unseen') {
    return { state: 'unseen', at: event.kind === 'wire' ? { on: 'link', from: event.from, to: event.to } : { on: 'node', node: event.from } };
  }
  if (lens.state === 'open' || lens.sealedBy === null) return { state: 'open' };
  const box: SealedBox = lens.sealedBy.layer === 'tls' ? 'tls' : lens.sealedBy.layer === 'otr' ? 'otr' : 'other';
  // TLS hides the body whole; an OTR body sits in readable XML, and whoever decrypted it has its text.
  if (box !== 'tls' && read !== null && read.content !== null) return { state: 'open' };
  return {
    state: 'sealed',
    box,
    bytes: event.wire?.length ?? 0,
    from: read?.from ?? event.transport?.src.ip ?? event.from,
    to: read?.to ?? event.transport?.dst.ip ?? event.to,
  };
}
