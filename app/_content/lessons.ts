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

export interface LessonFrontmatter {
  title: string;
  summary: string;
  order: number;
  minutes: number;
  objectives: string[];
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
  const { title, summary, order, minutes, objectives } = data;
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
  return { title, summary, order, minutes, objectives } as LessonFrontmatter;
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

/** All lessons of a locale, sorted by `order`, with checked frontmatter. */
export function listLessons(locale: Locale): LessonMeta[] {
  return lessonFiles(locale)
    .map(({ file, prefix, slug }) => {
      const fm = checkFrontmatter(matter(readFileSync(file, 'utf8')).data, file);
      if (fm.order !== prefix) throw new Error(`lessons: ${file}: frontmatter order ${fm.order} does not match file prefix ${prefix}`);
      return { ...fm, locale, slug, file };
    })
    .sort((a, b) => a.order - b.order);
}

export function getLesson(locale: Locale, slug: string): LessonMeta | undefined {
  return listLessons(locale).find((l) => l.slug === slug);
}

export function lessonHref(locale: Locale, slug: string): string {
  return `/${locale}/lessons/${slug}/`;
}
