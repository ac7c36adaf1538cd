/**
 * The presence subscription state machine of RFC 6121 Appendix A, as tables: for each of the nine
 * states a contact can be in (A.1) and each of the four subscription-related presence types, what a
 * server does with an OUTBOUND stanza its own user sends (A.2) and with an INBOUND stanza from the
 * contact (A.3): the new state, and whether to route it on / deliver it to the user.
 * Pre-approval (RFC 6121 §3.4) is not implemented: an outbound 'subscribed' with no pending request
 * changes nothing, as the tables say for servers without pre-approval support.
 * @module
 */

/** RFC 6121 A.1: the nine states, as the user's server records them for one contact. */
export type SubState = 'none' | 'none+out' | 'none+in' | 'none+out+in' | 'to' | 'to+in' | 'from' | 'from+out' | 'both';

export const SUB_STATES: readonly SubState[] = ['none', 'none+out', 'none+in', 'none+out+in', 'to', 'to+in', 'from', 'from+out', 'both'];

export type SubscriptionType = 'subscribe' | 'subscribed' | 'unsubscribe' | 'unsubscribed';

/** One cell of a table: the new state (undefined = "no state change"). */
type Row = Partial<Record<SubState, SubState>>;

/** RFC 6121 A.2.1–A.2.4: the user sends the stanza to the contact. */
export const OUTBOUND: Readonly<Record<SubscriptionType, Row>> = {
  // A.2.1 subscribe
  subscribe: { none: 'none+out', 'none+in': 'none+out+in', from: 'from+out' },
  // A.2.2 unsubscribe
  unsubscribe: { 'none+out': 'none', 'none+out+in': 'none+in', to: 'none', 'to+in': 'none+in', 'from+out': 'from', both: 'from' },
  // A.2.3 subscribed
  subscribed: { 'none+in': 'from', 'none+out+in': 'from+out', 'to+in': 'both' },
  // A.2.4 unsubscribed
  unsubscribed: { 'none+in': 'none', 'none+out+in': 'none+out', 'to+in': 'to', from: 'none', 'from+out': 'none+out', both: 'to' },
};

/** RFC 6121 A.3.1–A.3.4: the stanza arrives from the contact. A state change means: deliver to the user. */
export const INBOUND: Readonly<Record<SubscriptionType, Row>> = {
  // A.3.1 subscribe
  subscribe: { none: 'none+in', 'none+out': 'none+out+in', to: 'to+in' },
  // A.3.2 unsubscribe
  unsubscribe: { 'none+in': 'none', 'none+out+in': 'none+out', 'to+in': 'to', from: 'none', 'from+out': 'none+out', both: 'to' },
  // A.3.3 subscribed
  subscribed: { 'none+out': 'to', 'none+out+in': 'to+in', 'from+out': 'both' },
  // A.3.4 unsubscribed
  unsubscribed: { 'none+out': 'none', 'none+out+in': 'none+in', to: 'none', 'to+in': 'none+in', 'from+out': 'from', both: 'from' },
};

export interface OutboundResult {
  state: SubState;
  changed: boolean;
  /** Route the stanza to the contact: subscribe and unsubscribe always (RFC 6121 §3.1.2, §3.3.2); approvals and cancellations only when they changed something (§3.1.5, §3.2.2). */
  route: boolean;
}

export function outbound(state: SubState, type: SubscriptionType): OutboundResult {
  const next = OUTBOUND[type][state];
  const changed = next !== undefined;
  return { state: next ?? state, changed, route: type === 'subscribe' || type === 'unsubscribe' || changed };
}

export interface InboundResult {
  state: SubState;
  /** Deliver to the user's resources (A.3: exactly when the state changed). */
  deliver: boolean;
  /** RFC 6121 §3.1.3: a subscribe from a contact that already has a subscription is answered with 'subscribed' by the server itself. */
  autoReply: 'subscribed' | null;
}

export function inbound(state: SubState, type: SubscriptionType): InboundResult {
  const next = INBOUND[type][state];
  const autoReply = type === 'subscribe' && (state === 'from' || state === 'from+out' || state === 'both') ? 'subscribed' : null;
  return { state: next ?? state, deliver: next !== undefined, autoReply };
}

/** The roster's `subscription` attribute (RFC 6121 §2.1.2.5) for a state. */
export function subscriptionAttr(state: SubState): 'none' | 'to' | 'from' | 'both' {
  return state === 'both' ? 'both' : state.startsWith('to') ? 'to' : state.startsWith('from') ? 'from' : 'none';
}

/** The roster's `ask='subscribe'` (RFC 6121 §2.1.2.2): a pending outbound request. */
export function asks(state: SubState): boolean {
  return state === 'none+out' || state === 'none+out+in' || state === 'from+out';
}

export function pendingIn(state: SubState): boolean {
  return state === 'none+in' || state === 'none+out+in' || state === 'to+in';
}

/** The contact sees the user's presence (user → contact direction). */
export function contactReceivesPresence(state: SubState): boolean {
  return state === 'from' || state === 'from+out' || state === 'both';
}

/** The user sees the contact's presence (contact → user direction). */
export function userReceivesPresence(state: SubState): boolean {
  return state === 'to' || state === 'to+in' || state === 'both';
}
