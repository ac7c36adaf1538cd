/**
 * Compiles one lesson with mdx-bundler at build time (server only; the browser never sees MDX code).
 * A remark plugin enforces the closed vocabulary (app/_components/lesson/vocabulary.ts): unknown
 * components, unknown props, expressions, imports, bad <Spec> refs and unknown scenario ids all
 * fail the compile, and so the build. It also gives every heading a stable id.
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import { getPreset } from '../../lib/scenarios/presets/index';
import { allowedHtml, scenarioViews, vocabulary, type ComponentRule } from '../_components/lesson/vocabulary';
import { parseSpecRef } from '../_components/lesson/spec-ref';
import { annotationTarget, exerciseData, handshakeRef, predictAnswer, scramRef, stanzaAt, stepCount } from '../_components/lesson/lesson-data';
import { stateDiagramProblem } from '../_components/state-diagram/check';
import { checkRequirement, type RequirementProps } from '../_components/lesson/scorecard-data';
import { checkFrontmatter, listLessons, type LessonFrontmatter } from './lessons';

export interface CompiledLesson {
  /** The function body that mdx-bundler's getMDXComponent evaluates (on the server). */
  code: string;
  frontmatter: LessonFrontmatter;
  /** Headings in order with the ids they got: a German lesson takes its English twin's ids, so links survive the language switch. */
  headings: Heading[];
}

