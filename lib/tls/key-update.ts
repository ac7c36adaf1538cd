/**
 * KeyUpdate (RFC 8446 §4.6.3, §7.2): after the handshake either end may move its sending keys on.
 *   application_traffic_secret_N+1 = HKDF-Expand-Label(application_traffic_secret_N, "traffic upd", "", Hash.length)
 * "Upon receiving a KeyUpdate, the receiver MUST update its receiving keys"; "If the request_update
 * field is set to "update_requested", then the receiver MUST send a KeyUpdate of its own with
 * request_update set to "update_not_requested" prior to sending its next Application Data record."
 * "If an implementation receives any other value [than 0 or 1], it MUST terminate the connection
 * with an "illegal_parameter" alert." Before the handshake completes a KeyUpdate is an
 * unexpected_message.
 * @module
 */
import { fail } from './alert';
import { encodeHandshake, type KeyUpdate } from './handshake-codec';
import { HASH_LEN, hkdfExpandLabel } from './key-schedule';
import { fatal, flush, type AnyCore } from './connection';
import { trafficKeys } from './traffic-keys';
import type { Direction, Step } from './state';

export const nextTrafficSecret = (secret: Uint8Array): Uint8Array =>
  hkdfExpandLabel(secret, 'traffic upd', new Uint8Array(0), HASH_LEN);

const advance = (d: Direction): Direction => {
  const secret = nextTrafficSecret(d.secret!);
  return { ...d, keys: trafficKeys(secret), secret, seq: 0, generation: d.generation + 1 };
};

/** A KeyUpdate from the peer, received while connected. */
export function onKeyUpdate(step: Step<AnyCore>, m: KeyUpdate): void {
  if (step.state.phase !== 'connected') return fatal(step, fail('unexpected_message', 'KeyUpdate before the handshake completed'));
  if (m.requestUpdate > 1) return fatal(step, fail('illegal_parameter', `request_update ${m.requestUpdate}`));
  step.state = { ...step.state, read: advance(step.state.read) };
  if (m.requestUpdate === 1 && !step.state.sentCloseNotify) queueKeyUpdate(step, 0);
}

/** Sends a KeyUpdate under the current keys, then moves our sending keys on. */
function queueKeyUpdate(step: Step<AnyCore>, requestUpdate: 0 | 1): void {
  const m: KeyUpdate = { type: 'key_update', requestUpdate };
  const bytes = encodeHandshake(m);
  step.state = { ...step.state, pending: [...step.state.pending, bytes] };
  step.events.push({ type: 'handshake', direction: 'sent', message: m, bytes });
  flush(step);
  step.state = { ...step.state, write: advance(step.state.write) };
}

/** Our own KeyUpdate (e.g. after many records); `requestPeer` asks the peer to update too. */
export function sendKeyUpdate<S extends AnyCore>(state: S, requestPeer: boolean): Step<S> {
  if (state.phase !== 'connected' || state.sentCloseNotify)
    throw new Error(`tls/key-update: cannot update keys in phase '${state.phase}'`);
  const step: Step<S> = { state, out: [], events: [] };
  queueKeyUpdate(step as Step<AnyCore>, requestPeer ? 1 : 0);
  return step;
}
