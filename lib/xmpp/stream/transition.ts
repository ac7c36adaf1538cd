/**
 * One row of a negotiation table (client c2s, server c2s, s2s): in phase `from`, trigger `on` leads
 * to phase `to`, as the cited spec section says. One shape for every table, so that code that reads
 * them (the table tests today; a state diagram one day) reads all three the same way.
 * @module
 */
export interface Transition<Phase extends string, Trigger extends string> {
  from: Phase;
  on: Trigger;
  to: Phase;
  /** RFC or XEP section that governs this step. */
  spec: string;
}
