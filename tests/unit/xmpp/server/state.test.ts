/**
 * initServer registers the scenario's accounts. An account that cannot exist (empty password, a
 * user name or password SASLprep refuses) is not registered; anything else that goes wrong while
 * deriving the credentials is an engine or scenario error and must surface, labelled — it used to
 * vanish in a catch-all, leaving a server without accounts on which every login fails.
 */
import { describe, expect, it } from 'vitest';
import { hello } from '@/lib/scenarios/presets/hello';
import { randomBytes, seedRng } from '@/lib/sim/rng';
import type { Account, HostContext, Scenario } from '@/lib/sim/types';
import { initServer } from '@/lib/xmpp/server/state';

function init(accounts: Account[], settings: Partial<Scenario['settings']> = {}) {
  const rng = seedRng(1);
  const ctx: HostContext = { now: 0, self: 'a.example', randomBytes: (n) => randomBytes(rng, n) } as HostContext;
  const scenario: Scenario = { ...hello, settings: { ...hello.settings, ...settings } };
  const spec = { ...scenario.topology.servers[0]!, accounts };
  return initServer(spec, scenario, ctx);
}

describe('xmpp/server/state: initServer and its accounts', () => {
  it('registers valid accounts and leaves out those that cannot exist', () => {
    const s = init([
      { user: 'alice', password: 'wonderland' },
      { user: 'nopass', password: '' },
      { user: 'ctrl', password: 'bad\u0007bell' }, // RFC 4013 §2.3: ASCII control characters are prohibited
      { user: '', password: 'x' },
      { user: 'bob', password: 'builder' },
    ]);
    expect(Object.keys(s.accounts)).toEqual(['alice', 'bob']);
  });

  it('an account left out does not change the others’ salts (each listed account draws its salts)', () => {
    const withBad = init([{ user: 'nopass', password: '' }, { user: 'bob', password: 'builder' }]);
    const withGood = init([{ user: 'carol', password: 'x' }, { user: 'bob', password: 'builder' }]);
    expect(withBad.accounts.bob).toEqual(withGood.accounts.bob);
  });

  it('an error that is not about the account surfaces, labelled, instead of leaving the server without accounts', () => {
    expect(() => init([{ user: 'alice', password: 'wonderland' }], { scramIterations: 0 })).toThrow(/sasl\/scram: iteration count/);
  });
});