export interface Heading {
  depth: number;
  id: string;
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

/** A `<Step>` or `<Predict>` in document order: it drives the widget nearest above it, else the first below. */
interface StepRef {
  where: string;
  step: number;
  /** The order of the widgets before it. */
  after: number;
  /** For a <Predict>: the scenario it asks about, which must be the widget's. */
  scenario?: string;
  what: string;
}

/** Steps resolved against the widgets (contract 1): each must exist in its widget's scenario. */
function checkStepRefs(refs: readonly StepRef[], widgets: readonly string[]): string[] {
  const problems: string[] = [];
  for (const r of refs) {
    const id = widgets[r.after - 1] ?? widgets[r.after];
    if (id === undefined) {
      problems.push(`${r.where} ${r.what}: there is no <Scenario> on the page for it to move`);
      continue;
    }
    if (r.scenario !== undefined && r.scenario !== id)
      problems.push(`${r.where} ${r.what}: asks about "${r.scenario}" but its step link would move the "${id}" widget; put it after a <Scenario id="${r.scenario}">`);
    const n = stepCount(id);
    if (n !== null && !(r.step >= 1 && r.step <= n)) problems.push(`${r.where} ${r.what}: step ${r.step} is outside "${id}" (steps 1–${n})`);
  }
  return problems;
}

/** Every problem in one lesson's tree, as `line:col message` strings. */
function checkTree(tree: MdNode, isScenario: (id: string) => boolean, headings: Heading[], twin?: readonly Heading[]): string[] {
  const problems: string[] = [];
  const widgets: string[] = [];
  const stepRefs: StepRef[] = [];
  const seen = new Map<string, number>();
  const rowIds = new Set<string>();
  const at = (n: MdNode) => (n.position ? `${n.position.start.line}:${n.position.start.column}` : '?');

  const walk = (node: MdNode, parent: string | null) => {
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
        const mine = twin?.[headings.length];
        if (twin && mine?.depth !== node.depth)
          problems.push(`${at(node)} heading ${headings.length + 1} (h${node.depth}) has no h${node.depth} at the same place in the English twin: the two languages need the same headings`);
        const id = mine?.id ?? (n ? `${base}-${n}` : base);
        headings.push({ depth: node.depth ?? 0, id });
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
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
          const expr = attr.value as { type?: string; value?: unknown } | null;
          if (rule.numbers?.includes(attr.name)) {
            const raw = typeof attr.value === 'string' ? attr.value : expr?.type === 'mdxJsxAttributeValueExpression' ? expr.value : null;
            if (typeof raw !== 'string' || !/^\s*\d+\s*$/.test(raw)) problems.push(`${at(node)} <${name}>: prop "${attr.name}" must be a whole number, like ${attr.name}={45}`);
            else props.set(attr.name, raw.trim());
            continue;
          }
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
        const str = (k: string): string | undefined => (typeof props.get(k) === 'string' ? (props.get(k) as string) : undefined);
        if (name === 'Step' && str('n') !== undefined) stepRefs.push({ where: at(node), step: Number(str('n')), after: widgets.length, what: `<Step n={${str('n')}}>` });
        if (name === 'Predict' && str('scenario') && str('step') && str('observer') && str('kind')) {
          const a = predictAnswer({ scenario: str('scenario')!, step: Number(str('step')), observer: str('observer')!, kind: str('kind')!, about: str('about') });
          if (typeof a === 'string') problems.push(`${at(node)} <Predict>: ${a}`);
          else stepRefs.push({ where: at(node), step: Number(str('step')), after: widgets.length, scenario: str('scenario'), what: '<Predict>' });
        }
        if (name === 'StanzaView' && str('scenario') && str('step')) {
          const stanza = stanzaAt(str('scenario')!, Number(str('step')));
          if (typeof stanza === 'string') problems.push(`${at(node)} <StanzaView>: ${stanza}`);
          else
            for (const c of node.children ?? [])
              if (c.name === 'Annotation') {
                const target = (c.attributes ?? []).find((a) => a.name === 'at')?.value;
                if (typeof target === 'string' && !annotationTarget(stanza.xml, target))
                  problems.push(`${at(c)} <Annotation at="${target}">: the <${stanza.name}> at step ${str('step')} has no ${target.startsWith('@') ? 'attribute' : 'child element'} "${target.replace(/^@/, '')}"`);
              }
        }
        if (name === 'StateDiagram') {
          const problem = stateDiagramProblem({ table: str('table'), highlight: str('highlight') });
          if (problem) problems.push(`${at(node)} <StateDiagram>: ${problem}`);
        }
        if (name === 'Annotation' && parent !== 'StanzaView') problems.push(`${at(node)} <Annotation> belongs directly inside a <StanzaView>`);
        if (name === 'Requirement') {
          if (parent !== 'Scorecard') problems.push(`${at(node)} <Requirement> belongs directly inside a <Scorecard>`);
          const id = str('id');
          if (id !== undefined && rowIds.has(id)) problems.push(`${at(node)} <Requirement id="${id}">: the id is used twice`);
          if (id !== undefined) rowIds.add(id);
          const slugs = listLessons('en').map((l) => l.slug);
          for (const p of checkRequirement(Object.fromEntries(props) as RequirementProps, slugs)) problems.push(`${at(node)} <Requirement${id ? ` id="${id}"` : ''}>: ${p}`);
        }
        if (name === 'Scorecard') {
          const rows = (node.children ?? []).filter((c) => c.type === 'mdxJsxFlowElement' || c.type === 'mdxJsxTextElement' || c.type === 'paragraph' || c.type === 'text');
          if (!rows.some((c) => c.name === 'Requirement')) problems.push(`${at(node)} <Scorecard>: needs at least one <Requirement>`);
          for (const c of rows) if (c.name !== 'Requirement') problems.push(`${at(node)} <Scorecard>: holds only <Requirement> rows (found ${c.name ? `<${c.name}>` : 'text'})`);
        }
        if (name === 'Exercise' && str('kind') && str('scenario')) {
          const d = exerciseData({ kind: str('kind')!, scenario: str('scenario')!, step: str('step') === undefined ? undefined : Number(str('step')), observer: str('observer'), user: str('user'), candidates: str('candidates') });
          if (typeof d === 'string') problems.push(`${at(node)} <Exercise>: ${d}`);
        }
        if (name === 'Handshake' && str('id')) {
          const r = handshakeRef({ id: str('id')!, observer: str('observer'), connection: str('connection') });
          if (typeof r === 'string') problems.push(`${at(node)} <Handshake>: ${r}`);
        }
        if (name === 'ScramCalculator' && str('id')) {
          const r = scramRef(str('id')!);
          if (typeof r === 'string') problems.push(`${at(node)} <ScramCalculator>: ${r}`);
        }
        if (name === 'Scenario') {
          const id = props.get('id');
          if (typeof id === 'string') widgets.push(id);
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
    const isElement = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
    // Block nodes count as parents too: an <Annotation> wrapped in a paragraph would not be placed.
    for (const c of node.children ?? []) walk(c, isElement ? (node.name ?? null) : `#${node.type}`);
  };
  walk(tree, null);
  if (twin && twin.length !== headings.length) problems.push(`the English twin has ${twin.length} headings, this lesson ${headings.length}`);
  return [...problems, ...checkStepRefs(stepRefs, widgets)];
}

const isKnownScenario = (id: string): boolean => {
  try {
    return getPreset(id) != null;
  } catch {
    return false;
  }
};

/** Compiles a lesson file; throws with every vocabulary problem listed when the lesson is not valid. */
/** content/de/NN-x.mdx → content/en/NN-x.mdx when it exists: the lesson whose heading ids a German one takes. */
function englishTwin(file: string): string | null {
  const de = `${sep}content${sep}de${sep}`;
  const at = file.lastIndexOf(de);
  if (at < 0) return null;
  const twin = join(file.slice(0, at), 'content', 'en', file.slice(at + de.length));
  return existsSync(twin) ? twin : null;
}

const twinHeadings = new Map<string, Promise<Heading[]>>();

export async function compileLesson(file: string, isScenario: (id: string) => boolean = isKnownScenario): Promise<CompiledLesson> {
  const twinFile = englishTwin(file);
  let twin: Heading[] | undefined;
  if (twinFile) {
    // Keyed by modification time too, so that `next dev` sees an edited English heading.
    const key = `${twinFile}@${statSync(twinFile).mtimeMs}`;
    if (!twinHeadings.has(key)) twinHeadings.set(key, compileLesson(twinFile, isScenario).then((c) => c.headings));
    twin = await twinHeadings.get(key)!;
  }
  const headings: Heading[] = [];
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
        const problems = checkTree(tree, isScenario, headings, twin);
        if (problems.length) throw new Error(`lesson ${file}:\n  ${problems.join('\n  ')}`);
      };
      options.remarkPlugins = [...(options.remarkPlugins ?? []), checkVocabulary];
      return options;
    },
  });
  return { code, frontmatter: checkFrontmatter(frontmatter as Record<string, unknown>, file), headings };
}
