/**
 * Every `<Spec ref>` in every lesson names something that exists: an RFC or XEP section that is in that
 * document's table of contents (spec-tocs.ts, generated from the XML sources), and an OTR v3 section whose
 * link lands on it. A reference to "XEP-0220 §2.1.3" (which does not exist) fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OTR_V3_URL, parseSpecRef } from '@/app/_components/lesson/spec-ref';
import { XEP_ANCHORS } from '@/app/_components/lesson/xep-anchors';
import { RFC_TOCS, XEP_TOCS, type Toc } from './spec-tocs';

const CONTENT = join(__dirname, '../../../content');

interface Cited {
  file: string;
  ref: string;
}

function citedRefs(): Cited[] {
  const out: Cited[] = [];
  for (const locale of readdirSync(CONTENT, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const dir = join(CONTENT, locale.name);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.mdx'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const m of text.matchAll(/<Spec\s+ref=(["'])(.*?)\1/g)) out.push({ file: `${locale.name}/${name}`, ref: m[2]! });
    }
  }
  return out;
}

/** Why a reference does not name a section of its document's table of contents, or null when it does. */
function tocProblem(ref: string): string | null {
  const link = parseSpecRef(ref);
  if (!link) return 'does not parse';
  if (link.kind === 'otr') return null;
  const m = /^(?:RFC |XEP-)(\d+)(?: §(.+))?$/.exec(link.label);
  if (!m) return `unexpected label ${link.label}`;
  const [, num, section] = m;
  const toc: Toc | undefined = (link.kind === 'rfc' ? RFC_TOCS : XEP_TOCS)[num!];
  if (!toc) return `${link.kind.toUpperCase()} ${num} has no table of contents in spec-tocs.ts (add it from the source)`;
  if (section !== undefined && !(section in toc)) return `§${section} is not in its table of contents`;
  return null;
}

