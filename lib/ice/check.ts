/**
 * ICE connectivity checks, RFC 8445 §7.1–§7.3: a STUN Binding request with short-term credentials
 * from the peer's ufrag and password, PRIORITY, ICE-CONTROLLING or ICE-CONTROLLED with a 64-bit
 * tie-breaker, USE-CANDIDATE to nominate; the answer (§7.3: XOR-MAPPED-ADDRESS, signed with our
 * password), role conflicts (§7.3.1.1, 487), and reading the response (§7.2.5). Sans-I/O; bytes from
 * the network give values, never exceptions.
 * @module
 */
import { ATTR, decodeText, textValue, type TransportAddress } from '../stun/attributes';
import { bindingSuccess, errorOf, errorResponse, reflexiveAddress } from '../stun/binding';
import { checkFingerprint, checkIntegrity, encodeSigned, shortTermKey } from '../stun/integrity';
import { decodeMessage, findAttribute, METHOD_BINDING, type EncodeOptions, type StunAttribute } from '../stun/message';
import type { Role } from './checklist';

/** RFC 8445 §16.1: the STUN attributes ICE adds. */
export const ICE_ATTR = {
  PRIORITY: 0x0024,
  USE_CANDIDATE: 0x0025,
  ICE_CONTROLLED: 0x8029,
  ICE_CONTROLLING: 0x802a,
} as const;

export interface CheckRequest {
  readonly transactionId: Uint8Array;
  /** §7.2.2: "RFRAG:LFRAG", the peer's ufrag first. */
  readonly localUfrag: string;
  readonly remoteUfrag: string;
  /** §7.2.2: the request is signed with the peer's password (short-term credentials, RFC 8489 §9.1). */
  readonly remotePassword: string;
  /** §7.1.1: the priority a peer-reflexive candidate learned from this check would get (type preference 110). */
  readonly priority: number;
  readonly role: Role;
  /** §7.1.3: 64 random bits, 8 bytes. */
  readonly tieBreaker: Uint8Array;
  /** §8.1.1: regular nomination — the controlling agent repeats a check on a valid pair with it. */
  readonly useCandidate?: boolean;
  readonly software?: string;
}

