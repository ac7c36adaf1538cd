/**
 * A STUN client transaction over UDP, RFC 8489 §6.2.1 (retransmissions) and §6.3.3 (processing a
 * response). Sans-I/O: the caller sends the `send` outputs, arms a timer at `timer.at` and feeds
 * `onTimer(now)`, and hands every received datagram to `onDatagram`. Plain-data state.
 * @module
 */
import { decodeMessage, type DecodedMessage } from './message';
import { checkFingerprint, checkIntegrity } from './integrity';
import { errorOf, reflexiveAddress } from './binding';
import type { TransportAddress } from './attributes';

export interface TransactionOptions {
  /** §6.2.1: "the initial value for RTO SHOULD be configurable and SHOULD be greater than or equal to 500 ms". */
  readonly rto?: number;
  /** §6.2.1: "Rc SHOULD be configurable and SHOULD have a default of 7." */
  readonly rc?: number;
  /** §6.2.1: "Rm SHOULD be configurable and SHOULD have a default of 16." */
  readonly rm?: number;
  /** With short-term credentials, a response must carry a valid MESSAGE-INTEGRITY (§9.1.4). */
  readonly integrityKey?: Uint8Array;
}

export interface ClientTransaction {
  readonly status: 'waiting' | 'succeeded' | 'failed' | 'timed-out';
  readonly transactionId: Uint8Array;
  readonly request: Uint8Array;
  readonly startedAt: number;
  /** Requests sent so far (the first included). */
  readonly sent: number;
  /** When the next timer fires: a retransmission, or the final timeout. */
  readonly nextAt: number;
  readonly rto: number;
  readonly rc: number;
  readonly rm: number;
  readonly integrityKey?: Uint8Array;
}

export type TransactionOutput =
  | { readonly type: 'send'; readonly bytes: Uint8Array; readonly attempt: number }
  | { readonly type: 'timer'; readonly at: number }
  | { readonly type: 'success'; readonly message: DecodedMessage; readonly mapped: TransportAddress | null }
  | { readonly type: 'error-response'; readonly message: DecodedMessage; readonly code: number | null; readonly reason: string }
  | { readonly type: 'timeout'; readonly sent: number }
  | { readonly type: 'ignored'; readonly reason: string };

export interface Step {
  readonly state: ClientTransaction;
  readonly outputs: readonly TransactionOutput[];
}

/**
 * §6.2.1: "Retransmissions SHOULD be sent at intervals of RTO, doubling after each retransmission"
 * — so request i (from 0) leaves at start + RTO·(2^i − 1): "0 ms, 500 ms, 1500 ms, 3500 ms, 7500 ms,
 * 15500 ms, and 31500 ms". "If, after the last request, a duration equal to Rm times the RTO has
 * passed without a response ... the client SHOULD consider the transaction to have failed"
 * (39500 ms in the RFC's example).
 */
function sendTime(t: Pick<ClientTransaction, 'startedAt' | 'rto'>, attempt: number): number {
  return t.startedAt + t.rto * (2 ** attempt - 1);
}

function deadlineAfter(t: ClientTransaction, sent: number): number {
  return sent < t.rc ? sendTime(t, sent) : sendTime(t, t.rc - 1) + t.rm * t.rto;
}

/** Sends the request now (the caller encoded it, with whatever attributes it needs). */
export function startTransaction(request: Uint8Array, now: number, options: TransactionOptions = {}): Step {
  const decoded = decodeMessage(request);
  if (!decoded.ok || decoded.message.cls !== 'request') throw new Error('stun: startTransaction needs an encoded request');
  const base: ClientTransaction = {
    status: 'waiting',
    transactionId: decoded.message.transactionId,
    request,
    startedAt: now,
    sent: 1,
    nextAt: 0,
    rto: options.rto ?? 500,
    rc: options.rc ?? 7,
    rm: options.rm ?? 16,
    ...(options.integrityKey ? { integrityKey: options.integrityKey } : {}),
  };
  const state = { ...base, nextAt: deadlineAfter(base, 1) };
  return { state, outputs: [{ type: 'send', bytes: request, attempt: 0 }, { type: 'timer', at: state.nextAt }] };
}

/** The timer fired (or the caller polls): retransmit, or give up after Rc sends and Rm·RTO. */
export function onTimer(t: ClientTransaction, now: number): Step {
  if (t.status !== 'waiting' || now < t.nextAt) return { state: t, outputs: [] };
  if (t.sent < t.rc) {
    const state = { ...t, sent: t.sent + 1, nextAt: deadlineAfter(t, t.sent + 1) };
    return { state, outputs: [{ type: 'send', bytes: t.request, attempt: t.sent }, { type: 'timer', at: state.nextAt }] };
  }
  return { state: { ...t, status: 'timed-out' }, outputs: [{ type: 'timeout', sent: t.sent }] };
}

const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * §6.3.3: a response matches by transaction ID (§6.3: "the transaction ID ... match a transaction
 * that is still in progress"); a 2xx carries the reflexive address, an error response ends the
 * transaction with its code. Anything else is ignored, not an error: a late duplicate, a stray
 * datagram, a FINGERPRINT that does not check out (§7.2: a demultiplexing aid).
 */
export function onDatagram(t: ClientTransaction, bytes: Uint8Array): Step {
  const ignore = (reason: string): Step => ({ state: t, outputs: [{ type: 'ignored', reason }] });
  const d = decodeMessage(bytes);
  if (!d.ok) return ignore(`not STUN: ${d.error}`);
  const m = d.message;
  if (m.classic) return ignore('no magic cookie (not an RFC 8489 response)');
  if (!bytesEqual(m.transactionId, t.transactionId)) return ignore('transaction ID of another transaction');
  if (t.status !== 'waiting') return ignore(`transaction already ${t.status}`);
  if (m.cls !== 'success' && m.cls !== 'error') return ignore(`a ${m.cls}, not a response`);
  if (checkFingerprint(m) === 'invalid') return ignore('FINGERPRINT does not match');
  if (t.integrityKey && checkIntegrity(m, t.integrityKey) !== 'valid') return ignore('MESSAGE-INTEGRITY missing or wrong');
  if (m.cls === 'success') return { state: { ...t, status: 'succeeded' }, outputs: [{ type: 'success', message: m, mapped: reflexiveAddress(m) }] };
  const err = errorOf(m);
  return {
    state: { ...t, status: 'failed' },
    outputs: [{ type: 'error-response', message: m, code: err?.code ?? null, reason: err?.reason ?? 'ERROR-CODE missing or malformed' }],
  };
}
