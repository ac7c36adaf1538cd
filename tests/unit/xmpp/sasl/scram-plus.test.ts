/**
 * SCRAM-SHA-256-PLUS (RFC 5802 §6 with RFC 9266 tls-exporter): the c= attribute carries the gs2-header
 * and the binding data; the server compares it with its own end of the channel. Vectors: the RFC 7677
 * §3 exchange with channel binding, every value recomputed here with node:crypto, independently of
 * lib/crypto. Then what each side refuses: another channel (a man in the middle), "y" at a server that
 * offers -PLUS (the downgrade of §6), an unknown binding type, -PLUS without binding.
 */
import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '@/lib/bytes/base64';
import { createAccountCredentials, scramLookup } from '@/lib/xmpp/sasl/credentials';
import { chooseMechanism, offeredMechanisms } from '@/lib/xmpp/sasl/mechanisms';
import { scramClientFinal, scramClientStart, scramClientVerify, scramServerFinal, scramServerStart } from '@/lib/xmpp/sasl/scram';

const salt = fromBase64('W22ZaJ0SNY7soEsUEjb6gQ==');
const accounts = [createAccountCredentials({ username: 'user', password: 'pencil', iterations: 4096, salts: { sha1: salt, sha256: salt } })];
const lookup = scramLookup(accounts, 'SHA-256');
const CNONCE = 'rOprNGfwEbeRWgbNEkqO';
const SNONCE = '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0';
/** Stand-ins for two TLS exporters (RFC 9266: 32 bytes each). */
const CHANNEL = Uint8Array.from({ length: 32 }, (_, i) => i);
const OTHER_CHANNEL = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);

