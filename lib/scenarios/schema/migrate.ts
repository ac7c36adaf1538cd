/**
 * Version 1 → version 2. A file without `version` is version 1, the shape before observers were one
 * list: `topology.taps`, `topology.thieves`, `topology.forgers`, a server's `otrMitm` and
 * `topology.down` (ids of servers switched off). Version 2 has `topology.observers` (one shape,
 * `kind` tap | thief | forger | mitm) and `down: true` on the server. Version 1 ignored unknown
 * fields, so they are dropped here rather than refused.
 *
 * The migration works on unchecked data and never throws. It returns which version-2 paths came from
 * which version-1 paths, so that a problem is reported where it is in the file the user wrote
 * (`topology.thieves[0].link`, not `topology.observers[2].link`).
 * @module
 */
import { at, isObject, stripUnknown } from './dsl';
import type { Issue } from './issues';
import { CURRENT_VERSION, scenario } from './scenario';

/** [path in version 2, path in the file]: longest prefix wins. */
export type PathMap = [string, string][];

export type Migration = { ok: true; data: unknown; from: 1 | 2; paths: PathMap; issues: Issue[] } | { ok: false; issues: Issue[] };

export function migrate(input: unknown): Migration {
  if (!isObject(input) || input.version === CURRENT_VERSION) return { ok: true, data: input, from: 2, paths: [], issues: [] };
  if (input.version !== undefined) return { ok: false, issues: [{ path: 'version', code: 'version', params: { value: typeof input.version === 'string' || typeof input.version === 'number' ? String(input.version) : typeof input.version } }] };
  return fromV1(input);
}

function fromV1(input: Record<string, unknown>): Migration {
  const issues: Issue[] = [];
  const paths: PathMap = [];
  const topo = input.topology;
  let topology: unknown = topo;
  if (isObject(topo)) {
    const { taps, thieves, forgers, down, servers, ...rest } = topo;
    const observers: unknown[] = [];
    const move = (key: string, value: unknown, kind: 'tap' | 'thief' | 'forger') => {
      if (value === undefined) return;
      if (!Array.isArray(value)) return void issues.push({ path: `topology.${key}`, code: 'type.list', params: {} });
      value.forEach((o, j) => {
        paths.push([at('topology.observers', observers.length), at(`topology.${key}`, j)]);
        observers.push(isObject(o) ? withKind(o, kind) : o);
      });
    };
    move('taps', taps, 'tap');
    move('thieves', thieves, 'thief');
    move('forgers', forgers, 'forger');

    const off = new Set<string>();
    if (down !== undefined && !Array.isArray(down)) issues.push({ path: 'topology.down', code: 'type.list', params: {} });
    const serverIds = new Set(Array.isArray(servers) ? servers.flatMap((s) => (isObject(s) && typeof s.id === 'string' ? [s.id] : [])) : []);
    (Array.isArray(down) ? down : []).forEach((d, j) => {
      const p = at('topology.down', j);
      if (typeof d !== 'string') issues.push({ path: p, code: 'type.text', params: {} });
      else if (!serverIds.has(d)) issues.push({ path: p, code: 'ref.server', params: { id: d } });
      else off.add(d);
    });

    const migrated = Array.isArray(servers)
      ? servers.map((s, i) => {
          if (!isObject(s)) return s;
          const { otrMitm, ...server } = s;
          const p = at('topology.servers', i);
          if (otrMitm !== undefined) {
            if (!isObject(otrMitm)) issues.push({ path: at(p, 'otrMitm'), code: 'type.object', params: {} });
            else {
              const k = at('topology.observers', observers.length);
              paths.push([k, at(p, 'otrMitm')], [at(k, 'server'), at(p, 'id')], [at(k, 'id'), at(p, 'id')]);
              // The operator's man in the middle gets a name of its own; version 1 had none.
              observers.push({ ...otrMitm, id: `mitm:${String(s.id)}`, kind: 'mitm', server: s.id });
            }
          }
          return typeof s.id === 'string' && off.has(s.id) ? { ...server, down: true } : server;
        })
      : servers;
    topology = { ...rest, servers: migrated, observers };
  }
  const data = stripUnknown(scenario, { ...input, version: CURRENT_VERSION, topology });
  return { ok: true, data, from: 1, paths, issues };
}

/** `{ id, kind, …rest }`: the observer's name first, as the presets write it. */
function withKind(o: Record<string, unknown>, kind: string): Record<string, unknown> {
  const { id, ...rest } = o;
  return id === undefined ? { kind, ...rest } : { id, kind, ...rest };
}

/** Where a version-2 path was in the version-1 file. */
export function originalPath(path: string, paths: PathMap): string {
  let best: [string, string] | undefined;
  for (const entry of paths) {
    const [from] = entry;
    const inside = path === from || path.startsWith(`${from}.`) || path.startsWith(`${from}[`);
    if (inside && (!best || from.length > best[0].length)) best = entry;
  }
  return best ? best[1] + path.slice(best[0].length) : path;
}
