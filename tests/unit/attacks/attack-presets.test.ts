/**
 * The attack presets, judged by what each observer learns (lib/knowledge: observe and the ledger) and
 * by what the clients end up with (facts), never by the narration.
 */
import { describe, expect, it } from 'vitest';
import { observe } from '@/lib/knowledge/observe';
import type { Fact } from '@/lib/sim/facts';
import { factsOfKind, presetRuns } from '../../helpers/preset-runs';

const { run, ledger } = presetRuns();
const of = factsOfKind;
const facts = (id: string): Fact[] => run(id).trace.events.flatMap((e) => e.facts);
const observation = (id: string, name: string) => {
  const { scenario, trace } = run(id);
  return observe(scenario, trace, name)!;
};

describe('starttls-stripping', () => {
  it('bob requires TLS: he sees no offer, refuses to log in and sends no credentials', () => {
    expect(facts('starttls-stripping')).toContainEqual({ type: 'login-failed', node: 'bob', reason: 'tls-missing' });
    expect(facts('starttls-stripping').some((f) => f.type === 'sasl-started' && f.node === 'bob')).toBe(false);
    const l = ledger('starttls-stripping', 'tap:bob~a.example');
    expect([...of(l, 'password'), ...of(l, 'scram')]).toEqual([]);
  });

  it('alice is lax: she logs in without TLS, and the tap on her link reads her password and her message', () => {
    expect(facts('starttls-stripping')).toContainEqual(expect.objectContaining({ type: 'session-online', node: 'alice' }));
    expect(facts('starttls-stripping').some((f) => f.type === 'tls-keys')).toBe(false);
    const l = ledger('starttls-stripping', 'tap:alice~a.example');
    const [pw] = of(l, 'password');
    expect(pw).toMatchObject({ user: 'alice', password: 'wonderland' });
    const o = observation('starttls-stripping', 'tap:alice~a.example');
    expect(o.messages.map((m) => m.content)).toEqual(['The door code is 4711.']);
    expect(o.metadata.credentials).toEqual([expect.objectContaining({ user: 'alice', password: 'wonderland' })]);
  });

  it('the server did offer STARTTLS: what it sent has the offer, what arrived has not', () => {
    const { trace } = run('starttls-stripping');
    const dec = (b?: Uint8Array) => new TextDecoder().decode(b ?? new Uint8Array(0));
    const stripped = trace.events.filter((e) => e.transport?.via?.some((v) => v.middlebox === 'mallory' || v.middlebox === 'mallory-bob'));
    expect(stripped.map((e) => e.to)).toEqual(['bob', 'alice']);
    for (const e of stripped) {
      expect(dec(e.transport!.sent!.data)).toContain('<starttls');
      expect(dec(e.wire)).not.toContain('<starttls');
    }
  });
});

describe('s2s-plaintext', () => {
  it('the tap between the servers reads both messages, the full JIDs and the peer domains', () => {
    const o = observation('s2s-plaintext', 'tap:a.example~b.example');
    expect(o.messages.map((m) => [m.from, m.to, m.content])).toEqual([
      ['alice@a.example/laptop', 'bob@b.example', 'Meet me at the station at six.'],
      ['bob@b.example/phone', 'alice@a.example', 'See you there.'],
    ]);
    expect(o.metadata.sealedRecords).toBe(0);
    expect(o.metadata.jids).toEqual(expect.arrayContaining(['alice@a.example/laptop', 'bob@b.example/phone']));
  });

  it('the tap on alice’s own link, where TLS is on, gets sizes and times and not one word', () => {
    const o = observation('s2s-plaintext', 'tap:alice~a.example');
    expect(o.messages.length).toBeGreaterThan(0);
    expect(o.messages.every((m) => m.content === null)).toBe(true);
    expect(o.metadata.credentials).toEqual([]);
    expect(facts('s2s-plaintext').filter((f) => f.type === 'tls-keys').map((f) => (f as { keyName: string }).keyName).sort()).toEqual(['tls:alice~a.example', 'tls:alice~a.example', 'tls:bob~b.example', 'tls:bob~b.example']);
  });
});

describe('sasl-downgrade', () => {
  const dec = (b?: Uint8Array) => new TextDecoder().decode(b ?? new Uint8Array(0));

  it('before TLS it works: alice’s client gets an offer without SCRAM, falls back to PLAIN, and the tap reads her password', () => {
    const { trace } = run('sasl-downgrade');
    const features = trace.events.find((e) => e.to === 'alice' && e.transport?.via?.length)!;
    expect(dec(features.transport!.sent!.data)).toContain('<mechanism>SCRAM-SHA-256</mechanism>');
    expect(dec(features.wire)).not.toContain('SCRAM');
    expect(dec(features.wire)).not.toContain('starttls');
    expect(facts('sasl-downgrade')).toContainEqual({ type: 'sasl-started', node: 'alice', mechanism: 'PLAIN' });
    expect(of(ledger('sasl-downgrade', 'tap:alice~a.example'), 'password')).toEqual([expect.objectContaining({ user: 'alice', password: 'wonderland' })]);
  });

  it('inside TLS it fails: bob logs in with SCRAM-SHA-256, and the tap on his link reads no credential', () => {
    expect(facts('sasl-downgrade')).toContainEqual({ type: 'sasl-started', node: 'bob', mechanism: 'SCRAM-SHA-256' });
    expect(facts('sasl-downgrade')).toContainEqual(expect.objectContaining({ type: 'session-online', node: 'bob' }));
    const l = ledger('sasl-downgrade', 'tap:bob~a.example');
    expect([...of(l, 'password'), ...of(l, 'scram')]).toEqual([]);
    // The one packet mallory-bob changed is the offer before TLS, which bob's client discards (RFC 6120 §5.4.3.3).
    const { trace } = run('sasl-downgrade');
    expect(trace.events.filter((e) => e.link === 'bob~a.example' && e.transport?.via?.some((v) => v.did === 'rewrite')).length).toBe(1);
  });
});

describe('bad-certificate', () => {
  it('each client refuses its server’s certificate with the alert for its fault, and logs in nowhere', () => {
    const failed = facts('bad-certificate').filter((f): f is Extract<Fact, { type: 'tls-failed' }> => f.type === 'tls-failed' && f.sent);
    expect(failed.map((f) => [f.node, f.certificate, f.alert, f.sent])).toEqual([
      ['alice', 'name-mismatch', 'bad_certificate', true],
      ['bob', 'expired', 'certificate_expired', true],
      ['carol', 'unknown-ca', 'unknown_ca', true],
    ]);
    expect(facts('bad-certificate').some((f) => f.type === 'sasl-started' || f.type === 'session-online')).toBe(false);
    // The servers derived their keys before the refusal; no client ever holds any.
    expect(facts('bad-certificate').some((f) => f.type === 'tls-keys' && ['alice', 'bob', 'carol'].includes(f.node))).toBe(false);
  });

  it('the tap on alice’s link reads no credential and no JID of hers beyond the stream header', () => {
    const l = ledger('bad-certificate', 'tap:alice~a.example');
    expect([...of(l, 'password'), ...of(l, 'scram'), ...of(l, 'message')]).toEqual([]);
  });
});
