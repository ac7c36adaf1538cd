/**
 * The checks a shape cannot express: references between fields. Node ids are unique; a client's server
 * exists, its JID is on that server's domain and a link joins them; links join existing, different
 * nodes; observers have unique names and record existing links; thieves rob clients; a man in the
 * middle sits between two accounts of its own server; a forger's edit keeps the length. The script's
 * actors are clients. Runs on unchecked data (never throws) and skips any value the shape check
 * already refused (`bad`), so one mistake gives one message.
 * @module
 */
import { at, isObject } from './dsl';
import type { Issue } from './issues';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

export function checkRefs(data: unknown, bad: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  if (!isObject(data)) return issues;
  /** The string at `path`, unless it is not one or the shape check refused it. */
  const str = (v: unknown, path: string): string | null => (typeof v === 'string' && !bad.has(path) ? v : null);
  const nodes = new Map<string, 'client' | 'server'>();
  const servers = new Map<string, { domain: string | null; users: Set<string> }>();
  const linkIds = new Set<string>();
  const boxes = new Set<string>();
  const topo = isObject(data.topology) ? data.topology : undefined;

  if (topo) {
    const addNode = (id: string, kind: 'client' | 'server', path: string) => {
      if (nodes.has(id)) issues.push({ path, code: 'id.twice', params: { id } });
      else nodes.set(id, kind);
    };
    list(topo.servers).forEach((sv, i) => {
      const p = at('topology.servers', i);
      if (!isObject(sv)) return;
      const id = str(sv.id, at(p, 'id'));
      if (id === null) return;
      addNode(id, 'server', at(p, 'id'));
      const users = new Set(list(sv.accounts).flatMap((a) => (isObject(a) && typeof a.user === 'string' ? [a.user] : [])));
      if (!servers.has(id)) servers.set(id, { domain: str(sv.domain, at(p, 'domain')), users });
    });

    const clients: { id: string; server: string; path: string }[] = [];
    list(topo.clients).forEach((cv, i) => {
      const p = at('topology.clients', i);
      if (!isObject(cv)) return;
      const id = str(cv.id, at(p, 'id'));
      if (id !== null) addNode(id, 'client', at(p, 'id'));
      const server = str(cv.server, at(p, 'server'));
      if (server === null) return;
      const jid = str(cv.jid, at(p, 'jid'));
      const domain = servers.get(server)?.domain;
      if (nodes.get(server) !== 'server') issues.push({ path: at(p, 'server'), code: 'ref.server', params: { id: server } });
      else if (jid !== null && domain != null && jid.slice(jid.indexOf('@') + 1) !== domain) issues.push({ path: at(p, 'jid'), code: 'client.domain', params: { server, domain } });
      if (id !== null) clients.push({ id, server, path: p });
    });

    const linked = new Set<string>();
    list(topo.links).forEach((lv, i) => {
      const p = at('topology.links', i);
      if (!isObject(lv)) return;
      const id = str(lv.id, at(p, 'id'));
      if (id !== null) {
        if (linkIds.has(id)) issues.push({ path: at(p, 'id'), code: 'id.twice', params: { id } });
        linkIds.add(id);
      }
      const a = str(lv.a, at(p, 'a'));
      const b = str(lv.b, at(p, 'b'));
      if (a !== null && !nodes.has(a)) issues.push({ path: at(p, 'a'), code: 'ref.node', params: { id: a } });
      if (b !== null && !nodes.has(b)) issues.push({ path: at(p, 'b'), code: 'ref.node', params: { id: b } });
      if (a !== null && a === b) issues.push({ path: at(p, 'b'), code: 'link.same-ends', params: {} });
      if (a !== null && b !== null) linked.add(`${a}\u0000${b}`).add(`${b}\u0000${a}`);
    });
    for (const c of clients) if (!linked.has(`${c.id}\u0000${c.server}`)) issues.push({ path: c.path, code: 'client.no-link', params: { client: c.id, server: c.server } });

    // Middleboxes are nodes too, on an existing link.
    list(topo.middleboxes).forEach((bv, i) => {
      const p = at('topology.middleboxes', i);
      if (!isObject(bv)) return;
      const id = str(bv.id, at(p, 'id'));
      if (id !== null) {
        if (nodes.has(id) || boxes.has(id)) issues.push({ path: at(p, 'id'), code: 'id.twice', params: { id } });
        boxes.add(id);
      }
      const link = str(bv.link, at(p, 'link'));
      if (link !== null && !linkIds.has(link)) issues.push({ path: at(p, 'link'), code: 'ref.link', params: { id: link } });
    });

    const names = new Set([...nodes.keys(), ...boxes]);
    const mitmServers = new Set<string>();
    list(topo.observers).forEach((ov, i) => {
      const p = at('topology.observers', i);
      if (!isObject(ov)) return;
      const id = str(ov.id, at(p, 'id'));
      if (id !== null) {
        if (names.has(id)) issues.push({ path: at(p, 'id'), code: 'id.taken', params: { id } });
        names.add(id);
      }
      const kind = ov.kind;
      if (kind === 'tap' || kind === 'thief' || kind === 'forger') {
        const link = str(ov.link, at(p, 'link'));
        if (link !== null && !linkIds.has(link)) issues.push({ path: at(p, 'link'), code: 'ref.link', params: { id: link } });
      }
      if (kind === 'thief') {
        list(ov.steals).forEach((sv, j) => {
          const node = isObject(sv) ? str(sv.node, at(at(at(p, 'steals'), j), 'node')) : null;
          if (node !== null && nodes.get(node) !== 'client') issues.push({ path: at(at(at(p, 'steals'), j), 'node'), code: 'ref.client', params: { id: node } });
        });
      }
      if (kind === 'forger') {
        list(ov.edits).forEach((ev, j) => {
          if (!isObject(ev)) return;
          const ep = at(at(p, 'edits'), j);
          const find = str(ev.find, at(ep, 'find'));
          const replace = str(ev.replace, at(ep, 'replace'));
          const known = str(ev.known, at(ep, 'known'));
          // An XOR edit of a stream cipher keeps the length.
          if (find !== null && replace !== null && utf8Length(find) !== utf8Length(replace)) issues.push({ path: at(ep, 'replace'), code: 'forger.length', params: { bytes: utf8Length(find) } });
          if (find !== null && known !== null && !known.includes(find)) issues.push({ path: at(ep, 'known'), code: 'forger.known', params: {} });
        });
      }
      if (kind === 'mitm') {
        const server = str(ov.server, at(p, 'server'));
        if (server === null) return;
        const spec = servers.get(server);
        if (!spec || nodes.get(server) !== 'server') return void issues.push({ path: at(p, 'server'), code: 'ref.server', params: { id: server } });
        if (mitmServers.has(server)) issues.push({ path: at(p, 'server'), code: 'mitm.twice', params: { server } });
        mitmServers.add(server);
        const between = list(ov.between).length === 2 ? list(ov.between) : [];
        between.forEach((jv, j) => {
          const jid = str(jv, at(at(p, 'between'), j));
          if (jid === null) return;
          const [local, domain] = jid.split('@');
          if (domain !== spec.domain || !spec.users.has(local!)) issues.push({ path: at(at(p, 'between'), j), code: 'mitm.not-account', params: { jid } });
        });
        if (between.length === 2 && typeof between[0] === 'string' && between[0] === between[1]) issues.push({ path: at(at(p, 'between'), 1), code: 'mitm.same', params: {} });
      }
    });
  }

  list(data.script).forEach((sv, i) => {
    const p = at(at('', 'script'), i);
    const node = isObject(sv) ? str(sv.node, at(p, 'node')) : null;
    if (node !== null && nodes.get(node) !== 'client') issues.push({ path: at(p, 'node'), code: 'ref.client', params: { id: node } });
  });
  return issues;
}
