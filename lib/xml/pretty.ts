/**
 * Pretty-printing of wire chunks for the inspector. A chunk is whatever crossed a link: a stream
 * header with no end tag (RFC 6120 §4.2), several sibling stanzas, a lone `</stream:stream>`
 * (§4.4). Tags are shown exactly as written; only whitespace between elements is re-laid out
 * with two-space indentation. An element holding any character data is printed on one line
 * exactly as received, so text content is never altered. Never throws: on anything it cannot
 * tokenise (a truncated tag) it returns the input unchanged.
 * @module
 */

type Token =
  | { kind: 'open' | 'close' | 'empty'; name: string; raw: string }
  | { kind: 'text' | 'misc'; raw: string };

interface Node {
  open: Token | null; // null for the synthetic root
  children: (Node | Token)[];
  close: Token | null;
}

const INDENT = '  ';

function isWhitespace(s: string): boolean {
  return /^[ \t\r\n]*$/.test(s);
}

function tagName(raw: string, from: number): string {
  const m = /^[^\s/>]+/.exec(raw.slice(from));
  return m ? m[0] : '';
}

/** Split into tags and text; null when a construct is not terminated. */
function tokenize(s: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      out.push({ kind: 'text', raw: s.slice(i) });
      break;
    }
    if (lt > i) out.push({ kind: 'text', raw: s.slice(i, lt) });
    let end: number;
    if (s.startsWith('<!--', lt)) end = terminated(s, lt, '-->');
    else if (s.startsWith('<![CDATA[', lt)) {
      end = terminated(s, lt, ']]>');
      if (end < 0) return null;
      out.push({ kind: 'text', raw: s.slice(lt, end) }); // CDATA is character data
      i = end;
      continue;
    } else if (s.startsWith('<?', lt)) end = terminated(s, lt, '?>');
    else if (s.startsWith('<!', lt)) end = terminated(s, lt, '>');
    else end = tagEnd(s, lt);
    if (end < 0) return null;
    const raw = s.slice(lt, end);
    if (raw.startsWith('<!') || raw.startsWith('<?')) out.push({ kind: 'misc', raw });
    else if (raw.startsWith('</')) out.push({ kind: 'close', name: tagName(raw, 2), raw });
    else if (raw.endsWith('/>')) out.push({ kind: 'empty', name: tagName(raw, 1), raw });
    else out.push({ kind: 'open', name: tagName(raw, 1), raw });
    i = end;
  }
  return out;
}

function terminated(s: string, from: number, terminator: string): number {
  const j = s.indexOf(terminator, from + 2);
  return j < 0 ? -1 : j + terminator.length;
}

/** End of a start or end tag, skipping over quoted attribute values (which may contain '>'). */
function tagEnd(s: string, from: number): number {
  let quote = '';
  for (let j = from + 1; j < s.length; j++) {
    const c = s[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j + 1;
  }
  return -1;
}

/** Nest tokens; an end tag with no matching start (a lone `</stream:stream>`) stays a leaf. */
function build(tokens: Token[]): Node {
  const root: Node = { open: null, children: [], close: null };
  const stack: Node[] = [root];
  for (const t of tokens) {
    const top = stack[stack.length - 1] as Node;
    if (t.kind === 'open') {
      const n: Node = { open: t, children: [], close: null };
      top.children.push(n);
      stack.push(n);
    } else if (t.kind === 'close') {
      const k = findOpen(stack, t.name);
      if (k < 0) top.children.push(t);
      else {
        (stack[k] as Node).close = t;
        stack.length = k;
      }
    } else top.children.push(t);
  }
  return root;
}

function findOpen(stack: Node[], name: string): number {
  for (let k = stack.length - 1; k >= 1; k--) {
    const open = stack[k]?.open;
    if (open && open.kind === 'open' && open.name === name) return k;
  }
  return -1;
}

function isNode(x: Node | Token): x is Node {
  return 'children' in x;
}

function rawOf(x: Node | Token): string {
  if (!isNode(x)) return x.raw;
  return (x.open?.raw ?? '') + x.children.map(rawOf).join('') + (x.close?.raw ?? '');
}

function hasText(n: Node): boolean {
  return n.children.some((c) => !isNode(c) && c.kind === 'text' && !isWhitespace(c.raw));
}

function render(x: Node | Token, depth: number, lines: string[]): void {
  const pad = INDENT.repeat(depth);
  if (!isNode(x)) {
    if (x.kind === 'text' && isWhitespace(x.raw)) return;
    lines.push(pad + x.raw);
    return;
  }
  if (hasText(x) || x.children.length === 0) {
    lines.push(pad + rawOf(x));
    return;
  }
  if (x.open) lines.push(pad + x.open.raw);
  for (const c of x.children) render(c, depth + 1, lines);
  if (x.close) lines.push(pad + x.close.raw);
}

export function prettyPrint(xmlText: string): string {
  try {
    const tokens = tokenize(xmlText);
    if (tokens === null) return xmlText;
    const root = build(tokens);
    // Character data at the top level of a chunk (between stanzas it can only be whitespace on a
    // healthy stream): show the chunk as it was rather than guess.
    if (hasText(root)) return xmlText;
    const lines: string[] = [];
    for (const c of root.children) render(c, 0, lines);
    return lines.join('\n');
  } catch {
    return xmlText;
  }
}
