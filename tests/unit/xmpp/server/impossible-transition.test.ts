/**
 * A step the server's own code takes and its table refuses is an engine defect: the phase stays and
 * the outputs carry a labelled note and an 'engine-error' fact (never a silent false).
 */
import { describe, expect, it } from 'vitest';
import { federation } from '@/lib/scenarios/presets/federation';
import { factsOf } from '@/lib/sim/facts';
import type { HostOutput } from '@/lib/sim/types';
import { go, step } from '@/lib/xmpp/server/s2s-conn';
import type { S2sConn } from '@/lib/xmpp/server/state';
import { harness } from '../engine/harness';

const conn = (phase: S2sConn['phase'], role: S2sConn['role']): S2sConn => ({
  id: 'b.example>a.example', peer: 'b.example', peerDomain: 'b.example', role, phase, parser: null, tcp: null, tls: null, streamId: null, peerVerified: false, queue: [], verifies: [],
});
const facts = (out: HostOutput[]) => factsOf(out.flatMap((o) => (o.type === 'fact' ? [o.fact] : [])), 'engine-error');
const notes = (out: HostOutput[]) => out.flatMap((o) => (o.type === 'note' ? [o.note] : []));

describe('server s2s: an impossible transition is a labelled engine error', () => {
  const { server } = harness(federation, 'a.example');

  it('a step the table has: moves, says nothing', () => {
    const c = conn('verifying', 'responder');
    expect(step(server, c, 'db-verify-valid')).toEqual([]);
    expect(c.phase).toBe('established');
  });

  it('a step the table refuses: the phase stays; a note and an engine-error fact say which machine, phase and trigger', () => {
    const c = conn('responding', 'responder');
    const out = step(server, c, 'db-verify-valid');
    expect(c.phase).toBe('responding');
    expect(facts(out)).toEqual([{ type: 'engine-error', node: 'a.example', machine: 'xmpp-s2s-responder', from: 'responding', trigger: 'db-verify-valid' }]);
    expect(notes(out)).toEqual([{ key: 's2s.impossible-transition', params: { server: 'a.example', domain: 'b.example', role: 'responder', phase: 'responding', trigger: 'db-verify-valid' } }]);
  });

  it('a step the peer asks for may be refused quietly: go() says false and the caller answers the peer', () => {
    const c = conn('established', 'initiator');
    expect(go(c, 'db-result-valid')).toBe(false);
    expect(c.phase).toBe('established');
  });
});
