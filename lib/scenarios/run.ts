/**
 * `runScenario(scenario, { seed })`: the simulator kernel wired to the XMPP hosts. A pure function:
 * the same scenario and seed give a byte-identical trace.
 * @module
 */
import { simulate, stateAfter, type SimRun } from '../sim/kernel';
import type { Machines, Scenario } from '../sim/types';
import { xmppClient } from '../xmpp/stream/client';
import { xmppServer } from '../xmpp/stream/server';

export const machines: Machines = { client: xmppClient, server: xmppServer };

export function runScenario(scenario: Scenario, opts: { seed: number; maxEvents?: number }): SimRun {
  return simulate(scenario, { seed: opts.seed, machines, ...(opts.maxEvents !== undefined ? { maxEvents: opts.maxEvents } : {}) });
}

/** Each node's plain-data state just after event `seq` (-1: before the first event). */
export function nodeStatesAfter(scenario: Scenario, run: SimRun, seq: number): Record<string, unknown> {
  return stateAfter(scenario, machines, run, seq).nodes;
}
