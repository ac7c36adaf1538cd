/**
 * What the lesson components quote from a simulation, computed from the engine at build time (the
 * compile check and the server components call the same functions): how many steps a preset has,
 * what an observer can read or knows at a step (`<Predict>`), the XML that crossed at a step
 * (`<StanzaView>`), and the data and answers of the `<Exercise>` kinds. Nothing here is typed into
 * MDX: a lesson names a scenario, a step and an observer, and the answer comes from the trace.
 * Each function returns a value or a string saying why the reference is wrong (the compile error).
 * @module
 */
import { fromBase64 } from '../../../lib/bytes/base64';
import { utf8DecodeStrict } from '../../../lib/bytes/hex';
import { ledgerOf } from '../../../lib/knowledge/ledger';
import { listObservers, observe, readEvents, type ObserverKind } from '../../../lib/knowledge/observe';
import { knowledgeAt, knowledgeTimeline } from '../../../lib/knowledge/timeline';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import type { Scenario, Trace } from '../../../lib/sim/types';
import { observerDisplayName } from '../../../lib/viz/knowledge';
import { shortName } from '../../../lib/viz/entities';
import { prettyPrint } from '../../../lib/xml/pretty';
import { scramLogins } from '../../../lib/viz/scram-calc';
import { tlsConnections } from '../../../lib/viz/tls-handshake';
import { storedKeyHex } from './scram-check';

/** The seed the scenario widget runs presets with (its WIDGET_SEED; a test holds them equal). */
export const LESSON_SEED = 1;

interface Run {
  scenario: Scenario;
  trace: Trace;
}

const runs = new Map<string, Run | null>();

/** A preset's run with the widget's seed, once per build; null for an unknown id. */
function runOf(id: string): Run | null {
  if (!runs.has(id)) {
    const scenario = getPreset(id);
    runs.set(id, scenario ? { scenario, trace: runScenario(scenario, { seed: LESSON_SEED }).trace } : null);
  }
  return runs.get(id)!;
}

/** The number of steps of a preset (step k shows event k − 1; 1 ≤ k ≤ this), or null for an unknown id. */
export function stepCount(id: string): number | null {
  return runOf(id)?.trace.events.length ?? null;
}

type Result<T> = T | string;

function checkStep(id: string, step: number, what: string): Result<Run> {
  const run = runOf(id);
  if (!run) return `no such scenario preset "${id}"`;
  const n = run.trace.events.length;
  if (!Number.isInteger(step) || step < 1 || step > n) return `${what} ${step} is outside "${id}" (steps 1–${n})`;
  return run;
}

function checkObserver(run: Run, name: string): Result<true> {
  const names = listObservers(run.scenario).map((o) => o.name);
  return names.includes(name) ? true : `"${run.scenario.id}" has no observer "${name}" (it has: ${names.join(', ')})`;
}

/** An observer as the widget's lens names it (kind, and whose link or node), so that no internal id reaches the reader. */
export function observerOf(id: string, name: string): { kind: ObserverKind; who: string } | null {
  const run = runOf(id);
  const info = run && listObservers(run.scenario).find((o) => o.name === name);
  if (!run || !info) return null;
  const names = new Map(run.trace.nodes.map((n) => [n.id, shortName(n)]));
  return { kind: info.kind, who: observerDisplayName(info, run.trace, (n) => names.get(n) ?? n) };
}

/** The question kinds of `<Predict>`: read a message body, or know a fact. */
const predictKinds = ['can-read', 'knows'] as const;

/** Why the answer is what it is, in the engine's terms; the component words it in EN/DE. */
export type Evidence =
  | { type: 'read'; text: string }
  | { type: 'sealed'; size: number }
  | { type: 'unseen' }
  | { type: 'known'; value: string }
  | { type: 'unknown' };

export interface PredictAnswer {
  yes: boolean;
  evidence: Evidence;
}

/** The facts `knows` can ask about: `ip:<node>`, `password:<user>`, `key:<TLS key name>`, `jid:<bare or full JID>`. */
const FACT = /^(ip|password|key|jid):(.+)$/;

/**
 * What the simulation says to a `<Predict>`: does `observer`, after the first `step` events, read the
 * body that crossed at step `about` (can-read; default the same step), or know the fact `about` (knows)?
 */
