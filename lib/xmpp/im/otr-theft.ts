/**
 * A thief copies a device's keys (a thief observer; lib/scenarios/observer-steps.ts turns each theft into a 'keys-stolen'
 * action on the robbed client, which emits the 'keys-stolen' fact). The device itself notices nothing
 * and changes nothing; the notes say exactly what the copy holds of OTR at this moment, which is what
 * the thief's keyring will hold (lib/knowledge/e2e-keyring.ts): the DH keys the OTR sessions hold
 * now, the long-term DSA key.
 * @module
 */
import type { NoteKey } from '../../narration/notes';
import { fingerprint, fingerprintHuman, publicPart } from '../../otr/dsa';
import type { HostOutput, StolenKind } from '../../sim/types';
import type { OtrClientState } from './otr-client';
import { heldDhKeys } from './otr-held-keys';

function note(key: NoteKey, params: Record<string, string | number>): HostOutput {
  return { type: 'note', note: { key, params } };
}

export function stolenOtrKeys(client: string, thief: string, what: readonly StolenKind[], otr: OtrClientState): HostOutput[] {
  const out: HostOutput[] = [];
  const base = { node: client, thief };
  if (what.includes('otr-session')) {
    const held = Object.entries(otr.sessions).flatMap(([peer, st]) => {
      const ids = heldDhKeys(st).map((k) => `#${k.keyid}`);
      return ids.length ? [`${ids.join(', ')} (${peer})`] : [];
    });
    out.push(held.length ? note('thief.otr-session', { ...base, keys: held.join('; ') }) : note('thief.otr-session-empty', base));
  }
  if (what.includes('long-term-keys')) {
    out.push(otr.dsa ? note('thief.long-term-keys', { ...base, fingerprint: fingerprintHuman(fingerprint(publicPart(otr.dsa))) }) : note('thief.long-term-keys-none', base));
  }
  return out;
}
