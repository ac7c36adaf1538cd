/**
 * "State is plain data" checked for real. `structuredClone(x)` equalling `x` passes for Maps, Sets,
 * Dates, class instances and cycles alike; the engine's promise (DESIGN.md: checkpointed
 * with structuredClone, shown in the inspector, serialisable) is narrower: only objects with the plain
 * prototype, arrays, strings, finite numbers, booleans, null, bigint and Uint8Array — and no cycles.
 */
export function plainDataProblems(value: unknown, path = '$', seen = new Set<object>()): string[] {
  if (value === null) return [];
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'bigint':
      return [];
    case 'number':
      return Number.isFinite(value) ? [] : [`${path}: non-finite number ${value}`];
    case 'undefined':
      return [`${path}: undefined (JSON drops it; leave the key out instead)`];
    case 'function':
    case 'symbol':
      return [`${path}: ${typeof value}`];
  }
  const obj = value as object;
  if (obj instanceof Uint8Array) return Object.getPrototypeOf(obj) === Uint8Array.prototype ? [] : [`${path}: Uint8Array subclass`];
  if (seen.has(obj)) return [`${path}: cyclic reference`];
  seen.add(obj);
  const problems: string[] = [];
  if (Array.isArray(obj)) {
    obj.forEach((v, i) => problems.push(...plainDataProblems(v, `${path}[${i}]`, seen)));
  } else {
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) return [`${path}: instance of ${(proto as { constructor?: { name?: string } }).constructor?.name ?? 'a class'}`];
    for (const [k, v] of Object.entries(obj)) problems.push(...plainDataProblems(v, `${path}.${k}`, seen));
  }
  // Sharing an immutable value (a key in two places) is fine and survives structuredClone; a cycle is not plain data.
  seen.delete(obj);
  return problems;
}