export function predictAnswer(p: { scenario: string; step: number; observer: string; kind: string; about?: string }): Result<PredictAnswer> {
  const run = checkStep(p.scenario, p.step, 'step');
  if (typeof run === 'string') return run;
  const known = checkObserver(run, p.observer);
  if (typeof known === 'string') return known;
  const tl = knowledgeTimeline(run.scenario, run.trace, p.observer)!;
  const seen = knowledgeAt(tl, p.step);
  if (p.kind === 'can-read') {
    const at = p.about === undefined ? p.step : Number(p.about);
    if (!/^\d+$/.test(p.about ?? '1') || at < 1 || at > p.step) return `can-read: about="${p.about}" must be a step from 1 to ${p.step}`;
    const seq = run.trace.events[at - 1]!.seq;
    // A body crossed at that step if some party of the scenario saw a message there.
    const carried = listObservers(run.scenario).some((o) => observe(run.scenario, run.trace, o.name)!.messages.some((m) => m.seq === seq));
    if (!carried) return `can-read: step ${at} of "${p.scenario}" carries no message body`;
    const m = seen.messages.find((x) => x.seq === seq);
    if (!m) return { yes: false, evidence: { type: 'unseen' } };
    return m.content === null ? { yes: false, evidence: { type: 'sealed', size: m.size } } : { yes: true, evidence: { type: 'read', text: m.content } };
  }
  if (p.kind === 'knows') {
    const f = FACT.exec(p.about ?? '');
    if (!f) return `knows: about="${p.about ?? ''}" must be ip:<node>, password:<user>, key:<key name> or jid:<jid>`;
    const [, kind, what] = f as unknown as [string, string, string];
    const md = seen.metadata;
    let value: string | undefined;
    if (kind === 'ip') {
      const node = run.trace.nodes.find((n) => n.id === what);
      if (!node) return `knows: "${p.scenario}" has no node "${what}"`;
      value = md.addresses.find((a) => a.ip === node.ip)?.ip;
    } else if (kind === 'password') value = md.credentials.find((c) => c.user === what)?.password;
    else if (kind === 'key') value = md.keys.find((k) => k === what);
    else value = md.jids.find((j) => j === what);
    return value === undefined ? { yes: false, evidence: { type: 'unknown' } } : { yes: true, evidence: { type: 'known', value } };
  }
  return `unknown question kind "${p.kind}" (use ${predictKinds.join(' or ')})`;
}

