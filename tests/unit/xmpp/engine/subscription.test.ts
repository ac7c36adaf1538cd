import { describe, expect, it } from 'vitest';
import { INBOUND, OUTBOUND, SUB_STATES, asks, inbound, outbound, subscriptionAttr, type SubState, type SubscriptionType } from '@/lib/xmpp/im/subscription';
import { presenceSubscription } from '@/lib/scenarios/presets/presence-subscription';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import type { ServerState } from '@/lib/xmpp/stream/server';
import type { ClientState } from '@/lib/xmpp/stream/client';

// RFC 6121 Appendix A, transcribed row by row: [state, new state ('-' = no change), and for inbound whether it is delivered].
const N = 'none', NO = 'none+out', NI = 'none+in', NOI = 'none+out+in', T = 'to', TI = 'to+in', F = 'from', FO = 'from+out', B = 'both';

const A2: Record<SubscriptionType, [SubState, SubState | '-'][]> = {
  // A.2.1 Client Generates Outbound Subscription Request
  subscribe: [[N, NO], [NO, '-'], [NI, NOI], [NOI, '-'], [T, '-'], [TI, '-'], [F, FO], [FO, '-'], [B, '-']],
  // A.2.2 Client Generates Outbound Unsubscribe
  unsubscribe: [[N, '-'], [NO, N], [NI, '-'], [NOI, NI], [T, N], [TI, NI], [F, '-'], [FO, F], [B, F]],
  // A.2.3 Client Generates Outbound Subscription Approval
  subscribed: [[N, '-'], [NO, '-'], [NI, F], [NOI, FO], [T, '-'], [TI, B], [F, '-'], [FO, '-'], [B, '-']],
  // A.2.4 Client Generates Outbound Subscription Cancellation
  unsubscribed: [[N, '-'], [NO, '-'], [NI, N], [NOI, NO], [T, '-'], [TI, T], [F, N], [FO, NO], [B, T]],
};

const A3: Record<SubscriptionType, [SubState, boolean, SubState | '-'][]> = {
  // A.3.1 Server Processing of Inbound Subscription Request
  subscribe: [[N, true, NI], [NO, true, NOI], [NI, false, '-'], [NOI, false, '-'], [T, true, TI], [TI, false, '-'], [F, false, '-'], [FO, false, '-'], [B, false, '-']],
  // A.3.2 Server Processing of Inbound Unsubscribe
  unsubscribe: [[N, false, '-'], [NO, false, '-'], [NI, true, N], [NOI, true, NO], [T, false, '-'], [TI, true, T], [F, true, N], [FO, true, NO], [B, true, T]],
  // A.3.3 Server Processing of Inbound Subscription Approval
  subscribed: [[N, false, '-'], [NO, true, T], [NI, false, '-'], [NOI, true, TI], [T, false, '-'], [TI, false, '-'], [F, false, '-'], [FO, true, B], [B, false, '-']],
  // A.3.4 Server Processing of Inbound Subscription Cancellation
  unsubscribed: [[N, false, '-'], [NO, true, N], [NI, false, '-'], [NOI, true, NI], [T, true, N], [TI, true, NI], [F, false, '-'], [FO, true, F], [B, true, F]],
};

describe('RFC 6121 Appendix A: the subscription state machine, every cell', () => {
  for (const type of Object.keys(A2) as SubscriptionType[]) {
    it(`outbound ${type} (A.2)`, () => {
      expect(A2[type].map(([s]) => s)).toEqual(SUB_STATES);
      for (const [state, next] of A2[type]) {
        const r = outbound(state, type);
        expect({ state, next: r.state }).toEqual({ state, next: next === '-' ? state : next });
        expect(r.changed).toBe(next !== '-');
        // subscribe and unsubscribe are always routed; approvals and cancellations only when they change something.
        expect(r.route).toBe(type === 'subscribe' || type === 'unsubscribe' || next !== '-');
      }
    });
    it(`inbound ${type} (A.3)`, () => {
      expect(A3[type].map(([s]) => s)).toEqual(SUB_STATES);
      for (const [state, deliver, next] of A3[type]) {
        const r = inbound(state, type);
        expect({ state, deliver: r.deliver, next: r.state }).toEqual({ state, deliver, next: next === '-' ? state : next });
        expect(r.autoReply).toBe(type === 'subscribe' && (state === F || state === FO || state === B) ? 'subscribed' : null);
      }
    });
  }

  it('the tables cover exactly the 9 × 4 cells, nothing else', () => {
    for (const t of [OUTBOUND, INBOUND]) for (const row of Object.values(t)) for (const k of Object.keys(row)) expect(SUB_STATES).toContain(k);
  });

  it('roster attributes: subscription and ask, as RFC 6121 §2.1.2 writes them', () => {
    expect(SUB_STATES.map(subscriptionAttr)).toEqual(['none', 'none', 'none', 'none', 'to', 'to', 'from', 'from', 'both']);
    expect(SUB_STATES.filter(asks)).toEqual([NO, NOI, FO]);
  });
});

describe('the presence-subscription preset walks the states on both servers’ rosters', () => {
  const run = runScenario(presenceSubscription, { seed: 1 });
  const cache = new Map<number, Record<string, unknown>>();
  const at = (time: number) => {
    const last = run.trace.events.filter((e) => e.time <= time).at(-1)!;
    if (!cache.has(last.seq)) cache.set(last.seq, nodeStatesAfter(presenceSubscription, run, last.seq));
    return cache.get(last.seq)!;
  };
  const roster = (time: number, user: string, contact: string) => ((at(time)['a.example'] as ServerState).accounts[user]!.roster[contact] ?? null)?.state ?? null;

  it('none → none+out/none+in → from/to → both, then gone', () => {
    expect(roster(1400, 'alice', 'bob@a.example')).toBeNull();
    expect(roster(2000, 'alice', 'bob@a.example')).toBe('none+out');
    expect(roster(2000, 'bob', 'alice@a.example')).toBe('none+in');
    expect(roster(2590, 'alice', 'bob@a.example')).toBe('to');
    expect(roster(2590, 'bob', 'alice@a.example')).toBe('from');
    expect(roster(3000, 'bob', 'alice@a.example')).toBe('from+out');
    expect(roster(3000, 'alice', 'bob@a.example')).toBe('to+in');
    expect(roster(4000, 'alice', 'bob@a.example')).toBe('both');
    expect(roster(4000, 'bob', 'alice@a.example')).toBe('both');
    expect(roster(7000, 'alice', 'bob@a.example')).toBeNull();
    // bob keeps alice on his own roster, with both directions cancelled (RFC 6121 §2.5.2).
    expect(roster(7000, 'bob', 'alice@a.example')).toBe('none');
  });

  it('the clients mirror it through roster pushes, and alice sees bob go away', () => {
    const alice = at(5000).alice as ClientState;
    expect(alice.roster['bob@a.example']).toEqual({ jid: 'bob@a.example', subscription: 'both', name: 'Bob' });
    expect(at(5000).bob as ClientState).toMatchObject({ roster: { 'alice@a.example': { subscription: 'both' } } });
    expect(alice.presence['bob@a.example/phone']).toEqual({ jid: 'bob@a.example/phone', available: true, show: 'away', status: 'At lunch' });
    const after = at(7000).alice as ClientState;
    expect(after.roster).toEqual({});
    expect(after.presence['bob@a.example/phone']!.available).toBe(false);
  });
});
