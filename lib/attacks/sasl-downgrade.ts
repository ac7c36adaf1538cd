/**
 * A SASL downgrade: an active attacker on the link removes the strong mechanisms (every SCRAM) from
 * the server's `<mechanisms/>` offer, so that a client which also accepts PLAIN sends its password
 * (RFC 6120 §6.4.1: the offer is the server's word, unauthenticated before TLS). With `config.stripStarttls`
 * it also cuts the `<starttls/>` offer (lib/attacks/starttls-strip.ts), so the list stays in reach.
 *
 * Inside TLS it can neither read the offer nor change it: the first record it cannot open is narrated,
 * then everything passes unchanged.
 * @module
 */
import type { MiddleboxMachine, MiddleboxOutput, Packet } from '../sim/types';
import { clearText, cutMatches } from './packet-edit';
import { STARTTLS } from './starttls-strip';

export interface DowngradeState {
  id: string;
  stripStarttls: boolean;
  /** It met a TLS record on this link (and said so). */
  blind: boolean;
}

/** `<mechanism>SCRAM-…</mechanism>`, any SCRAM variant with or without -PLUS. */
const SCRAM = /<mechanism>SCRAM-[A-Z0-9-]+<\/mechanism>/g;

function edit(s: DowngradeState, p: Packet): Packet | null {
  const scramless = cutMatches(p, SCRAM);
  if (!s.stripStarttls) return scramless;
  return cutMatches(scramless ?? p, STARTTLS) ?? scramless;
}

export const saslDowngrade: MiddleboxMachine<DowngradeState> = {
  role: 'middlebox',
  init: (spec) => ({ id: spec.id, stripStarttls: spec.config?.stripStarttls === true, blind: false }),
  handle(s, input): MiddleboxOutput[] {
    if (input.type !== 'packet') return [];
    const p = input.packet;
    const text = clearText(p);
    if (text === null) {
      if (s.blind) return [{ type: 'forward', packet: p }];
      s.blind = true;
      return [{ type: 'forward', packet: p, note: { key: 'attack.downgrade-blind', params: { middlebox: s.id, from: p.from, to: p.to } } }];
    }
    const edited = text.includes('<stream:features') ? edit(s, p) : null;
    if (edited === null) return [{ type: 'forward', packet: p }];
    const key = s.stripStarttls && text.includes('<starttls') ? 'attack.downgrade-and-strip' : 'attack.sasl-downgraded';
    return [{ type: 'forward', packet: edited, note: { key, params: { middlebox: s.id, server: p.from, client: p.to } } }];
  },
};
