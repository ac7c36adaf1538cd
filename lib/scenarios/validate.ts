/**
 * Validation of scenario data on load (a preset, a file, a share link): every problem is reported
 * with the path of the bad field (`topology.clients[1].jid`), and nothing is thrown.
 * @module
 */
import type { Action, Scenario } from '../sim/types';

export interface ScenarioError {
  /** Where in the data: `script[2].action.to`. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

type Obj = Record<string, unknown>;

const ID = /^[a-z0-9][a-z0-9._:~-]{0,62}$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const LOCALPART = /^[^\s"&'/:<>@]{1,64}$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const MAX_BODY = 64 * 1024;
const MAX_TIME = 24 * 3600 * 1000;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Checker {
  errors: ScenarioError[] = [];
  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }
  obj(v: unknown, path: string): Obj | null {
    if (isObj(v)) return v;
    this.fail(path, 'must be an object');
    return null;
  }
  arr(v: unknown, path: string): unknown[] {
    if (Array.isArray(v)) return v;
    this.fail(path, 'must be a list');
    return [];
  }
  str(v: unknown, path: string, pattern?: RegExp, what?: string): string | null {
    if (typeof v !== 'string') {
      this.fail(path, 'must be text');
      return null;
    }
    if (pattern && !pattern.test(v)) {
      this.fail(path, `“${v.slice(0, 80)}” is not a valid ${what ?? 'value'}`);
      return null;
    }
    return v;
  }
  num(v: unknown, path: string, min: number, max: number): number | null {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.fail(path, 'must be a number');
      return null;
    }
    if (v < min || v > max) {
      this.fail(path, `must be between ${min} and ${max}`);
      return null;
    }
    return v;
  }
  localized(v: unknown, path: string): void {
    const o = this.obj(v, path);
    if (!o) return;
    this.str(o.en, `${path}.en`);
    this.str(o.de, `${path}.de`);
  }
}

function bareJid(c: Checker, v: unknown, path: string): string | null {
  const s = c.str(v, path);
  if (s === null) return null;
  const at = s.indexOf('@');
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (at <= 0 || !LOCALPART.test(local) || !DOMAIN.test(domain)) {
    c.fail(path, `“${s.slice(0, 80)}” is not a valid bare JID (localpart@domain)`);
    return null;
  }
  return s;
}

const MECHANISMS = ['SCRAM-SHA-256', 'SCRAM-SHA-1', 'PLAIN'];
const SHOWS = ['away', 'chat', 'dnd', 'xa'];
const MESSAGE_TYPES = ['chat', 'normal', 'headline', 'groupchat'];
const ACTIONS = [
  'connect', 'disconnect', 'send-message', 'retry-login', 'set-presence', 'add-contact', 'subscribe', 'unsubscribe',
  'approve-subscription', 'deny-subscription', 'remove-contact', 'roster-get', 'disco-info', 'disco-items', 'ping', 'send-raw',
  'otr-start', 'otr-end', 'smp-start', 'smp-respond', 'static-publish', 'send-static', 'send-signed',
];
const STOLEN = ['long-term-keys', 'otr-session', 'static-key'];
const MAX_SECRET = 1024;
const MAX_RAW = 16 * 1024;

function oneOf(c: Checker, v: unknown, path: string, allowed: readonly string[]): void {
  if (typeof v !== 'string' || !allowed.includes(v)) c.fail(path, `must be one of ${allowed.join(', ')}`);
}

/** A JID an action addresses: bare or full (localpart@domain[/resource]) or a domain. */
function anyJid(c: Checker, v: unknown, path: string): void {
  const s = c.str(v, path);
  if (s === null) return;
  const slash = s.indexOf('/');
  const bare = slash < 0 ? s : s.slice(0, slash);
  const ok = bare.includes('@') ? bareJid(new Checker(), bare, path) !== null : DOMAIN.test(bare);
  if (!ok || (slash >= 0 && !/^[^\s/]{1,64}$/.test(s.slice(slash + 1)))) c.fail(path, `“${s.slice(0, 80)}” is not a valid JID`);
}

/** A person's JID: localpart@domain, optionally /resource. */
function personJid(c: Checker, v: unknown, path: string): void {
  if (typeof v === 'string' && !v.split('/')[0]!.includes('@')) {
    c.fail(path, `“${v.slice(0, 80)}” is not a person’s JID (localpart@domain)`);
    return;
  }
  anyJid(c, v, path);
}

function checkAction(c: Checker, v: unknown, path: string): void {
  const a = c.obj(v, path);
  if (!a) return;
  const type = a.type as Action['type'] | unknown;
  switch (type) {
    case 'connect':
    case 'disconnect':
    case 'roster-get':
      return;
    case 'send-message': {
      anyJid(c, a.to, `${path}.to`);
      const body = c.str(a.body, `${path}.body`);
      if (body !== null && body.length > MAX_BODY) c.fail(`${path}.body`, `is longer than ${MAX_BODY} characters`);
      if (a.messageType !== undefined) oneOf(c, a.messageType, `${path}.messageType`, MESSAGE_TYPES);
      return;
    }
    case 'retry-login':
      if (a.password !== undefined) c.str(a.password, `${path}.password`);
      if (a.mechanism !== undefined) oneOf(c, a.mechanism, `${path}.mechanism`, MECHANISMS);
      return;
    case 'set-presence':
      if (a.show !== undefined) oneOf(c, a.show, `${path}.show`, SHOWS);
      if (a.status !== undefined) {
        const st = c.str(a.status, `${path}.status`);
        if (st !== null && st.length > 1024) c.fail(`${path}.status`, 'is longer than 1024 characters');
      }
      if (a.priority !== undefined) {
        const p = c.num(a.priority, `${path}.priority`, -128, 127);
        if (p !== null && !Number.isInteger(p)) c.fail(`${path}.priority`, 'must be a whole number');
      }
      if (a.unavailable !== undefined && typeof a.unavailable !== 'boolean') c.fail(`${path}.unavailable`, 'must be true or false');
      return;
    case 'add-contact':
      bareJid(c, a.jid, `${path}.jid`);
      if (a.name !== undefined) c.str(a.name, `${path}.name`);
      return;
    case 'subscribe':
    case 'unsubscribe':
    case 'approve-subscription':
    case 'deny-subscription':
    case 'remove-contact':
      bareJid(c, a.jid, `${path}.jid`);
      return;
    case 'disco-info':
    case 'disco-items':
    case 'ping':
      if (a.to !== undefined) anyJid(c, a.to, `${path}.to`);
      return;
    case 'send-raw': {
      const t = c.str(a.text, `${path}.text`);
      if (t !== null && t.length > MAX_RAW) c.fail(`${path}.text`, `is longer than ${MAX_RAW} characters`);
      return;
    }
    case 'otr-start':
    case 'otr-end':
    case 'static-publish':
      // OTR talks to a person (XEP-0364 §4.2: a bare or full JID), never to a server.
      personJid(c, a.to, `${path}.to`);
      return;
    case 'smp-start':
    case 'smp-respond': {
      personJid(c, a.to, `${path}.to`);
      const secret = c.str(a.secret, `${path}.secret`);
      if (secret !== null && (secret.length === 0 || secret.length > MAX_SECRET)) c.fail(`${path}.secret`, `must be 1 to ${MAX_SECRET} characters`);
      if (a.type === 'smp-start' && a.question !== undefined) {
        const q = c.str(a.question, `${path}.question`);
        if (q !== null && q.length > MAX_SECRET) c.fail(`${path}.question`, `is longer than ${MAX_SECRET} characters`);
      }
      return;
    }
    case 'send-signed':
    case 'send-static': {
      personJid(c, a.to, `${path}.to`);
      const body = c.str(a.body, `${path}.body`);
      if (body !== null && body.length > MAX_BODY) c.fail(`${path}.body`, `is longer than ${MAX_BODY} characters`);
      return;
    }
    default:
      c.fail(`${path}.type`, `unknown action “${String(type)}” (known: ${ACTIONS.join(', ')})`);
  }
}

function checkSettings(c: Checker, settings: Obj): void {
  oneOf(c, settings.tls, 'settings.tls', ['none', 'starttls', 'required']);
  oneOf(c, settings.sasl, 'settings.sasl', MECHANISMS);
  if (settings.serverMechanisms !== undefined) {
    const list = c.arr(settings.serverMechanisms, 'settings.serverMechanisms');
    list.forEach((m, i) => oneOf(c, m, `settings.serverMechanisms[${i}]`, MECHANISMS));
    if (Array.isArray(settings.serverMechanisms) && list.length === 0) c.fail('settings.serverMechanisms', 'needs at least one mechanism');
  }
  if (settings.allowPlainWithoutTls !== undefined && typeof settings.allowPlainWithoutTls !== 'boolean') c.fail('settings.allowPlainWithoutTls', 'must be true or false');
  const int = (key: string, min: number, max: number) => {
    if (settings[key] === undefined) return;
    const n = c.num(settings[key], `settings.${key}`, min, max);
    if (n !== null && !Number.isInteger(n)) c.fail(`settings.${key}`, 'must be a whole number');
  };
  // RFC 7677 §4: at least 4096 iterations; clients refuse fewer. Above 100 000 a page would stall.
  int('scramIterations', 4096, 100_000);
  int('maxAuthAttempts', 1, 10);
  int('offlineLimit', 0, 1000);
}

/** `topology.thieves`: each records one link and robs client devices at given times (lib/knowledge/thief.ts). */
function checkThieves(c: Checker, v: unknown, linkIds: Set<string>, nodes: Map<string, 'client' | 'server'>): void {
  const ids = new Set<string>();
  c.arr(v, 'topology.thieves').forEach((tv, i) => {
    const p = `topology.thieves[${i}]`;
    const t = c.obj(tv, p);
    if (!t) return;
    const id = c.str(t.id, `${p}.id`, ID, 'id');
    if (id !== null) {
      if (ids.has(id) || nodes.has(id)) c.fail(`${p}.id`, `observer name “${id}” is already taken`);
      ids.add(id);
    }
    const link = c.str(t.link, `${p}.link`);
    if (link !== null && !linkIds.has(link)) c.fail(`${p}.link`, `no link with id “${link}”`);
    const steals = c.arr(t.steals, `${p}.steals`);
    if (Array.isArray(t.steals) && steals.length === 0) c.fail(`${p}.steals`, 'needs at least one theft');
    steals.forEach((sv, j) => {
      const sp = `${p}.steals[${j}]`;
      const s = c.obj(sv, sp);
      if (!s) return;
      const node = c.str(s.node, `${sp}.node`);
      if (node !== null && nodes.get(node) !== 'client') c.fail(`${sp}.node`, `no client with id “${node}”`);
      c.num(s.at, `${sp}.at`, 0, MAX_TIME);
      const what = c.arr(s.what, `${sp}.what`);
      if (Array.isArray(s.what) && what.length === 0) c.fail(`${sp}.what`, `needs at least one of ${STOLEN.join(', ')}`);
      what.forEach((w, k) => oneOf(c, w, `${sp}.what[${k}]`, STOLEN));
    });
  });
}

/** `topology.servers[i].otrMitm`: the operator sits between two of its own accounts (lib/xmpp/server/otr-mitm.ts). */
function checkOtrMitm(c: Checker, v: unknown, p: string, domain: string | null, users: Set<string>): void {
  const m = c.obj(v, p);
  if (!m) return;
  const between = c.arr(m.between, `${p}.between`);
  if (Array.isArray(m.between) && between.length !== 2) return c.fail(`${p}.between`, 'needs exactly two accounts (bare JIDs)');
  between.forEach((jv, i) => {
    const jid = bareJid(c, jv, `${p}.between[${i}]`);
    if (jid === null) return;
    const [local, dom] = jid.split('@');
    if (dom !== domain || !users.has(local!)) c.fail(`${p}.between[${i}]`, `“${jid}” is not an account on this server`);
  });
  if (between.length === 2 && between[0] === between[1]) c.fail(`${p}.between[1]`, 'must differ from the first account');
}

/** `topology.forgers`: each records one link and edits recorded messages (lib/knowledge/forger.ts). */
function checkForgers(c: Checker, v: unknown, linkIds: Set<string>, taken: (id: string) => boolean): void {
  const ids = new Set<string>();
  const bytes = (t: string) => new TextEncoder().encode(t).length;
  c.arr(v, 'topology.forgers').forEach((fv, i) => {
    const p = `topology.forgers[${i}]`;
    const f = c.obj(fv, p);
    if (!f) return;
    const id = c.str(f.id, `${p}.id`, ID, 'id');
    if (id !== null) {
      if (ids.has(id) || taken(id)) c.fail(`${p}.id`, `observer name “${id}” is already taken`);
      ids.add(id);
    }
    const link = c.str(f.link, `${p}.link`);
    if (link !== null && !linkIds.has(link)) c.fail(`${p}.link`, `no link with id “${link}”`);
    const edits = c.arr(f.edits, `${p}.edits`);
    if (Array.isArray(f.edits) && edits.length === 0) c.fail(`${p}.edits`, 'needs at least one edit');
    edits.forEach((ev, j) => {
      const ep = `${p}.edits[${j}]`;
      const e = c.obj(ev, ep);
      if (!e) return;
      const n = c.num(e.message, `${ep}.message`, 0, 1000);
      if (n !== null && !Number.isInteger(n)) c.fail(`${ep}.message`, 'must be a whole number');
      const find = c.str(e.find, `${ep}.find`);
      const replace = c.str(e.replace, `${ep}.replace`);
      if (find !== null && (find.length === 0 || find.length > MAX_SECRET)) c.fail(`${ep}.find`, `must be 1 to ${MAX_SECRET} characters`);
      // An XOR edit of a stream cipher keeps the length.
      if (find !== null && replace !== null && bytes(find) !== bytes(replace)) c.fail(`${ep}.replace`, `must be as long as find (${bytes(find)} bytes in UTF-8)`);
      if (e.known === undefined) return;
      const known = c.str(e.known, `${ep}.known`);
      if (known !== null && find !== null && !known.includes(find)) c.fail(`${ep}.known`, 'must contain find');
      if (known !== null && known.length > MAX_BODY) c.fail(`${ep}.known`, `is longer than ${MAX_BODY} characters`);
    });
  });
}

function checkDns(c: Checker, v: unknown): void {
  const dns = c.obj(v, 'topology.dns');
  if (!dns) return;
  c.arr(dns.srv, 'topology.dns.srv').forEach((rv, i) => {
    const p = `topology.dns.srv[${i}]`;
    const r = c.obj(rv, p);
    if (!r) return;
    c.str(r.name, `${p}.name`, /^_xmpp-(server|client)\._tcp\.[a-z0-9.-]{1,253}$/, 'SRV name (_xmpp-server._tcp.<domain>)');
    c.num(r.priority, `${p}.priority`, 0, 65535);
    c.num(r.weight, `${p}.weight`, 0, 65535);
    c.num(r.port, `${p}.port`, 1, 65535);
    c.str(r.target, `${p}.target`, DOMAIN, 'host name');
  });
  c.arr(dns.a, 'topology.dns.a').forEach((rv, i) => {
    const p = `topology.dns.a[${i}]`;
    const r = c.obj(rv, p);
    if (!r) return;
    c.str(r.name, `${p}.name`, DOMAIN, 'host name');
    c.str(r.ip, `${p}.ip`, IPV4, 'IPv4 address');
  });
}

export function validateScenario(input: unknown): ValidationResult {
  const c = new Checker();
  const root = c.obj(input, '(scenario)');
  if (!root) return { ok: false, errors: c.errors };
  c.str(root.id, 'id', ID, 'id (lowercase letters, digits, . _ : ~ -)');
  c.localized(root.title, 'title');
  c.localized(root.summary, 'summary');

  const nodes = new Map<string, 'client' | 'server'>();
  const domains = new Map<string, string>();
  const addNode = (id: string | null, kind: 'client' | 'server', path: string) => {
    if (id === null) return;
    if (nodes.has(id)) c.fail(path, `node id “${id}” is used twice`);
    nodes.set(id, kind);
  };

  const topo = c.obj(root.topology, 'topology');
  const linkIds = new Set<string>();
  if (topo) {
    c.arr(topo.servers, 'topology.servers').forEach((sv, i) => {
      const p = `topology.servers[${i}]`;
      const s = c.obj(sv, p);
      if (!s) return;
      const id = c.str(s.id, `${p}.id`, ID, 'id');
      addNode(id, 'server', `${p}.id`);
      const domain = c.str(s.domain, `${p}.domain`, DOMAIN, 'domain');
      if (id && domain) domains.set(id, domain);
      c.str(s.ip, `${p}.ip`, IPV4, 'IPv4 address');
      c.arr(s.accounts, `${p}.accounts`).forEach((av, j) => {
        const a = c.obj(av, `${p}.accounts[${j}]`);
        if (!a) return;
        c.str(a.user, `${p}.accounts[${j}].user`, LOCALPART, 'username');
        c.str(a.password, `${p}.accounts[${j}].password`);
      });
      if (s.otrMitm !== undefined) checkOtrMitm(c, s.otrMitm, `${p}.otrMitm`, domain, new Set((Array.isArray(s.accounts) ? s.accounts : []).map((a) => String(isObj(a) ? a.user : ''))));
    });
    if (domains.size === 0 && c.errors.length === 0) c.fail('topology.servers', 'needs at least one server');
    const clients: { id: string; server: string; path: string }[] = [];
    c.arr(topo.clients, 'topology.clients').forEach((cv, i) => {
      const p = `topology.clients[${i}]`;
      const o = c.obj(cv, p);
      if (!o) return;
      const id = c.str(o.id, `${p}.id`, ID, 'id');
      addNode(id, 'client', `${p}.id`);
      const jid = bareJid(c, o.jid, `${p}.jid`);
      c.str(o.password, `${p}.password`);
      c.str(o.ip, `${p}.ip`, IPV4, 'IPv4 address');
      if (o.resource !== undefined) c.str(o.resource, `${p}.resource`, /^[^\s/]{1,64}$/, 'resource');
      const server = c.str(o.server, `${p}.server`);
      if (server !== null) {
        if (nodes.get(server) !== 'server') c.fail(`${p}.server`, `no server with id “${server}”`);
        else if (jid && jid.split('@')[1] !== domains.get(server)) c.fail(`${p}.jid`, `must be on the domain of server “${server}” (${domains.get(server) ?? '?'})`);
        if (id) clients.push({ id, server, path: p });
      }
    });
    const linked = new Set<string>();
    c.arr(topo.links, 'topology.links').forEach((lv, i) => {
      const p = `topology.links[${i}]`;
      const l = c.obj(lv, p);
      if (!l) return;
      const id = c.str(l.id, `${p}.id`, ID, 'id');
      if (id !== null) {
        if (linkIds.has(id)) c.fail(`${p}.id`, `link id “${id}” is used twice`);
        linkIds.add(id);
      }
      const a = c.str(l.a, `${p}.a`);
      const b = c.str(l.b, `${p}.b`);
      if (a !== null && !nodes.has(a)) c.fail(`${p}.a`, `no node with id “${a}”`);
      if (b !== null && !nodes.has(b)) c.fail(`${p}.b`, `no node with id “${b}”`);
      if (a !== null && a === b) c.fail(`${p}.b`, 'a link needs two different ends');
      c.num(l.latencyMs, `${p}.latencyMs`, 0, 60_000);
      if (a && b) linked.add(`${a}\u0000${b}`).add(`${b}\u0000${a}`);
    });
    for (const cl of clients) if (!linked.has(`${cl.id}\u0000${cl.server}`)) c.fail(`${cl.path}`, `client “${cl.id}” has no link to its server “${cl.server}”`);
    c.arr(topo.taps, 'topology.taps').forEach((tv, i) => {
      const p = `topology.taps[${i}]`;
      const t = c.obj(tv, p);
      if (!t) return;
      c.str(t.id, `${p}.id`);
      const link = c.str(t.link, `${p}.link`);
      if (link !== null && !linkIds.has(link)) c.fail(`${p}.link`, `no link with id “${link}”`);
    });
    if (topo.thieves !== undefined) checkThieves(c, topo.thieves, linkIds, nodes);
    if (topo.forgers !== undefined) checkForgers(c, topo.forgers, linkIds, (id) => nodes.has(id) || (Array.isArray(topo.taps) && topo.taps.some((t) => isObj(t) && t.id === id)));
    if (topo.dns !== undefined) checkDns(c, topo.dns);
    if (topo.down !== undefined) {
      c.arr(topo.down, 'topology.down').forEach((dv, i) => {
        const d = c.str(dv, `topology.down[${i}]`);
        if (d !== null && nodes.get(d) !== 'server') c.fail(`topology.down[${i}]`, `no server with id “${d}”`);
      });
    }
  }

  const settings = c.obj(root.settings, 'settings');
  if (settings) checkSettings(c, settings);

  c.arr(root.script, 'script').forEach((sv, i) => {
    const p = `script[${i}]`;
    const s = c.obj(sv, p);
    if (!s) return;
    c.num(s.at, `${p}.at`, 0, MAX_TIME);
    const node = c.str(s.node, `${p}.node`);
    if (node !== null && nodes.get(node) !== 'client') c.fail(`${p}.node`, `no client with id “${node}”`);
    checkAction(c, s.action, `${p}.action`);
  });

  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, scenario: input as Scenario };
}

/** Parse JSON text and validate it; a syntax error is reported like any other problem. */
export function parseScenarioJson(text: string): ValidationResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return validateScenario(data);
}

export function formatErrors(errors: ScenarioError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
