/**
 * The SMP state machine over TLVs (OTR v3 spec, "The SMP state machine": the five received-TLV
 * actions and the two user actions): decodes TLVs 2–7, checks smpstate, runs the arithmetic of
 * `smp.ts`, and returns the TLVs to send (the session puts them in Data Messages) and the events.
 * Any peer error — wrong state, malformed TLV, failed proof — aborts SMP: back to EXPECT1 and a
 * type 6 TLV to the other side ("encounters an error in the protocol and cannot continue").
 * @module
 */
import { CodecError } from './codec';
import { newSmpState, smpHandle1, smpHandle2, smpHandle3, smpHandle4, smpSecret, smpStep1, smpStep2, type SmpState } from './smp';
import {
  decodeSmp1Q,
  decodeSmpMpis,
  encodeSmp1Q,
  encodeSmpMpis,
  TLV_SMP1,
  TLV_SMP1Q,
  TLV_SMP2,
  TLV_SMP3,
  TLV_SMP4,
  TLV_SMP_ABORT,
  type Tlv,
} from './tlv';

export const SMP_TLV_TYPES = [TLV_SMP1, TLV_SMP1Q, TLV_SMP2, TLV_SMP3, TLV_SMP4, TLV_SMP_ABORT];

export type Trust = 'smp' | null;

export type SmpEvent =
  | { type: 'smp'; kind: 'request'; question: string | null }
  | { type: 'smp'; kind: 'progress'; step: 2 | 3 }
  | { type: 'smp'; kind: 'result'; success: boolean; trust: Trust }
  | { type: 'smp'; kind: 'aborted' }
  | { type: 'smp'; kind: 'cheated'; reason: string };

/** What SMP needs from the session: randomness, both fingerprints, the ssid. */
export interface SmpContext {
  randomBytes: (n: number) => Uint8Array;
  ourFingerprint: Uint8Array;
  theirFingerprint: Uint8Array;
  ssid: Uint8Array;
}

export interface SmpOutput {
  send: Tlv[];
  events: SmpEvent[];
  /** trust after this step ('smp' after success; as libotr, unchanged for a responder who was asked a question) */
  trust: Trust;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
export const smpAbortTlv = (): Tlv => ({ type: TLV_SMP_ABORT, value: new Uint8Array(0) });

function cheated(sm: SmpState, reason: string, trust: Trust): SmpOutput {
  Object.assign(sm, newSmpState());
  return { send: [smpAbortTlv()], events: [{ type: 'smp', kind: 'cheated', reason }], trust };
}

/** The "Received TLVs" actions; `sm` is updated in place. */
export function smpReceiveTlv(sm: SmpState, t: Tlv, ctx: SmpContext, trust: Trust): SmpOutput {
  if (t.type === TLV_SMP_ABORT) {
    // "If you receive a TLV of this type, you should change the SMP state to SMP_EXPECT1"
    Object.assign(sm, newSmpState());
    return { send: [], events: [{ type: 'smp', kind: 'aborted' }], trust };
  }
  const expected = { [TLV_SMP1]: 1, [TLV_SMP1Q]: 1, [TLV_SMP2]: 2, [TLV_SMP3]: 3, [TLV_SMP4]: 4 }[t.type];
  // "If smpstate is not SMPSTATE_EXPECTn: Set smpstate to SMPSTATE_EXPECT1 and send a type 6 TLV"
  if (expected !== sm.expect) return cheated(sm, `unexpected SMP TLV ${t.type} in EXPECT${sm.expect}`, trust);
  let mpis: bigint[];
  let question: string | null = null;
  try {
    if (t.type === TLV_SMP1Q) ({ question, mpis } = decodeSmp1Q(t.value));
    else mpis = decodeSmpMpis(t.value);
  } catch (e) {
    if (e instanceof CodecError) return cheated(sm, e.message, trust);
    throw e;
  }
  switch (t.type) {
    case TLV_SMP1:
    case TLV_SMP1Q: {
      const err = smpHandle1(sm, mpis, question);
      if (err) return cheated(sm, err, trust);
      return { send: [], events: [{ type: 'smp', kind: 'request', question }], trust };
    }
    case TLV_SMP2: {
      const reply = smpHandle2(sm, mpis, ctx.randomBytes);
      if (typeof reply === 'string') return cheated(sm, reply, trust);
      return { send: [{ type: TLV_SMP3, value: encodeSmpMpis(reply) }], events: [{ type: 'smp', kind: 'progress', step: 3 }], trust };
    }
    case TLV_SMP3: {
      const asked = sm.question !== null;
      const res = smpHandle3(sm, mpis, ctx.randomBytes);
      if (typeof res === 'string') return cheated(sm, res, trust);
      const after = asked ? trust : res.success ? 'smp' : null;
      return {
        send: [{ type: TLV_SMP4, value: encodeSmpMpis(res.reply) }],
        events: [{ type: 'smp', kind: 'result', success: res.success, trust: after }],
        trust: after,
      };
    }
    default: {
      const res = smpHandle4(sm, mpis);
      if (typeof res === 'string') return cheated(sm, res, trust);
      const after = res.success ? 'smp' : null;
      return { send: [], events: [{ type: 'smp', kind: 'result', success: res.success, trust: after }], trust: after };
    }
  }
}

/** "User requests to begin SMP": TLV 2, or TLV 7 with a question (an abort first if one is underway). */
export function smpBegin(sm: SmpState, secret: string, question: string | null, ctx: SmpContext): Tlv[] {
  const out: Tlv[] = [];
  // "If smpstate is not set to SMPSTATE_EXPECT1: … send a type 6 TLV (SMP abort) … then proceed"
  if (sm.expect !== 1 || sm.awaitingSecret) out.push(smpAbortTlv());
  const x = smpSecret(ctx.ourFingerprint, ctx.theirFingerprint, ctx.ssid, utf8(secret));
  const mpis = smpStep1(sm, x, ctx.randomBytes);
  out.push(question === null ? { type: TLV_SMP1, value: encodeSmpMpis(mpis) } : { type: TLV_SMP1Q, value: encodeSmp1Q(question, mpis) });
  return out;
}

/** The responder's answer to a request: TLV 3 (SMP message 2). The initiator's fingerprint comes first. */
export function smpAnswer(sm: SmpState, secret: string, ctx: SmpContext): Tlv {
  if (!sm.awaitingSecret) throw new Error('otr/smp: no SMP request to answer');
  const y = smpSecret(ctx.theirFingerprint, ctx.ourFingerprint, ctx.ssid, utf8(secret));
  return { type: TLV_SMP2, value: encodeSmpMpis(smpStep2(sm, y, ctx.randomBytes)) };
}
