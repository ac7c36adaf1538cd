/**
 * STARTTLS stripping: an active attacker on the link between a client and its server removes the
 * `<starttls/>` offer from the server's stream features (RFC 6120 §5.3.1: the features before TLS
 * travel in clear, unauthenticated). The client cannot tell a server without TLS from an attacker who
 * cut the offer out; only its own policy helps — a client that requires TLS refuses to go on (§13.8),
 * a lax one logs in on a link everyone can read, and the attacker's tap reads the password.
 *
 * Everything else passes unchanged; a packet inside TLS cannot be read, let alone edited.
 * @module
 */
import type { MiddleboxMachine, MiddleboxOutput } from '../sim/types';
import { clearText, cutMatches } from './packet-edit';

export interface StripState {
  id: string;
  /** How many offers it has cut out. */
  stripped: number;
}

/** `<starttls xmlns='…'/>` or `<starttls xmlns='…'><required/></starttls>`. */
export const STARTTLS = /<starttls\b[^>]*?(?:\/>|>[\s\S]*?<\/starttls>)/g;

export const starttlsStrip: MiddleboxMachine<StripState> = {
  role: 'middlebox',
  init: (spec) => ({ id: spec.id, stripped: 0 }),
  handle(s, input): MiddleboxOutput[] {
    if (input.type !== 'packet') return [];
    const p = input.packet;
    const text = clearText(p);
    const edited = text !== null && text.includes('<stream:features') ? cutMatches(p, STARTTLS) : null;
    if (edited === null) return [{ type: 'forward', packet: p }];
    s.stripped += 1;
    return [{ type: 'forward', packet: edited, note: { key: 'attack.starttls-stripped', params: { middlebox: s.id, server: p.from, client: p.to } } }];
  },
};
