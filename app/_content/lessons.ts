/**
 * The lesson files: content/<locale>/NN-slug.mdx, read with fs at build time (server only).
 * Index pages need only the frontmatter (gray-matter); the lesson page compiles the MDX (compile.ts).
 * This module never imports the lesson components, so pages that list lessons ship no widget JS.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { Locale } from '../_i18n/locales';

const CONTENT_DIR = join(process.cwd(), 'content');

/** `01-client-server.mdx` → order prefix `01`, slug `client-server`. */
const FILE_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The course's parts, in the lecture's order (../shared/seed-lecture-notes.md): architectures, XMPP,
 * the security goals, protection hop by hop, end to end, what goes beyond chat, and the society question.
 */
export const PARTS = ['architectures', 'xmpp', 'goals', 'hop-by-hop', 'end-to-end', 'beyond', 'society'] as const;
export type Part = (typeof PARTS)[number];

export interface LessonFrontmatter {
  title: string;
  summary: string;
  order: number;
  minutes: number;
  objectives: string[];
  part: Part;
  /** Slugs of earlier lessons this one builds on (checked in listLessons: they exist and come first). */
  prerequisites: string[];
}

export interface LessonMeta extends LessonFrontmatter {
  locale: Locale;
  slug: string;
  /** Absolute path of the .mdx file. */
  file: string;
}

/** Checks a frontmatter object; throws a labelled error naming the file and the field. */
export function checkFrontmatter(data: Record<string, unknown>, file: string): LessonFrontmatter {
  const fail = (field: string, want: string): never => {
    throw new Error(`lessons: ${file}: frontmatter field "${field}" must be ${want}`);
  };
  const { title, summary, order, minutes, objectives, part, prerequisites = [] } = data;
  if (typeof title !== 'string' || !title.trim()) fail('title', 'a non-empty string');
  if (typeof summary !== 'string' || !summary.trim()) fail('summary', 'a non-empty string');
  if (typeof order !== 'number' || !Number.isInteger(order) || order < 1) fail('order', 'a positive integer');
  if (typeof minutes !== 'number' || !(minutes > 0)) fail('minutes', 'a positive number');
  if (
    !Array.isArray(objectives) ||
    objectives.length === 0 ||
    !objectives.every((o) => typeof o === 'string' && o.trim() !== '')
  )
    fail('objectives', 'a non-empty list of strings');
  if (typeof part !== 'string' || !(PARTS as readonly string[]).includes(part)) fail('part', `one of ${PARTS.join(', ')}`);
  if (!Array.isArray(prerequisites) || !prerequisites.every((p) => typeof p === 'string' && SLUG.test(p)))
    fail('prerequisites', 'a list of lesson slugs');
  return { title, summary, order, minutes, objectives, part, prerequisites } as LessonFrontmatter;
}

function lessonFiles(locale: Locale): { file: string; prefix: number; slug: string }[] {
  const dir = join(CONTENT_DIR, locale);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.mdx'))
    .map((n) => {
      const m = FILE_NAME.exec(n);
      if (!m) throw new Error(`lessons: content/${locale}/${n}: file name must look like NN-kebab-slug.mdx`);
      return { file: join(dir, n), prefix: Number(m[1]), slug: m[2]! };
    });
}

/** All lessons of a locale, sorted by `order`, with checked frontmatter; a prerequisite must name an earlier lesson. */
export function listLessons(locale: Locale): LessonMeta[] {
  const lessons = lessonFiles(locale)
    .map(({ file, prefix, slug }) => {
      const fm = checkFrontmatter(matter(readFileSync(file, 'utf8')).data, file);
      if (fm.order !== prefix) throw new Error(`lessons: ${file}: frontmatter order ${fm.order} does not match file prefix ${prefix}`);
      return { ...fm, locale, slug, file };
    })
    .sort((a, b) => a.order - b.order);
  const orderOf = new Map(lessons.map((l) => [l.slug, l.order]));
  for (const l of lessons)
    for (const p of l.prerequisites) {
      const order = orderOf.get(p);
      if (order === undefined) throw new Error(`lessons: ${l.file}: prerequisite "${p}" is not a lesson`);
      if (order >= l.order) throw new Error(`lessons: ${l.file}: prerequisite "${p}" comes at or after this lesson`);
    }
  return lessons;
}

/** The lessons of a locale grouped by part, in the parts' order; a part without lessons is left out. */
export function lessonsByPart(locale: Locale): { part: Part; lessons: LessonMeta[] }[] {
  const lessons = listLessons(locale);
  return PARTS.map((part) => ({ part, lessons: lessons.filter((l) => l.part === part) })).filter((g) => g.lessons.length > 0);
}

export function getLesson(locale: Locale, slug: string): LessonMeta | undefined {
  return listLessons(locale).find((l) => l.slug === slug);
}

export function lessonHref(locale: Locale, slug: string): string {
  return `/${locale}/lessons/${slug}/`;
}
