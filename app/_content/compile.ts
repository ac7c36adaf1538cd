/**
 * Compiles one lesson with mdx-bundler at build time (server only; the browser never sees MDX code).
 * A remark plugin enforces the closed vocabulary (app/_components/lesson/vocabulary.ts): unknown
 * components, unknown props, expressions, imports, bad <Spec> refs and unknown scenario ids all
 * fail the compile, and so the build. It also gives every heading a stable id.
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import { getPreset } from '../../lib/scenarios/presets/index';
import { allowedHtml, scenarioViews, vocabulary, type ComponentRule } from '../_components/lesson/vocabulary';
import { parseSpecRef } from '../_components/lesson/spec-ref';
import { checkFrontmatter, type LessonFrontmatter } from './lessons';

export interface CompiledLesson {
  /** The function body that mdx-bundler's getMDXComponent evaluates (on the server). */
  code: string;
  frontmatter: LessonFrontmatter;
}

// A minimal view of the mdast/MDX nodes we inspect (no extra dependencies for types).
interface MdNode {
  type: string;
  name?: string | null;
  value?: unknown;
  depth?: number;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  data?: { hProperties?: Record<string, unknown> };
  position?: { start: { line: number; column: number } };
}

const rules: Record<string, ComponentRule> = vocabulary;

function textOf(node: MdNode): string {
  if (typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  return (node.children ?? []).map(textOf).join('');
}

/** Stable heading ids: lowercase, letters (incl. umlauts) and digits, words joined by `-`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/[\s-]+/g, '-');
}

/** Every problem in one lesson's tree, as `line:col message` strings. */
function checkTree(tree: MdNode, isScenario: (id: string) => boolean): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const at = (n: MdNode) => (n.position ? `${n.position.start.line}:${n.position.start.column}` : '?');

  const walk = (node: MdNode) => {
    switch (node.type) {
      case 'mdxjsEsm':
        // mdx-bundler injects `export const frontmatter` without a position; authors' imports have one.
        if (node.position) problems.push(`${at(node)} import/export is not allowed in lessons: use the components of the vocabulary`);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        problems.push(`${at(node)} {expressions} are not allowed in lessons: props are plain literals`);
        break;
      case 'heading': {
        const base = slugify(textOf(node)) || 'section';
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: n ? `${base}-${n}` : base } };
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name;
        if (!name) break; // a fragment
        if (/^[a-z]/.test(name)) {
          if (!allowedHtml.includes(name)) problems.push(`${at(node)} <${name}> is not allowed in lessons`);
          break;
        }
        const rule = rules[name];
        if (!rule) {
          problems.push(`${at(node)} unknown component <${name}>; the vocabulary is: ${Object.keys(rules).join(', ')}`);
          break;
        }
        const props = new Map<string, unknown>();
        for (const attr of node.attributes ?? []) {
          if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
            problems.push(`${at(node)} <${name}>: spread attributes are not allowed`);
            continue;
          }
          if (!rule.props.includes(attr.name)) {
            problems.push(`${at(node)} <${name}>: unknown prop "${attr.name}" (allowed: ${rule.props.join(', ') || 'none'})`);
            continue;
          }
          const isFlag = rule.flags?.includes(attr.name) ?? false;
          if (isFlag ? attr.value != null : typeof attr.value !== 'string') {
            problems.push(`${at(node)} <${name}>: prop "${attr.name}" must be ${isFlag ? 'a bare flag' : 'a plain "string"'}`);
            continue;
          }
          props.set(attr.name, attr.value);
        }
        for (const req of rule.required ?? []) {
          const v = props.get(req);
          if (typeof v !== 'string' || !v.trim()) problems.push(`${at(node)} <${name}>: prop "${req}" is required`);
        }
        if (name === 'Spec') {
          const ref = props.get('ref');
          if (typeof ref === 'string' && !parseSpecRef(ref))
            problems.push(`${at(node)} <Spec ref="${ref}">: write "RFC 6120 §4.3", "XEP-0384" or "OTR v3 §<a section title of the spec>"`);
          // React reserves `ref` (and Server Components reject it): hand the component `specRef` instead.
          for (const attr of node.attributes ?? []) if (attr.name === 'ref') attr.name = 'specRef';
        }
        if (name === 'Term' && !props.has('de') && !props.has('en'))
          problems.push(`${at(node)} <Term>: give the translation as de="…" (English lessons) or en="…" (German lessons)`);
        if (name === 'Scenario') {
          const id = props.get('id');
          if (typeof id === 'string' && !isScenario(id)) problems.push(`${at(node)} <Scenario id="${id}">: no such scenario preset`);
          const view = props.get('view');
          if (view !== undefined && !(scenarioViews as readonly unknown[]).includes(view))
            problems.push(`${at(node)} <Scenario view="${String(view)}">: use one of ${scenarioViews.join(', ')}`);
          const step = props.get('initialStep');
          if (step !== undefined && !/^\d+$/.test(String(step)))
            problems.push(`${at(node)} <Scenario initialStep="${String(step)}">: must be a whole number`);
        }
        if (name === 'Quiz') {
          const choices = (node.children ?? []).flatMap(function collect(c: MdNode): MdNode[] {
            if ((c.type === 'mdxJsxFlowElement' || c.type === 'mdxJsxTextElement') && c.name === 'Choice') return [c];
            return (c.children ?? []).flatMap(collect);
          });
          const correct = choices.filter((c) => (c.attributes ?? []).some((a) => a.name === 'correct'));
          if (choices.length < 2) problems.push(`${at(node)} <Quiz>: needs at least two <Choice> children`);
          if (correct.length !== 1) problems.push(`${at(node)} <Quiz>: needs exactly one <Choice correct>`);
        }
        break;
      }
    }
    for (const c of node.children ?? []) walk(c);
  };
  walk(tree);
  return problems;
}

const isKnownScenario = (id: string): boolean => {
  try {
    return getPreset(id) != null;
  } catch {
    return false;
  }
};

/** Compiles a lesson file; throws with every vocabulary problem listed when the lesson is not valid. */
export async function compileLesson(file: string, isScenario: (id: string) => boolean = isKnownScenario): Promise<CompiledLesson> {
  const source = readFileSync(file, 'utf8');
  const { code, frontmatter } = await bundleMDX({
    source,
    cwd: dirname(file),
    // The thrown error carries the problems; esbuild need not print them a second time.
    esbuildOptions(options) {
      options.logLevel = 'silent';
      return options;
    },
    mdxOptions(options) {
      const checkVocabulary = () => (tree: MdNode) => {
        const problems = checkTree(tree, isScenario);
        if (problems.length) throw new Error(`lesson ${file}:\n  ${problems.join('\n  ')}`);
      };
      options.remarkPlugins = [...(options.remarkPlugins ?? []), checkVocabulary];
      return options;
    },
  });
  return { code, frontmatter: checkFrontmatter(frontmatter as Record<string, unknown>, file) };
}
