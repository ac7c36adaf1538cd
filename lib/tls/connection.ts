/**
 * What both ends do with records, whatever their role: cut the byte stream into records (RFC 8446
 * §5.1), remove protection (§5.2), tolerate the compatibility change_cipher_spec (§5, Appendix D.4),
 * reassemble handshake messages across records (§5.1), deliver alerts (§6) and application data,
 * and on our side put queued handshake messages and application data into (protected) records.
 * A peer's error ends the connection with the alert §6.2 names for it: we send it, report it and
 * go to 'failed'; nothing here throws for anything a peer sends.
 * @module
 */
import { concat } from '../bytes/hex';
import { AlertDescription, decodeAlert, encodeAlert, fail, type Alert, type AlertName } from './alert';
import { ContentType, TLS12 } from './constants';
import { splitHandshakes } from './handshake-codec';
import { encodeRecord, MAX_PLAINTEXT, protectRecord, splitRecords, unprotectRecord, type RawRecord } from './record';
import { nextPhase, type TlsTransition, type TlsTrigger } from './table';
import { trafficKeys } from './traffic-keys';
import type { Core, Direction, Step } from './state';

type Terminal = 'closed' | 'failed';

/** The largest handshake message we accept: certificate chains fit well within 256 KiB. */
const MAX_HANDSHAKE_MESSAGE = 2 ** 18;
export type AnyCore = Core<string>;

const isTerminal = (phase: string): phase is Terminal => phase === 'closed' || phase === 'failed';

/** Moves along a row of the table; a missing row is our bug, not the peer's: throw, labelled. */
export function go<P extends string>(step: Step<Core<P>>, table: readonly TlsTransition<P>[], on: TlsTrigger): void {
  const to = nextPhase(table, step.state.phase, on);
  if (to === null) throw new Error(`tls/connection: no transition from '${step.state.phase}' on '${on}'`);
  step.state = { ...step.state, phase: to };
}

/** Handshake messages leave in records of at most 2^14 octets (§5.1), protected when keys are set. */
export function flush(step: Step<AnyCore>, legacyVersion: number = TLS12): void {
  const s = step.state;
  if (s.pending.length === 0) return;
  const all = concat(...s.pending);
  let write = s.write;
  for (let pos = 0; pos < all.length; pos += MAX_PLAINTEXT) {
    const fragment = all.subarray(pos, pos + MAX_PLAINTEXT);
    if (write.keys) {
      step.out.push(protectRecord(write.keys, write.seq, ContentType.handshake, fragment));
      write = { ...write, seq: write.seq + 1 };
    } else step.out.push(encodeRecord(ContentType.handshake, fragment, legacyVersion));
  }
  step.state = { ...s, pending: [], write };
}

/** §7.3: "the sender … switches to the new keys" — whatever was queued goes out under the old ones first. */
export function setWriteSecret(step: Step<AnyCore>, secret: Uint8Array, epoch: Direction['epoch']): void {
  flush(step);
  step.state = { ...step.state, write: { keys: trafficKeys(secret), seq: 0, epoch, secret, generation: 0 } };
}
export function setReadSecret(step: Step<AnyCore>, secret: Uint8Array, epoch: Direction['epoch']): void {
  step.state = { ...step.state, read: { keys: trafficKeys(secret), seq: 0, epoch, secret, generation: 0 } };
}

/** One record of ours: protected under the write keys if there are any. */
function emit(step: Step<AnyCore>, type: number, content: Uint8Array, padding = 0): void {
  const w = step.state.write;
  if (w.keys) {
    step.out.push(protectRecord(w.keys, w.seq, type, content, padding));
    step.state = { ...step.state, write: { ...w, seq: w.seq + 1 } };
  } else step.out.push(encodeRecord(type, content));
}

/** §6.2: "Upon transmission or receipt of a fatal alert message, both parties MUST immediately close the connection." */
export function fatal(step: Step<AnyCore>, alert: Alert): void {
  if (isTerminal(step.state.phase)) return;
  step.state = { ...step.state, pending: [] };
  // Only names of §6 go on the wire; `unknown(n)` only ever describes what a peer sent.
  if (alert.name !== 'close_notify' && alert.name in AlertDescription) emit(step, ContentType.alert, encodeAlert(alert.name as AlertName));
  step.events.push({ type: 'alert', alert, sent: true });
  step.state = { ...step.state, phase: 'failed' };
}

/** Called with each whole handshake message; it may queue messages, switch keys, change phase or call `fatal`. */
export type HandshakeHandler<S extends AnyCore> = (step: Step<S>, message: Uint8Array) => void;

