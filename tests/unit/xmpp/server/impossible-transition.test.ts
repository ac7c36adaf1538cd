/**
 * A step the server's own code takes and its table refuses is an engine defect: the phase stays and
 * the outputs carry a labelled note and an 'engine-error' fact (never a silent false).
 */
import { describe, expect, it } from 'vitest';
import { federation } from '@/lib/scenarios/presets/federation';
import { factsOf } from '@/lib/sim/facts';
import type { HostOutput } from '@/lib/sim/types';
import { newSession, step as c2sStep } from '@/lib/xmpp/server/c2s';
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

describe('server c2s: an impossible transition is a labelled engine error', () => {
  const { server } = harness(federation, 'a.example');

  it('binding before authentication is refused by server-table.ts: the phase stays, a note and a fact say so', () => {
    const sess = newSession('alice', { srcIp: '198.51.100.10', srcPort: 5222, dstIp: '192.0.2.10', dstPort: 40000 });
    expect(c2sStep(server, sess, 'stream-header')).toEqual([]);
    const out = c2sStep(server, sess, 'bind');
    expect(sess.phase).toBe('negotiating');
    expect(facts(out)).toEqual([{ type: 'engine-error', node: 'a.example', machine: 'xmpp-server', from: 'negotiating', trigger: 'bind' }]);
    expect(notes(out)).toEqual([{ key: 'server.impossible-transition', params: { server: 'a.example', client: 'alice', phase: 'negotiating', trigger: 'bind' } }]);
  });
});
