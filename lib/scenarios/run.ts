/**
 * `runScenario(scenario, { seed })`: the simulator kernel wired to the XMPP hosts. A pure function:
 * the same scenario and seed give a byte-identical trace. Every run and replay here first adds what
 * the scenario's observers cause (observer-steps.ts), so a replay sees the script the run saw.
 * @module
 */
import { natBox } from '../sim/nat';
import { saslDowngrade } from '../attacks/sasl-downgrade';
import { starttlsStrip } from '../attacks/starttls-strip';
import { makeWorld, simulate, stateAfter, type SimRun, type World } from '../sim/kernel';
import type { Machines, Scenario } from '../sim/types';
import { xmppClient } from '../xmpp/stream/client';
import { xmppServer } from '../xmpp/stream/server';
import { withObserverSteps } from './observer-steps';

/** The machines a scenario can name: the two hosts, and middleboxes by `topology.middleboxes[].machine`. */
export const machines: Machines = { client: xmppClient, server: xmppServer, nat: natBox, 'strip-starttls': starttlsStrip, 'sasl-downgrade': saslDowngrade };

export function runScenario(scenario: Scenario, opts: { seed: number; maxEvents?: number }): SimRun {
  return simulate(withObserverSteps(scenario), { seed: opts.seed, machines, ...(opts.maxEvents !== undefined ? { maxEvents: opts.maxEvents } : {}) });
}

/** Each node's plain-data state just after event `seq` (-1: before the first event). */
export function nodeStatesAfter(scenario: Scenario, run: SimRun, seq: number): Record<string, unknown> {
  return stateAfter(withObserverSteps(scenario), machines, run, seq).nodes;
}

/** The kernel's world for stepping a run of `scenario` by hand (lib/viz/otr-frames.ts). */
export function worldOf(scenario: Scenario): World {
  return makeWorld(withObserverSteps(scenario), machines);
}