/** Is the peer's Finished still to come? (§5: the window in which a compatibility CCS may arrive) */
export type AwaitingPeerFinished<S extends AnyCore> = (state: S) => boolean;

export function receiveRecords<S extends AnyCore>(
  state: S,
  bytes: Uint8Array,
  onHandshake: HandshakeHandler<S>,
  awaitingPeerFinished: AwaitingPeerFinished<S>,
  table: readonly TlsTransition<S['phase']>[],
): Step<S> {
  const step: Step<S> = { state, out: [], events: [] };
  // §6.1: "Any data received after a closure alert has been received MUST be ignored." So must any after a fatal alert.
  if (isTerminal(state.phase)) return step;
  const split = splitRecords(concat(state.inbox, bytes));
  step.state = { ...step.state, inbox: split.rest };
  for (const record of split.records) {
    handleRecord(step, record, onHandshake, awaitingPeerFinished, table);
    if (isTerminal(step.state.phase)) return step;
  }
  if (split.alert) fatal(step as Step<AnyCore>, split.alert);
  else flush(step as Step<AnyCore>);
  return step;
}

function handleRecord<S extends AnyCore>(
  step: Step<S>,
  record: RawRecord,
  onHandshake: HandshakeHandler<S>,
  awaitingPeerFinished: AwaitingPeerFinished<S>,
  table: readonly TlsTransition<S['phase']>[],
): void {
  const anyStep = step as Step<AnyCore>;
  if (record.type === ContentType.change_cipher_spec) {
    // §5: "An implementation may receive an unencrypted record of type change_cipher_spec consisting
    // of the single byte value 0x01 at any time after the first ClientHello message has been sent or
    // received and before the peer's Finished message has been received and MUST simply drop it
    // without further processing." Anything else: "unexpected_message".
    const ok =
      record.fragment.length === 1 && record.fragment[0] === 1 && step.state.transcript.length > 0 && awaitingPeerFinished(step.state);
    if (!ok) fatal(anyStep, fail('unexpected_message', 'change_cipher_spec outside the handshake, or not 0x01'));
    return;
  }
  let type: number;
  let content: Uint8Array;
  const read = step.state.read;
  // §6: alerts are "encrypted as specified by the current connection state". A peer that rejects our
  // first encrypted flight (say, our certificate) may still write in plaintext — OpenSSL's client
  // does — so until a record has come under the handshake keys a plaintext alert is the peer's
  // alert (OpenSSL's server allows the same: ENC_READ_STATE_ALLOW_PLAIN_ALERTS).
  const plainAlert = record.type === ContentType.alert && read.epoch === 'handshake' && read.seq === 0 && awaitingPeerFinished(step.state);
  if (read.keys && !plainAlert) {
    const opened = unprotectRecord(read.keys, read.seq, record);
    if (!opened.ok && step.state.earlyDataToSkip >= record.fragment.length && record.type === ContentType.application_data) {
      // §4.2.10: "discarding records which fail deprotection (up to the configured max_early_data_size)"
      step.state = { ...step.state, earlyDataToSkip: step.state.earlyDataToSkip - record.fragment.length };
      return;
    }
    if (!opened.ok) return fatal(anyStep, opened.alert);
    // Once a record deprotects under the handshake keys, early data is over.
    if (step.state.earlyDataToSkip > 0) step.state = { ...step.state, earlyDataToSkip: 0 };
    step.state = { ...step.state, read: { ...read, seq: read.seq + 1 } };
    ({ type, content } = opened);
  } else {
    // §5.1: TLSPlaintext.length "MUST NOT exceed 2^14 bytes".
    if (record.fragment.length > MAX_PLAINTEXT) return fatal(anyStep, fail('record_overflow', 'plaintext record over 2^14'));
    if (record.type === ContentType.application_data)
      return fatal(anyStep, fail('unexpected_message', 'application data before the handshake keys'));
    type = record.type;
    content = record.fragment;
  }

  if (type === ContentType.handshake) {
    // §5.1: "Implementations MUST NOT send zero-length fragments of Handshake types"
    if (content.length === 0) return fatal(anyStep, fail('unexpected_message', 'empty handshake record'));
    const { messages, rest } = splitHandshakes(concat(step.state.handshakeInbox, content));
    // Not a limit of RFC 8446 but of ours, so that a peer cannot make us buffer 2^24 octets: OpenSSL
    // answers an excessive message size with illegal_parameter too.
    if (rest.length >= 4 && ((rest[1]! << 16) | (rest[2]! << 8) | rest[3]!) > MAX_HANDSHAKE_MESSAGE)
      return fatal(anyStep, fail('illegal_parameter', `handshake message over ${MAX_HANDSHAKE_MESSAGE} octets`));
    step.state = { ...step.state, handshakeInbox: rest };
    for (let i = 0; i < messages.length; i++) {
      const before = step.state.read;
      onHandshake(step, messages[i]!);
      if (isTerminal(step.state.phase)) return;
      // §5.1: "Handshake messages MUST NOT span key changes. Implementations MUST verify that all
      // messages immediately preceding a key change align with a record boundary; if not, then they
      // MUST terminate the connection with an "unexpected_message" alert."
      if (step.state.read !== before && step.state.read.keys !== before.keys && (i < messages.length - 1 || rest.length > 0))
        return fatal(anyStep, fail('unexpected_message', 'handshake message spans a key change'));
    }
    return;
  }
  if (type === ContentType.alert) {
    const alert = decodeAlert(content);
    if (!alert) return fatal(anyStep, fail('decode_error', 'alert record is not two octets'));
    step.events.push({ type: 'alert', alert, sent: false });
    if (alert.name === 'close_notify') {
      // §6.1: "Each party MUST send a "close_notify" alert before closing its write side": we answer with ours.
      if (!step.state.sentCloseNotify) emit(anyStep, ContentType.alert, encodeAlert('close_notify'));
      step.state = { ...step.state, receivedCloseNotify: true, sentCloseNotify: true };
      go(step as Step<S>, table as never, 'close-notify');
    } else step.state = { ...step.state, phase: 'failed' }; // §6.2: a received error alert ends it, unanswered
    return;
  }
  if (type === ContentType.application_data) {
    if (step.state.phase !== 'connected')
      return fatal(anyStep, fail('unexpected_message', 'application data before the handshake completed'));
    step.events.push({ type: 'application-data', data: content });
    return;
  }
  // A protected change_cipher_spec: §5 "MUST abort the handshake with an "unexpected_message" alert".
  fatal(anyStep, fail('unexpected_message', `content type ${type} not allowed here`));
}