/** The XML that crossed at `step`, as the receiving node read it (inside TLS), pretty-printed, and its element's name. */
export function stanzaAt(id: string, step: number): Result<{ xml: string; name: string; from: string; to: string }> {
  const run = checkStep(id, step, 'step');
  if (typeof run === 'string') return run;
  const ev = run.trace.events[step - 1]!;
  if (ev.kind !== 'wire') return `step ${step} of "${id}" is not bytes on a link (it is a ${ev.kind} event)`;
  const read = readEvents(run.scenario, run.trace, ev.to)?.find((r) => r.event.seq === ev.seq);
  const text = read?.plaintext ? utf8DecodeStrict(read.plaintext) : null;
  // A stream header alone is no stanza: it has no end tag. Take the first complete element after it.
  const el = text === null ? null : /<(?!\?|\/|stream:)([A-Za-z][\w:.-]*)[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/.exec(text);
  if (!el) return `step ${step} of "${id}" carries no complete XML element`;
  return { xml: prettyPrint(el[0]), name: el[1]!, from: ev.from, to: ev.to };
}

/** Does an annotation target exist in a stanza: `@attr` an attribute of its top element, `name` a child element? */
export function annotationTarget(xml: string, at: string): boolean {
  if (at.startsWith('@')) {
    const top = /^<[^>]*>/.exec(xml)?.[0] ?? '';
    return new RegExp(`\\s${escapeRe(at.slice(1))}=['"]`).test(top);
  }
  return new RegExp(`<${escapeRe(at)}[\\s/>]`).test(xml.slice(1));
}

/** The line of the pretty-printed stanza an annotation points at (0-based), or -1. */
export function annotationLine(xml: string, at: string): number {
  const lines = xml.split('\n');
  if (at.startsWith('@')) return 0;
  return lines.findIndex((l, i) => (i > 0 || !l.startsWith(`<${at}`)) && new RegExp(`<${escapeRe(at)}[\\s/>]`).test(l));
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The kinds of `<Exercise>`, each a calculation whose answer the trace fixes. */
const exerciseKinds = ['plain-decode', 'scram-guess', 'otr-keyid'] as const;

export type ExerciseData =
  /** SASL PLAIN (RFC 4616): the base64 the tap read, its three parts, and the password (the answer). */
  | { kind: 'plain-decode'; base64: string; authzid: string; authcid: string; password: string }
  /** A leaked SCRAM record (RFC 5802 §3) and the candidates to test; `answer` is the one that matches. */
  | { kind: 'scram-guess'; server: string; mechanism: string; user: string; hash: 'SHA-1' | 'SHA-256'; salt: string; iterations: number; storedKey: string; candidates: string[]; answer: string }
  /** OTR data messages (OTR v3 "Data Message": sender keyid, recipient keyid) up to and including the one asked about. */
  | { kind: 'otr-keyid'; rows: { step: number; from: string; keys: string }[]; answer: number };

const SCRAM_HASH: Record<string, 'SHA-1' | 'SHA-256'> = { 'SCRAM-SHA-1': 'SHA-1', 'SCRAM-SHA-256': 'SHA-256' };

/** The data and answer of one exercise; a string when the scenario, step, observer or user does not fit the kind. */
export function exerciseData(p: { kind: string; scenario: string; step?: number; observer?: string; user?: string; candidates?: string }): Result<ExerciseData> {
  const run = runOf(p.scenario);
  if (!run) return `no such scenario preset "${p.scenario}"`;
  if (p.kind === 'plain-decode') {
    const r = stanzaAt(p.scenario, p.step ?? 0);
    if (typeof r === 'string') return r;
    const b64 = /<auth\b[^>]*mechanism=['"]PLAIN['"][^>]*>([^<]+)<\/auth>/.exec(r.xml)?.[1];
    if (!b64) return `plain-decode: step ${p.step} of "${p.scenario}" is no <auth mechanism='PLAIN'>`;
    // RFC 4616 §2: message = [authzid] UTF8NUL authcid UTF8NUL passwd
    const parts = (utf8DecodeStrict(fromBase64(b64)) ?? '').split('\u0000');
    if (parts.length !== 3) return `plain-decode: the payload at step ${p.step} is not authzid NUL authcid NUL password`;
    return { kind: 'plain-decode', base64: b64, authzid: parts[0]!, authcid: parts[1]!, password: parts[2]! };
  }
  if (p.kind === 'scram-guess') {
    const server = p.observer ?? '';
    if (run.scenario.topology.servers.every((s) => s.id !== server)) return `scram-guess: observer="${server}" must be a server of "${p.scenario}" (its stored credentials leak)`;
    const fact = ledgerOf(run.scenario, run.trace, server)!.facts.find((f) => f.kind === 'stored-credential' && f.user === p.user);
    if (!fact || fact.kind !== 'stored-credential') return `scram-guess: ${server} stores no SCRAM credential for "${p.user ?? ''}" in "${p.scenario}"`;
    const candidates = (p.candidates ?? '').split(',').map((c) => c.trim()).filter(Boolean);
    const hash = SCRAM_HASH[fact.mechanism];
    if (!hash) return `scram-guess: unknown mechanism ${fact.mechanism}`;
    const matching = candidates.filter((c) => storedKeyHex(c, fact.salt, fact.iterations, hash) === fact.storedKey);
    if (candidates.length < 2 || matching.length !== 1) return `scram-guess: candidates="${p.candidates ?? ''}" must list at least two passwords, exactly one of them right`;
    return { kind: 'scram-guess', server, mechanism: fact.mechanism, user: fact.user, hash, salt: fact.salt, iterations: fact.iterations, storedKey: fact.storedKey, candidates, answer: matching[0]! };
  }
  if (p.kind === 'otr-keyid') {
    const r = checkStep(p.scenario, p.step ?? 0, 'step');
    if (typeof r === 'string') return r;
    const seen = observe(run.scenario, run.trace, p.observer ?? '');
    if (!seen) return `otr-keyid: "${p.scenario}" has no observer "${p.observer ?? ''}"`;
    const data = seen.messages.filter((m) => m.kind === 'otr-data' && m.keys && m.seq < (p.step ?? 0));
    const last = data.at(-1);
    if (!last || last.seq !== (p.step ?? 0) - 1) return `otr-keyid: ${p.observer} sees no OTR data message at step ${p.step}`;
    return {
      kind: 'otr-keyid',
      rows: data.map((m) => ({ step: m.seq + 1, from: m.from.split('@')[0]!, keys: m.keys! })),
      answer: Number(last.keys!.split('/')[0]),
    };
  }
  return `unknown exercise kind "${p.kind}" (use ${exerciseKinds.join(', ')})`;
}

/**
 * `<Handshake id observer connection>` and `<ScramCalculator id>`: the preset must have a TLS connection
 * (the one named, `tls:alice~a.example`, or its first) whose keys both ends reported, and the observer
 * must be one of the scenario's; the widget opens at the step where the handshake completed.
 */
export function handshakeRef(p: { id: string; observer?: string; connection?: string }): Result<{ step: number; connection: string }> {
  const run = runOf(p.id);
  if (!run) return `no such scenario preset "${p.id}"`;
  if (p.observer !== undefined) {
    const known = checkObserver(run, p.observer);
    if (typeof known === 'string') return known;
  }
  const conns = tlsConnections(run.trace);
  const c = p.connection === undefined ? conns[0] : conns.find((k) => k.keyName === p.connection);
  if (!c) return `"${p.id}" has no TLS connection${p.connection ? ` "${p.connection}" (it has: ${conns.map((k) => k.keyName).join(', ') || 'none'})` : ''}`;
  if (c.keysStep === null) return `the handshake of ${c.keyName} in "${p.id}" does not complete`;
  return { step: c.keysStep, connection: c.keyName };
}

export function scramRef(id: string): Result<true> {
  const run = runOf(id);
  if (!run) return `no such scenario preset "${id}"`;
  return scramLogins(run.scenario, run.trace).length > 0 ? true : `"${id}" has no SCRAM login`;
}