describe('<Spec ref> in the lessons', () => {
  const refs = citedRefs();

  it('finds the references (both languages)', () => {
    expect(refs.filter((r) => r.file.startsWith('en/')).length).toBeGreaterThan(50);
    expect(refs.filter((r) => r.file.startsWith('de/')).length).toBeGreaterThan(50);
  });

  it('every RFC and XEP reference names a section in that document’s table of contents', () => {
    const bad = refs.map((r) => ({ ...r, problem: tocProblem(r.ref) })).filter((r) => r.problem !== null);
    expect(bad).toEqual([]);
  });

  it('the check can fail: sections that do not exist are caught', () => {
    expect(tocProblem('XEP-0220 §2.1.3')).toMatch(/not in its table of contents/);
    expect(tocProblem('RFC 6120 §10.5.3.9')).toMatch(/not in its table of contents/);
    expect(tocProblem('RFC 6121 §8.5.2.2.1')).toBeNull();
    expect(tocProblem('XEP-0220 §2.1.2')).toBeNull();
    expect(tocProblem('RFC 1149 §2')).toMatch(/no table of contents/);
  });

  it('both languages cite the same specifications', () => {
    const docs = (prefix: string) => new Set(refs.filter((r) => r.file.startsWith(prefix)).map((r) => parseSpecRef(r.ref)!.label.replace(/ §.*$/, '')));
    expect([...docs('de/')].sort()).toEqual([...docs('en/')].sort());
  });

  it('RFC links land on the section, or on the appendix for a lettered one', () => {
    expect(parseSpecRef('RFC 8446 §7.1')?.href).toBe('https://www.rfc-editor.org/rfc/rfc8446.html#section-7.1');
    expect(parseSpecRef('RFC 8446 §E.3')).toEqual({ kind: 'rfc', label: 'RFC 8446 §E.3', href: 'https://www.rfc-editor.org/rfc/rfc8446.html#appendix-E.3' });
    expect(tocProblem('RFC 8446 §E.9')).toMatch(/not in its table of contents/);
    expect(parseSpecRef('RFC 8446 §e.3')).toBeUndefined();
  });

  it('XEP links land on the section where the XEP’s source names an anchor, else open the page', () => {
    expect(parseSpecRef('XEP-0288 §2.2')?.href).toBe('https://xmpp.org/extensions/xep-0288.html#nego');
    expect(parseSpecRef('XEP-0220 §2')?.href).toBe('https://xmpp.org/extensions/xep-0220.html#protocol');
    expect(parseSpecRef('XEP-0220 §2.1.2')?.href).toBe('https://xmpp.org/extensions/xep-0220.html');
    // both tables come from the same sources: every anchored section is in the table of contents
    for (const [num, anchors] of Object.entries(XEP_ANCHORS)) for (const sec of Object.keys(anchors)) expect(XEP_TOCS[num]?.[sec], `XEP-${num} §${sec}`).toBeDefined();
  });

  it('every OTR v3 section link carries a text fragment', () => {
    for (const r of refs.map((x) => parseSpecRef(x.ref)!).filter((l) => l.kind === 'otr' && l.label !== 'OTR v3'))
      expect(r.href).toMatch(new RegExp(`^${OTR_V3_URL.replace(/[.]/g, '\\.')}#:~:text=[^,&-]+$`));
  });

  // The specification is not part of the repository: Debian's libotr5 ships it (installed for the interop
  // tests; under CI it must be there), and shared/specs beside the clone holds the same file. Check that each
  // fragment's first occurrence (what a browser jumps to) lies inside the section the reference names.
  const SPEC = ['/usr/share/doc/libotr5/Protocol-v3.html', join(process.cwd(), '../shared/specs/otr-protocol-v3.html'), '/work/shared/specs/otr-protocol-v3.html'].find((p) => existsSync(p));
  it.skipIf(!SPEC && process.env.CI !== 'true')('every OTR fragment first occurs inside the section it names', () => {
    if (!SPEC) throw new Error('the OTR v3 specification is missing: apt-get install libotr5');
    const { text, headings } = visibleText(readFileSync(SPEC, 'utf8'));
    const lower = text.toLowerCase();
    const wrong: string[] = [];
    for (const label of new Set(refs.map((r) => parseSpecRef(r.ref)!).filter((l) => l.kind === 'otr' && l.label !== 'OTR v3').map((l) => l.label))) {
      const link = parseSpecRef(label)!;
      const title = label.replace(/^OTR v3 §/, '');
      const fragment = decodeURIComponent(link.href.split('#:~:text=')[1]!);
      const at = firstWord(lower, fragment.toLowerCase());
      // the named section: its last heading of that title (a repeated title means the detailed one),
      // up to the next heading of the same or a higher level
      const i = headings.map((h) => h.title).lastIndexOf(title);
      if (i < 0) {
        wrong.push(`${label}: no such heading`);
        continue;
      }
      const end = headings.slice(i + 1).find((h) => h.level <= headings[i]!.level)?.at ?? text.length;
      if (at < headings[i]!.at || at >= end) wrong.push(`${label}: "${fragment}" first occurs at ${at}, outside ${headings[i]!.at}–${end}`);
    }
    expect(wrong).toEqual([]);
  });
});

/** The first match of `needle` at word boundaries, whitespace-insensitive, as a text fragment matches. */
function firstWord(hay: string, needle: string): number {
  const pattern = needle.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const m = new RegExp(`(?<![a-z0-9])${pattern}(?![a-z0-9])`).exec(hay);
  return m ? m.index : -1;
}

function visibleText(html: string): { text: string; headings: { level: number; title: string; at: number }[] } {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  const decode = (s: string) =>
    s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (entities[e] ?? m),
    );
  let text = '';
  const headings: { level: number; title: string; at: number }[] = [];
  let open: { level: number; at: number } | null = null;
  for (const token of html.slice(html.toLowerCase().indexOf('<body')).split(/(<[^>]+>)/)) {
    if (!token.startsWith('<')) {
      text += decode(token);
      continue;
    }
    if (/^<\/?(h[1-6]|p|li|pre|div|dt|dd|tr|br|table|ul|ol|blockquote)\b/i.test(token)) text += '\n';
    const h = /^<(\/?)h([1-6])/i.exec(token);
    if (h && !h[1]) open = { level: Number(h[2]), at: text.length };
    if (h && h[1] && open) {
      headings.push({ ...open, title: text.slice(open.at).replace(/\s+/g, ' ').trim() });
      open = null;
    }
  }
  return { text, headings };
}
