/**
 * The SCRAM calculator's data (issue #10 item 7): each SCRAM login of a run as its client read it (inside
 * TLS: the client holds the keys), the values RFC 5802 §3 computes from them — SaltedPassword, ClientKey,
 * StoredKey, ServerKey, AuthMessage, ClientSignature, ClientProof, ServerSignature — and whether the proof
 * and the server's signature equal what crossed the wire. With lib/crypto/scram's one function per line of §3.
 * @module
 */
import { fromBase64 } from '../bytes/base64';
import { toHex, utf8Decode } from '../bytes/hex';
import * as S from '../crypto/scram';
import { readEvents } from '../knowledge/observe';
import type { Scenario, Trace } from '../sim/types';
import type { ScramClientKeys } from '../xmpp/sasl/scram';

export interface ScramLogin {
  client: string;
  server: string;
  user: string;
  mechanism: string;
  hash: S.ScramHash;
  /** steps (event seq + 1) of auth, challenge, response and success; success null when the login failed */
  steps: { first: number; challenge: number; response: number; success: number | null };
  clientFirstBare: string;
  serverFirst: string;
  clientFinalWithoutProof: string;
  /** RFC 5802 §7 attributes, as sent: s= (hex), i=, c= (base64 and what it decodes to), p= and v= (hex) */
  salt: string;
  iterations: number;
  channelBinding: { base64: string; header: string; data: string };
  proof: string;
  serverSignature: string | null;
}

/** RFC 5802 §3's values, hex (AuthMessage as text): the ones the engine's SCRAM client keeps, without salt and i. */
export type ScramValues = Omit<ScramClientKeys, 'salt' | 'iterations'>;

const HASHES: Record<string, S.ScramHash> = { 'SCRAM-SHA-1': 'SHA-1', 'SCRAM-SHA-256': 'SHA-256', 'SCRAM-SHA-1-PLUS': 'SHA-1', 'SCRAM-SHA-256-PLUS': 'SHA-256' };
const attr = (msg: string, name: string) => msg.split(',').find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1) ?? null;
const b64text = (s: string) => utf8Decode(fromBase64(s));

/** Every SCRAM login in the run, as each client read its own exchange. */
export function scramLogins(scenario: Scenario, trace: Trace): ScramLogin[] {
  const out: ScramLogin[] = [];
  for (const c of scenario.topology.clients) {
    const read = readEvents(scenario, trace, c.id) ?? [];
    let cur: Partial<ScramLogin> & { firstMessage?: string } = {};
    for (const r of read) {
      if (!r.plaintext) continue;
      const xml = utf8Decode(r.plaintext);
      const step = r.event.seq + 1;
      const auth = /<auth\b[^>]*mechanism=['"](SCRAM-[A-Z0-9-]+)['"][^>]*>([^<]*)<\/auth>/.exec(xml);
      if (auth && r.event.from === c.id) {
        const first = b64text(auth[2]!);
        // RFC 5802 §7: client-first-message = gs2-header client-first-message-bare, gs2-header = cbind-flag "," [authzid] ","
        const bare = first.slice(first.indexOf(',', first.indexOf(',') + 1) + 1);
        cur = { client: c.id, server: r.event.to, mechanism: auth[1]!, hash: HASHES[auth[1]!] ?? 'SHA-1', user: attr(bare, 'n') ?? '', clientFirstBare: bare, steps: { first: step, challenge: 0, response: 0, success: null } };
        continue;
      }
      if (!cur.steps) continue;
      const challenge = /<challenge\b[^>]*>([^<]*)<\/challenge>/.exec(xml);
      if (challenge && r.event.to === c.id && !cur.serverFirst) {
        cur.serverFirst = b64text(challenge[1]!);
        cur.salt = toHex(fromBase64(attr(cur.serverFirst, 's') ?? ''));
        cur.iterations = Number(attr(cur.serverFirst, 'i'));
        cur.steps.challenge = step;
        continue;
      }
      const response = /<response\b[^>]*>([^<]*)<\/response>/.exec(xml);
      if (response && r.event.from === c.id && cur.serverFirst) {
        const final = b64text(response[1]!);
        cur.clientFinalWithoutProof = final.slice(0, final.lastIndexOf(',p='));
        cur.proof = toHex(fromBase64(attr(final, 'p') ?? ''));
        const cb = attr(final, 'c') ?? '';
        const cbBytes = fromBase64(cb);
        const headerEnd = utf8Decode(cbBytes).indexOf(',', utf8Decode(cbBytes).indexOf(',') + 1) + 1;
        cur.channelBinding = { base64: cb, header: utf8Decode(cbBytes.subarray(0, headerEnd)), data: toHex(cbBytes.subarray(headerEnd)) };
        cur.steps.response = step;
        continue;
      }
      const success = /<success\b[^>]*>([^<]*)<\/success>/.exec(xml);
      if (success && r.event.to === c.id && cur.proof !== undefined) {
        const v = attr(b64text(success[1]!), 'v');
        cur.serverSignature = v ? toHex(fromBase64(v)) : null;
        cur.steps.success = step;
        out.push(cur as ScramLogin);
        cur = {};
      } else if (/<failure\b/.test(xml) && r.event.to === c.id && cur.proof !== undefined) {
        out.push({ ...(cur as ScramLogin), serverSignature: null });
        cur = {};
      }
    }
  }
  return out.sort((a, b) => a.steps.first - b.steps.first);
}

/**
 * The password the client typed for this login: the one of its account, or of a retry in the script,
 * whichever gives the proof that crossed the wire (a simulation knows every user's password; a real
 * attacker does not, which is the point of the guessing box).
 */
export function passwordOf(scenario: Scenario, login: ScramLogin): string {
  const client = scenario.topology.clients.find((c) => c.id === login.client);
  const tried = [client?.password ?? '', ...scenario.script.flatMap((s) => (s.node === login.client && s.action.type === 'retry-login' && s.action.password !== undefined ? [s.action.password] : []))];
  return tried.find((p) => scramValues(login, p)?.clientProof === login.proof) ?? tried[0]!;
}

/** RFC 5802 §3, line by line, for `password`; null when SASLprep refuses it (RFC 4013 §2.3). */
export function scramValues(login: ScramLogin, password: string): ScramValues | null {
  const h = login.hash;
  let salted: Uint8Array;
  try {
    salted = S.saltedPassword(password, Uint8Array.from(login.salt.match(/../g) ?? [], (x) => parseInt(x, 16)), login.iterations, h);
  } catch {
    return null; // expected: a prohibited character has no SaltedPassword
  }
  const clientKey = S.clientKey(salted, h);
  const storedKey = S.storedKey(clientKey, h);
  const serverKey = S.serverKey(salted, h);
  const authMessage = `${login.clientFirstBare},${login.serverFirst},${login.clientFinalWithoutProof}`;
  const clientSignature = S.clientSignature(storedKey, authMessage, h);
  return {
    saltedPassword: toHex(salted),
    clientKey: toHex(clientKey),
    storedKey: toHex(storedKey),
    serverKey: toHex(serverKey),
    authMessage,
    clientSignature: toHex(clientSignature),
    clientProof: toHex(S.clientProof(clientKey, clientSignature)),
    serverSignature: toHex(S.serverSignature(serverKey, authMessage, h)),
  };
}
