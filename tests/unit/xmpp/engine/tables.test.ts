import { describe, expect, it } from 'vitest';
import { clientTransitions, nextClientPhase, type ClientPhase } from '@/lib/xmpp/stream/client-table';
import { nextServerC2sPhase, serverC2sTransitions, type ServerC2sPhase } from '@/lib/xmpp/stream/server-table';
import { nextS2sPhase, s2sTransitions } from '@/lib/xmpp/s2s/s2s-table';
import { federation } from '@/lib/scenarios/presets/federation';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import type { ServerState } from '@/lib/xmpp/stream/server';

function reachable<P extends string>(rows: readonly { from: P; to: P }[], start: P): Set<P> {
  const seen = new Set<P>([start]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of rows) if (seen.has(r.from) && !seen.has(r.to)) (seen.add(r.to), (changed = true));
  }
  return seen;
}

describe('the negotiation tables', () => {
  it('client: every phase is reachable from offline, and online is reached through TLS, SASL and bind', () => {
    const all: ClientPhase[] = ['offline', 'awaiting-stream', 'awaiting-features', 'awaiting-proceed', 'tls-handshake', 'authenticating', 'auth-failed', 'awaiting-restart', 'awaiting-bind-features', 'binding', 'online', 'closed', 'failed'];
    expect([...reachable(clientTransitions, 'offline')].sort()).toEqual([...all].sort());
    for (const t of clientTransitions) expect(t.spec).toMatch(/^RFC 6120 §\d/);
    const path: [ClientPhase, Parameters<typeof nextClientPhase>[1]][] = [
      ['offline', 'connect'], ['awaiting-stream', 'stream-header'], ['awaiting-features', 'features-starttls'], ['awaiting-proceed', 'proceed'],
      ['tls-handshake', 'tls-established'], ['awaiting-stream', 'stream-header'], ['awaiting-features', 'features-sasl'], ['authenticating', 'sasl-failure'],
      ['auth-failed', 'retry-login'], ['authenticating', 'sasl-challenge'], ['authenticating', 'sasl-success'], ['awaiting-restart', 'stream-header'],
      ['awaiting-bind-features', 'features-bind'], ['binding', 'bind-result'],
    ];
    let phase: ClientPhase = 'offline';
    for (const [from, on] of path) {
      expect(phase).toBe(from);
      phase = nextClientPhase(phase, on)!;
    }
    expect(phase).toBe('online');
    expect(nextClientPhase('offline', 'stream-error')).toBeNull();
    expect(nextClientPhase('binding', 'stream-error')).toBe('failed');
    expect(nextClientPhase('online', 'features-sasl')).toBeNull();
    // A login the client cannot begin is decided before <auth/> goes out, never from 'authenticating':
    // on the first features it ends the stream; on a retry, or with an unusable password, the stream stays open.
    expect(nextClientPhase('awaiting-features', 'no-mechanism')).toBe('failed');
    expect(nextClientPhase('awaiting-features', 'credentials-refused')).toBe('auth-failed');
    expect(nextClientPhase('auth-failed', 'no-mechanism')).toBe('auth-failed');
    expect(nextClientPhase('auth-failed', 'credentials-refused')).toBe('auth-failed');
    expect(nextClientPhase('authenticating', 'no-mechanism')).toBeNull();
  });

  it('server: established only through a restart after authentication; errors close from anywhere', () => {
    expect([...reachable(serverC2sTransitions, 'awaiting-header')].sort()).toEqual(['awaiting-bind', 'awaiting-header', 'closed', 'established', 'negotiating', 'sasl-challenge', 'tls-handshake']);
    expect(serverC2sTransitions.filter((t) => t.to === 'established').map((t) => t.from)).toEqual(['awaiting-bind', 'established']);
    for (const p of ['awaiting-header', 'negotiating', 'established'] as ServerC2sPhase[]) expect(nextServerC2sPhase(p, 'stream-error')).toBe('closed');
    expect(nextServerC2sPhase('closed', 'stream-error')).toBeNull();
    expect(nextServerC2sPhase('negotiating', 'bind')).toBeNull();
  });
});


describe('the server-to-server table', () => {
  it('initiator: DNS, stream, STARTTLS, restart, dialback, established; responder: TLS, verify, established', () => {
    const walk = (role: 'initiator' | 'responder', start: Parameters<typeof nextS2sPhase>[1], triggers: Parameters<typeof nextS2sPhase>[2][]) =>
      triggers.reduce((p, on) => nextS2sPhase(role, p, on)!, start);
    expect(walk('initiator', 'resolving', ['dns-answer', 'stream-header', 'features-starttls', 'proceed', 'tls-established', 'stream-header', 'features-dialback', 'db-result-valid'])).toBe('established');
    expect(walk('responder', 'responding', ['starttls', 'tls-established', 'db-result', 'db-verify-valid'])).toBe('established');
    expect(nextS2sPhase('initiator', 'established', 'timeout')).toBeNull();
    expect(nextS2sPhase('initiator', 'connecting', 'timeout')).toBe('failed');
    expect(nextS2sPhase('responder', 'verifying', 'stream-error')).toBe('closed');
    for (const t of s2sTransitions) expect(t.spec).toMatch(/^(RFC 6120 §|XEP-0220 §)/);
  });

  it('after the federation preset both connections are established at both ends: one per direction', () => {
    const run = runScenario(federation, { seed: 1 });
    const states = nodeStatesAfter(federation, run, run.trace.events.length - 1);
    for (const [self, peer] of [['a.example', 'b.example'], ['b.example', 'a.example']] as const) {
      const st = states[self] as ServerState;
      expect(st.s2s[peer]).toMatchObject({ id: `${self}>${peer}`, role: 'initiator', phase: 'established', queue: [], verifies: [] });
      expect(Object.values(st.s2sIn)).toMatchObject([{ id: `${peer}>${self}`, peerDomain: peer, role: 'responder', phase: 'established', peerVerified: true }]);
    }
  });
});
