/**
 * Where a server delivers a message addressed to one of its own accounts: RFC 6121 §8.5 as a pure
 * decision over the account's available resources and their priorities (§4.7.2.3), with XEP-0160
 * offline storage where §8.5.2.2 lets the server store.
 * @module
 */
import type { MessageType } from '../../sim/types';
import type { StanzaErrorCondition } from './stanza-error';

export interface AvailableResource {
  resource: string;
  /** RFC 6121 §4.7.2.3: −128…127; negative = never receives messages sent to the bare JID. */
  priority: number;
}

export type MessageDecision =
  /** `rule`: the section that decides, language-neutral (`RFC 6121 §8.5.2.1.1`), for the narration. */
  | { kind: 'deliver'; resources: string[]; rule: string }
  | { kind: 'store'; rule: string }
  | { kind: 'error'; condition: StanzaErrorCondition; rule: string }
  | { kind: 'ignore'; rule: string };

export type AnyMessageType = MessageType | 'error';

/** RFC 6121 §5.2.2: an absent or unknown type is 'normal'. */
export function messageTypeOf(attr: string | undefined): AnyMessageType {
  return attr === 'chat' || attr === 'headline' || attr === 'groupchat' || attr === 'error' ? attr : 'normal';
}

function toBare(type: AnyMessageType, available: readonly AvailableResource[]): MessageDecision {
  const eligible = available.filter((r) => r.priority >= 0);
  // An error message is silently ignored; groupchat to a person's bare JID is refused.
  if (type === 'error') return { kind: 'ignore', rule: 'RFC 6121 §8.5.2.1.1' };
  if (type === 'groupchat') return { kind: 'error', condition: 'service-unavailable', rule: 'RFC 6121 §8.5.2.1.1' };
  if (eligible.length === 0) {
    // Nobody available with non-negative priority: headlines are dropped, chat and normal stored.
    if (type === 'headline') return { kind: 'ignore', rule: 'RFC 6121 §8.5.2.2.1' };
    return { kind: 'store', rule: 'RFC 6121 §8.5.2.2.1 + XEP-0160' };
  }
  // A headline goes to every resource with non-negative priority; chat and normal to the highest priority (all on a tie).
  if (type === 'headline') return { kind: 'deliver', resources: eligible.map((r) => r.resource), rule: 'RFC 6121 §8.5.2.1.1' };
  const top = Math.max(...eligible.map((r) => r.priority));
  return {
    kind: 'deliver',
    resources: eligible.filter((r) => r.priority === top).map((r) => r.resource),
    rule: 'RFC 6121 §8.5.2.1.1',
  };
}

/**
 * `toResource`: the resource of the `to` address, or null for a bare JID.
 * `available`: the account's available resources (RFC 6121 §4.1: those that sent initial presence).
 */
export function routeMessage(type: AnyMessageType, toResource: string | null, accountExists: boolean, available: readonly AvailableResource[]): MessageDecision {
  if (!accountExists) {
    // No such account: errors and headlines are dropped, the rest refused.
    if (type === 'error' || type === 'headline') return { kind: 'ignore', rule: 'RFC 6121 §8.5.1' };
    return { kind: 'error', condition: 'service-unavailable', rule: 'RFC 6121 §8.5.1' };
  }
  if (toResource === null) return toBare(type, available);
  if (available.some((r) => r.resource === toResource)) {
    return { kind: 'deliver', resources: [toResource], rule: 'RFC 6121 §8.5.3.1' };
  }
  // RFC 6121 §8.5.3.2.1: no resource matches.
  switch (type) {
    case 'chat':
      return toBare(type, available);
    case 'error':
    case 'headline':
      return { kind: 'ignore', rule: 'RFC 6121 §8.5.3.2.1' };
    default:
      return { kind: 'error', condition: 'service-unavailable', rule: 'RFC 6121 §8.5.3.2.1' };
  }
}