const u32 = (n: number): Uint8Array => new Uint8Array([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);

/**
 * §7.1: the Binding request of a check, with FINGERPRINT ("the agent MUST include the FINGERPRINT",
 * RFC 8445 §7.2.2 via RFC 8489 §7.3). `pad` only for rebuilding RFC 5769 §2.1, which pads with spaces.
 */
export function checkRequest(r: CheckRequest, encode: EncodeOptions = {}): Uint8Array {
  if (r.tieBreaker.length !== 8) throw new RangeError('ice: the tie-breaker is 64 bits');
  if (r.useCandidate && r.role !== 'controlling') throw new Error('ice: only the controlling agent sends USE-CANDIDATE');
  const attributes: StunAttribute[] = [
    ...(r.software ? [{ type: ATTR.SOFTWARE, value: textValue(r.software) }] : []),
    { type: ICE_ATTR.PRIORITY, value: u32(r.priority) },
    { type: r.role === 'controlling' ? ICE_ATTR.ICE_CONTROLLING : ICE_ATTR.ICE_CONTROLLED, value: r.tieBreaker },
    ...(r.useCandidate ? [{ type: ICE_ATTR.USE_CANDIDATE, value: new Uint8Array(0) }] : []),
    { type: ATTR.USERNAME, value: textValue(`${r.remoteUfrag}:${r.localUfrag}`) },
  ];
  return encodeSigned({ method: METHOD_BINDING, cls: 'request', transactionId: r.transactionId, attributes }, { ...encode, integrityKey: shortTermKey(r.remotePassword), fingerprint: true });
}

export interface Agent {
  readonly ufrag: string;
  readonly password: string;
  readonly role: Role;
  readonly tieBreaker: Uint8Array;
}

export type AnswerEvent =
  /**
   * A valid check, answered; `useCandidate` and `priority` for the checklist (§7.3.1.4, §7.3.1.5).
   * `switchedTo`: both claimed the same role and the tie-break made us switch (§7.3.1.1).
   */
  | { readonly type: 'answered'; readonly remoteUfrag: string; readonly priority: number; readonly useCandidate: boolean; readonly source: TransportAddress; readonly switchedTo?: Role }
  /** §7.3.1.1: both claim the same role and ours wins: 487, the peer must switch. */
  | { readonly type: 'role-conflict' }
  | { readonly type: 'rejected'; readonly code: number; readonly reason: string }
  | { readonly type: 'dropped'; readonly reason: string };

const compare = (a: Uint8Array, b: Uint8Array): number => {
  for (let i = 0; i < 8; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

/**
 * §7.3: answers a check that arrived from `source`. The USERNAME must start with our ufrag and the
 * MESSAGE-INTEGRITY verify with our password (else 400 or 401, RFC 8489 §9.1.3). §7.3.1.1: if we are
 * controlling and the request carries ICE-CONTROLLING (or we are controlled and it carries
 * ICE-CONTROLLED), "if the agent's tiebreaker value is larger than or equal to the contents of the
 * ICE-CONTROLLING attribute, the agent generates a Binding error response ... 487 (Role Conflict)";
 * otherwise it switches role. Answers carry XOR-MAPPED-ADDRESS — the peer learns its address as we see
 * it, perhaps a new peer-reflexive candidate — signed with our password, and FINGERPRINT.
 */
export function answerCheck(bytes: Uint8Array, source: TransportAddress, agent: Agent): { reply: Uint8Array | null; event: AnswerEvent; agent: Agent } {
  const drop = (reason: string) => ({ reply: null, event: { type: 'dropped', reason } as const, agent });
  const d = decodeMessage(bytes);
  if (!d.ok) return drop(d.error);
  const req = d.message;
  if (req.cls !== 'request' || req.method !== METHOD_BINDING) return drop('not a Binding request');
  if (checkFingerprint(req) === 'invalid') return drop('FINGERPRINT does not match');
  const key = shortTermKey(agent.password);
  const sign = (m: Parameters<typeof encodeSigned>[0], withKey: boolean): Uint8Array => encodeSigned(m, { ...(withKey ? { integrityKey: key } : {}), fingerprint: true });
  const reject = (code: number, reason: string) => ({ reply: sign(errorResponse(req, code, reason), false), event: { type: 'rejected', code, reason } as const, agent });
  const user = findAttribute(req, ATTR.USERNAME);
  if (!user || !findAttribute(req, ATTR.MESSAGE_INTEGRITY)) return reject(400, 'Bad Request: USERNAME and MESSAGE-INTEGRITY required');
  const [ours, theirs] = decodeText(user.value).split(':');
  if (ours !== agent.ufrag || !theirs) return reject(401, 'Unauthenticated: not our ufrag');
  if (checkIntegrity(req, key) !== 'valid') return reject(401, 'Unauthenticated: MESSAGE-INTEGRITY does not match');
  const prio = findAttribute(req, ICE_ATTR.PRIORITY);
  if (!prio || prio.value.length !== 4) return reject(400, 'Bad Request: PRIORITY missing');
  const priority = new DataView(prio.value.buffer, prio.value.byteOffset, 4).getUint32(0);

  let me = agent;
  let switched = false;
  const conflicting = findAttribute(req, agent.role === 'controlling' ? ICE_ATTR.ICE_CONTROLLING : ICE_ATTR.ICE_CONTROLLED);
  if (conflicting && conflicting.value.length === 8) {
    const weWin = compare(agent.tieBreaker, conflicting.value) >= 0;
    // Controlling vs controlling: the larger tie-breaker stays controlling. Controlled vs controlled:
    // the larger one becomes controlling (§7.3.1.1), so "winning" means switching there.
    if (agent.role === 'controlling' ? weWin : !weWin)
      return { reply: sign(errorResponse(req, 487, 'Role Conflict'), true), event: { type: 'role-conflict' }, agent };
    me = { ...agent, role: agent.role === 'controlling' ? 'controlled' : 'controlling' };
    switched = true;
  }
  const reply = sign(bindingSuccess(req, source), true);
  const useCandidate = me.role === 'controlled' && findAttribute(req, ICE_ATTR.USE_CANDIDATE) !== undefined;
  return {
    reply,
    event: { type: 'answered', remoteUfrag: theirs, priority, useCandidate, source, ...(switched ? { switchedTo: me.role } : {}) },
    agent: me,
  };
}

export type CheckResult =
  | { readonly type: 'succeeded'; readonly mapped: TransportAddress }
  | { readonly type: 'role-conflict' }
  | { readonly type: 'failed'; readonly code: number | null; readonly reason: string }
  | { readonly type: 'ignored'; readonly reason: string };

/**
 * §7.2.5: the response to our check, signed with the peer's password. A success gives the mapped
 * address (the caller compares it with the local candidate: a different one is peer-reflexive,
 * §7.2.5.3.1); 487 means we must switch role and check again (§7.2.5.1); any other error fails the pair.
 * Unsigned or wrongly signed responses are ignored (they could be forged).
 */
export function readCheckResponse(bytes: Uint8Array, transactionId: Uint8Array, remotePassword: string): CheckResult {
  const d = decodeMessage(bytes);
  if (!d.ok) return { type: 'ignored', reason: d.error };
  const m = d.message;
  if (m.method !== METHOD_BINDING || (m.cls !== 'success' && m.cls !== 'error')) return { type: 'ignored', reason: 'not a Binding response' };
  if (!m.transactionId.every((b, i) => b === transactionId[i])) return { type: 'ignored', reason: 'transaction ID of another check' };
  if (checkFingerprint(m) === 'invalid' || checkIntegrity(m, shortTermKey(remotePassword)) !== 'valid') return { type: 'ignored', reason: 'MESSAGE-INTEGRITY or FINGERPRINT missing or wrong' };
  if (m.cls === 'error') {
    const err = errorOf(m);
    return err?.code === 487 ? { type: 'role-conflict' } : { type: 'failed', code: err?.code ?? null, reason: err?.reason ?? 'no ERROR-CODE' };
  }
  const mapped = reflexiveAddress(m);
  return mapped ? { type: 'succeeded', mapped } : { type: 'failed', code: null, reason: 'success without XOR-MAPPED-ADDRESS' };
}
