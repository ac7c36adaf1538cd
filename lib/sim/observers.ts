/**
 * The observers a topology declares (`topology.observers`, one list discriminated on `kind`), by kind:
 * the readers' way in, so no module filters the list itself.
 * @module
 */
import type { ForgerSpec, MitmSpec, TapSpec, ThiefSpec, Topology } from './types';

export const tapsOf = (t: Topology): TapSpec[] => t.observers.filter((o): o is TapSpec => o.kind === 'tap');
export const thievesOf = (t: Topology): ThiefSpec[] => t.observers.filter((o): o is ThiefSpec => o.kind === 'thief');
export const forgersOf = (t: Topology): ForgerSpec[] => t.observers.filter((o): o is ForgerSpec => o.kind === 'forger');

/** The man in the middle the operator of `server` runs, if any (lib/xmpp/server/otr-mitm.ts). */
export const mitmOf = (t: Topology, server: string): MitmSpec | undefined => t.observers.find((o): o is MitmSpec => o.kind === 'mitm' && o.server === server);
