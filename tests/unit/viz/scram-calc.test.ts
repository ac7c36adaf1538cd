/**
 * The SCRAM calculator's data (issue #10 item 7): each login as its client read it inside TLS, and RFC 5802
 * §3 recomputed from it — the proof and the server's signature equal what crossed the wire, the StoredKey
 * the one the server keeps; a failed login's proof, from the mistyped password, does not open anything.
 */
import { describe, expect, it } from 'vitest';
import { storedKeyHex } from '../../../app/_components/lesson/scram-check';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import { passwordOf, scramLogins, scramValues } from '../../../lib/viz/scram-calc';

const run = (id: string) => {
  const scenario = getPreset(id)!;
  return { scenario, trace: runScenario(scenario, { seed: 1 }).trace };
};

describe('SCRAM calculator', () => {
  it('c2s-login: alice’s SCRAM-SHA-1 login, read inside TLS; ClientProof and ServerSignature match the wire', () => {
    const { scenario, trace } = run('c2s-login');
    const [login, ...rest] = scramLogins(scenario, trace);
    expect(rest).toEqual([]);
    expect(login).toMatchObject({ client: 'alice', server: 'a.example', user: 'alice', mechanism: 'SCRAM-SHA-1', channelBinding: { base64: 'biws', header: 'n,,', data: '' } });
    expect(login!.clientFirstBare).toMatch(/^n=alice,r=/);
    expect(login!.serverFirst).toMatch(/^r=.+,s=.+,i=\d+$/);
    expect(login!.clientFinalWithoutProof).toMatch(/^c=biws,r=/);
    const v = scramValues(login!, passwordOf(scenario, login!))!;
    expect(v.clientProof).toBe(login!.proof);
    expect(v.serverSignature).toBe(login!.serverSignature);
    expect(v.authMessage).toBe(`${login!.clientFirstBare},${login!.serverFirst},${login!.clientFinalWithoutProof}`);
    expect(storedKeyHex('wonderland', login!.salt, login!.iterations, 'SHA-1')).toBe(v.storedKey);
  });

  it('bad-password: the failed try and the retry, each with the password typed for it', () => {
    const { scenario, trace } = run('bad-password');
    const alice = scramLogins(scenario, trace).filter((l) => l.client === 'alice');
    expect(alice.map((l) => l.steps.success === null)).toEqual([true, false]);
    expect(alice.map((l) => passwordOf(scenario, l))).toEqual(['wonderlnad', 'wonderland']);
    expect(alice[0]!.serverSignature).toBeNull();
    expect(scramValues(alice[1]!, 'wonderland')!.clientProof).toBe(alice[1]!.proof);
    expect(scramValues(alice[1]!, 'wonderlnad')!.clientProof).not.toBe(alice[1]!.proof);
  });

  it('a password SASLprep refuses has no values', () => {
    const { scenario, trace } = run('c2s-login');
    expect(scramValues(scramLogins(scenario, trace)[0]!, 'a\u0007b')).toBeNull();
  });
});
