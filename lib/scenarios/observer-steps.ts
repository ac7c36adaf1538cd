/**
 * What declared observers cause in a run. A thief's theft is a moment on the robbed device, so each
 * becomes a `keys-stolen` action step there and the trace shows it (lib/xmpp/im/otr-theft.ts acts on
 * it). The kernel knows no observers: every caller that simulates or replays a scenario goes through
 * `withObserverSteps` (lib/scenarios/run.ts), so runs, replays and frames see the same script.
 * @module
 */
import { thievesOf } from '../sim/observers';
import type { Scenario, ScriptStep } from '../sim/types';

/**
 * The scenario with the thefts of its thieves added to the script, after the script's own steps (the
 * kernel orders steps by time, then by position). Idempotent: a theft whose step the script already
 * holds (same time, device and thief) is not added twice; other script steps are kept as they are.
 */
export function withObserverSteps(scenario: Scenario): Scenario {
  const thefts = thievesOf(scenario.topology).flatMap((t) => t.steals.map((st): ScriptStep => ({ at: st.at, node: st.node, action: { type: 'keys-stolen', thief: t.id, what: st.what } })));
  const key = (s: ScriptStep) => (s.action.type === 'keys-stolen' ? `${s.at}\u0000${s.node}\u0000${s.action.thief}` : null);
  const present = new Set(scenario.script.map(key));
  const missing = thefts.filter((t) => !present.has(key(t)));
  return missing.length === 0 ? scenario : { ...scenario, script: [...scenario.script, ...missing] };
}
