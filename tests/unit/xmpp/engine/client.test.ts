import { describe, expect, it } from 'vitest';
import { plainDataProblems } from '../../../helpers/plain-data';
import { hello } from '@/lib/scenarios/presets/hello';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import type { ClientState } from '@/lib/xmpp/stream/client';
import { between, transcript, variant } from './transcript';

describe('the client host', () => {
  const s = variant(hello, (sc) => {
    sc.settings = { tls: 'none', sasl: 'SCRAM-SHA-256' };
    sc.script = [
      { at: 0, node: 'alice', action: { type: 'send-raw', text: '<presence/>' } },
      { at: 0, node: 'alice', action: { type: 'retry-login' } },
      { at: 0, node: 'alice', action: { type: 'roster-get' } },
      { at: 0, node: 'alice', action: { type: 'send-message', to: 'bob@a.example', body: 'queued' } },
      { at: 0, node: 'alice', action: { type: 'connect' } },
      { at: 10, node: 'alice', action: { type: 'connect' } },
      { at: 2000, node: 'alice', action: { type: 'disconnect' } },
      { at: 2100, node: 'alice', action: { type: 'disconnect' } },
    ];
  });
  const run = runScenario(s, { seed: 1 });
  const keys = (at: number) => run.trace.events.filter((e) => e.time === at && e.from === 'alice' && e.kind === 'action').flatMap((e) => e.effects.map((n) => n.key));

  it('refuses what makes no sense in its phase, with a note instead of bytes', () => {
    expect(keys(0).slice(0, 2)).toEqual(['client.not-connected', 'client.retry-not-possible']);
    expect(keys(10)).toEqual(['client.already-connected']);
    expect(keys(2100)).toEqual(['client.not-connected']);
  });

  it('holds requests made before the session is ready and sends them right after the initial presence', () => {
    expect(keys(0).slice(2)).toEqual(['client.action-queued', 'client.action-queued']);
    const out = between(transcript(s), 'alice', 'a.example');
    const i = out.indexOf('<presence/>');
    expect(out.slice(i, i + 3)).toEqual(["<presence/>", "<iq type='get' id='alice-2'><query xmlns='jabber:iq:roster'/></iq>", "<message type='chat' to='bob@a.example' id='alice-3'><body>queued</body></message>"]);
  });

  it('keeps its state small and plain: the roster, the last presences, a bounded inbox', () => {
    const alice = nodeStatesAfter(s, run, run.trace.events.length - 1).alice as ClientState;
    expect(alice.phase).toBe('closed');
    expect(alice.pending).toEqual({});
    expect(plainDataProblems(alice)).toEqual([]);
  });
});