function ok<T extends { type: string }>(r: T): Extract<T, { type: 'ok' }> {
  if (r.type !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r as Extract<T, { type: 'ok' }>;
}

/** RFC 5802 §3 with node:crypto: the proof and the server signature for an AuthMessage. */
function independent(authMessage: string) {
  const sp = pbkdf2Sync('pencil', Buffer.from(salt), 4096, 32, 'sha256');
  const ck = createHmac('sha256', sp).update('Client Key').digest();
  const stk = createHash('sha256').update(ck).digest();
  const cs = createHmac('sha256', stk).update(authMessage).digest();
  const proof = Buffer.from(ck.map((b, i) => b ^ cs[i]!));
  const sk = createHmac('sha256', sp).update('Server Key').digest();
  return { proof: proof.toString('base64'), serverSignature: createHmac('sha256', sk).update(authMessage).digest('base64') };
}

describe('SCRAM-SHA-256-PLUS with tls-exporter: the c= attribute', () => {
  const C1 = `p=tls-exporter,,n=user,r=${CNONCE}`;
  const S1 = `r=${CNONCE}${SNONCE},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096`;
  // c = base64("p=tls-exporter,," + the 32 binding bytes)
  const C = Buffer.concat([Buffer.from('p=tls-exporter,,'), Buffer.from(CHANNEL)]).toString('base64');
  const withoutProof = `c=${C},r=${CNONCE}${SNONCE}`;
  const { proof, serverSignature } = independent(`n=user,r=${CNONCE},${S1},${withoutProof}`);

  it('client and server reproduce the independently computed exchange', () => {
    expect(C).toBe('cD10bHMtZXhwb3J0ZXIsLAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f');
    const c = scramClientStart({ username: 'user', password: 'pencil', hash: 'SHA-256', nonce: CNONCE, channelBinding: { flag: 'p', data: CHANNEL } });
    expect(c.clientFirstMessage).toBe(C1);
    const s = ok(scramServerStart('SHA-256', lookup, C1, SNONCE, { channelBinding: CHANNEL, channelBindingOffered: true }));
    expect(s.serverFirstMessage).toBe(S1);
    const cf = ok(scramClientFinal(c.state, S1));
    expect(cf.clientFinalMessage).toBe(`${withoutProof},p=${proof}`);
    const sf = ok(scramServerFinal(s.state, cf.clientFinalMessage));
    expect(sf.serverFinalMessage).toBe(`v=${serverSignature}`);
    expect(ok(scramClientVerify(cf.state, sf.serverFinalMessage)).state.step).toBe('done');
  });

  it('a client on another TLS connection (a man in the middle’s) fails: channel-bindings-dont-match', () => {
    const c = scramClientStart({ username: 'user', password: 'pencil', hash: 'SHA-256', nonce: CNONCE, channelBinding: { flag: 'p', data: OTHER_CHANNEL } });
    const s = ok(scramServerStart('SHA-256', lookup, c.clientFirstMessage, SNONCE, { channelBinding: CHANNEL, channelBindingOffered: true }));
    const cf = ok(scramClientFinal(c.state, s.serverFirstMessage));
    expect(scramServerFinal(s.state, cf.clientFinalMessage)).toMatchObject({ type: 'failure', condition: 'not-authorized', reason: 'channel-binding-mismatch', serverFinalMessage: 'e=channel-bindings-dont-match' });
  });

  it('"y" (I could bind, you offered no -PLUS) fails at a server that offers -PLUS: the downgrade protection of RFC 5802 §6', () => {
    const c = scramClientStart({ username: 'user', password: 'pencil', hash: 'SHA-256', nonce: CNONCE, channelBinding: { flag: 'y' } });
    expect(c.clientFirstMessage).toBe(`y,,n=user,r=${CNONCE}`);
    expect(scramServerStart('SHA-256', lookup, c.clientFirstMessage, SNONCE, { channelBindingOffered: true })).toMatchObject({ type: 'failure', reason: 'channel-binding-downgrade', serverError: 'server-does-support-channel-binding' });
    // A server that offers no -PLUS takes "y"; c= then carries "y,," (base64 "eSws") and must come back unchanged.
    const s = ok(scramServerStart('SHA-256', lookup, c.clientFirstMessage, SNONCE));
    const cf = ok(scramClientFinal(c.state, s.serverFirstMessage));
    expect(cf.clientFinalMessage.startsWith('c=eSws,')).toBe(true);
    expect(scramServerFinal(s.state, cf.clientFinalMessage).type).toBe('ok');
  });

  it('refuses another binding type, "p" without -PLUS, and -PLUS without "p"', () => {
    expect(scramServerStart('SHA-256', lookup, `p=tls-unique,,n=user,r=${CNONCE}`, SNONCE, { channelBinding: CHANNEL })).toMatchObject({ type: 'failure', serverError: 'unsupported-channel-binding-type' });
    expect(scramServerStart('SHA-256', lookup, C1, SNONCE)).toMatchObject({ type: 'failure', serverError: 'channel-binding-not-supported' });
    expect(scramServerStart('SHA-256', lookup, `n,,n=user,r=${CNONCE}`, SNONCE, { channelBinding: CHANNEL })).toMatchObject({ type: 'failure', reason: 'plus-without-binding' });
  });
});

describe('-PLUS in the mechanism lists', () => {
  it('is offered and chosen only inside TLS, first of all', () => {
    const all = ['SCRAM-SHA-256-PLUS', 'SCRAM-SHA-256', 'PLAIN'] as const;
    expect(offeredMechanisms({ tls: true, allowPlainWithoutTls: false, enabled: all })).toEqual(['SCRAM-SHA-256-PLUS', 'SCRAM-SHA-256', 'PLAIN']);
    expect(offeredMechanisms({ tls: false, allowPlainWithoutTls: false, enabled: all })).toEqual(['SCRAM-SHA-256']);
    expect(chooseMechanism([...all], ['SCRAM-SHA-256-PLUS', 'SCRAM-SHA-256'], { tls: true })).toBe('SCRAM-SHA-256-PLUS');
    expect(chooseMechanism([...all], ['SCRAM-SHA-256-PLUS', 'SCRAM-SHA-256'], { tls: false })).toBe('SCRAM-SHA-256');
  });
});

describe('-PLUS in the simulator: client and server bind to their own TLS connection', () => {
  it('c2s-login with SCRAM-SHA-256-PLUS logs in, and the c= the server checked holds its exporter', async () => {
    const { c2sLogin } = await import('@/lib/scenarios/presets/c2s-login');
    const { runScenario } = await import('@/lib/scenarios/run');
    const sc = { ...c2sLogin, settings: { ...c2sLogin.settings, sasl: 'SCRAM-SHA-256-PLUS' as const, serverMechanisms: ['SCRAM-SHA-256-PLUS' as const, 'SCRAM-SHA-256' as const] } };
    const facts = runScenario(sc, { seed: 1 }).trace.events.flatMap((e) => e.facts);
    expect(facts).toContainEqual({ type: 'sasl-started', node: 'alice', mechanism: 'SCRAM-SHA-256-PLUS' });
    expect(facts).toContainEqual(expect.objectContaining({ type: 'session-online', node: 'alice' }));
  });
});