/**
 * §5.1: application data in records of at most 2^14 octets, under the application traffic keys.
 * §5.4 padding: `padding` zero octets are added to each record ("Padding is a string of zero-valued
 * bytes appended to the ContentType field"), up to what keeps TLSInnerPlaintext within 2^14 + 1.
 */
export function sendApplicationData<S extends AnyCore>(state: S, data: Uint8Array, padding = 0): Step<S> {
  if (state.phase !== 'connected' || state.sentCloseNotify)
    throw new Error(`tls/connection: cannot send application data in phase '${state.phase}'${state.sentCloseNotify ? ' after close_notify' : ''}`);
  if (!Number.isInteger(padding) || padding < 0) throw new Error('tls/connection: padding must be a non-negative integer');
  const step: Step<S> = { state, out: [], events: [] };
  for (let pos = 0; pos === 0 || pos < data.length; pos += MAX_PLAINTEXT) {
    const chunk = data.subarray(pos, pos + MAX_PLAINTEXT);
    emit(step as Step<AnyCore>, ContentType.application_data, chunk, Math.min(padding, MAX_PLAINTEXT - chunk.length));
  }
  return step;
}

/** §6.1: close_notify — "notifies the recipient that the sender will not send any more messages on this connection". */
export function closeConnection<S extends AnyCore>(state: S, table: readonly TlsTransition<S['phase']>[]): Step<S> {
  const step: Step<S> = { state, out: [], events: [] };
  if (isTerminal(state.phase) || state.sentCloseNotify) return step;
  emit(step as Step<AnyCore>, ContentType.alert, encodeAlert('close_notify'));
  step.events.push({ type: 'alert', alert: { name: 'close_notify' }, sent: true });
  step.state = { ...step.state, sentCloseNotify: true };
  // §6.1: "Either party MAY initiate a close of its write side of the connection by sending a
  // "close_notify" alert." A connected end may still read until the peer's close_notify arrives;
  // one that closes mid-handshake has nothing left to read.
  if (step.state.phase !== 'connected') {
    const to = nextPhase(table, step.state.phase, 'close-notify');
    step.state = { ...step.state, phase: to ?? 'closed' };
  }
  return step;
}

export const newCore = <P extends string>(phase: P): Core<P> => ({
  phase,
  inbox: new Uint8Array(0),
  handshakeInbox: new Uint8Array(0),
  read: { keys: null, seq: 0, epoch: 'plaintext', secret: null, generation: 0 },
  write: { keys: null, seq: 0, epoch: 'plaintext', secret: null, generation: 0 },
  transcript: [],
  pending: [],
  secrets: { clientRandom: null },
  sentCloseNotify: false,
  receivedCloseNotify: false,
  earlyDataToSkip: 0,
});
