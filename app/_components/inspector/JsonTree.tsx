/**
 * A node's plain-data state as a collapsible tree: objects and arrays are <details> (open near the
 * root), leaves are `key: value` in monospace. Bytes are shown as grouped hex, never truncated.
 * Everything is rendered as text.
 * @module
 */
import { groupedHex } from '../../../lib/bytes/hex';

function leaf(value: unknown): { text: string; kind: string } {
  if (value === null) return { text: 'null', kind: 'null' };
  if (value === undefined) return { text: 'undefined', kind: 'null' };
  if (typeof value === 'string') return { text: JSON.stringify(value), kind: 'string' };
  if (typeof value === 'number' || typeof value === 'bigint') return { text: String(value), kind: 'number' };
  if (typeof value === 'boolean') return { text: String(value), kind: 'boolean' };
  return { text: String(value), kind: 'other' };
}

function entriesOf(value: object): [string, unknown][] {
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [String(k), v]);
  if (value instanceof Set) return [...value.values()].map((v, i) => [String(i), v]);
  if (Array.isArray(value)) return value.map((v, i) => [String(i), v]);
  return Object.entries(value);
}

export function JsonTree({ value, name, depth = 0, openDepth = 2 }: { value: unknown; name?: string; depth?: number; openDepth?: number }) {
  const key = name !== undefined ? <span className="mlw-json-key">{name}: </span> : null;
  if (value instanceof Uint8Array) {
    return (
      <li>
        {key}
        <span className="mlw-json-bytes">
          {groupedHex(value)} <span className="mlw-json-meta">({value.length} B)</span>
        </span>
      </li>
    );
  }
  if (typeof value === 'object' && value !== null) {
    const entries = entriesOf(value);
    const isArray = Array.isArray(value);
    const summary = isArray ? `[${entries.length}]` : `{${entries.length}}`;
    if (entries.length === 0) {
      return (
        <li>
          {key}
          <span className="mlw-json-meta">{isArray ? '[]' : '{}'}</span>
        </li>
      );
    }
    return (
      <li>
        <details open={depth < openDepth}>
          <summary>
            {key}
            <span className="mlw-json-meta">{summary}</span>
          </summary>
          <ul className="mlw-json">
            {entries.map(([k, v]) => (
              <JsonTree key={k} name={k} value={v} depth={depth + 1} openDepth={openDepth} />
            ))}
          </ul>
        </details>
      </li>
    );
  }
  const l = leaf(value);
  return (
    <li>
      {key}
      <span className={`mlw-json-${l.kind}`}>{l.text}</span>
    </li>
  );
}
