#!/usr/bin/env node
// Exports nobody imports: `export`ed values (functions, constants, components) in lib/ and app/ that no other file of the project (lib, app,
// content, tests, scripts) imports. Each is either dead code or an export that should be a local.
// Next.js's own file conventions (page.tsx default export, generateStaticParams, metadata …) count as used.
// Exit 1 with file: name for each one. Usage: node scripts/unused-exports.mjs
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(new URL('..', import.meta.url).pathname);
const SCAN = ['lib', 'app', 'content', 'tests', 'scripts'];
const CHECK = ['lib/', 'app/'];
const NEXT_CONVENTIONS = new Set(['default', 'generateStaticParams', 'generateMetadata', 'metadata', 'viewport', 'dynamicParams', 'dynamic', 'revalidate']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|mts|mjs|js|mdx)$/.test(name)) yield p;
  }
}

const all = SCAN.flatMap((d) => [...files(join(root, d))]);
const exts = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx'];
function resolveSpec(from, spec) {
  let base;
  if (spec.startsWith('@/')) base = join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null;
  for (const e of exts) {
    const p = base.replace(/\.js$/, '') + e;
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      /* not this extension */
    }
  }
  return null;
}

/** file → names imported from it by other files ('*' = everything). */
const used = new Map();
const use = (file, name) => {
  if (!used.has(file)) used.set(file, new Set());
  used.get(file).add(name);
};
/** Re-exports: file → [{ from, names|'*' }] so that a use of a re-exported name counts for its origin. */
const reexports = new Map();

for (const f of all) {
  const text = readFileSync(f, 'utf8');
  if (f.endsWith('.mdx')) continue;
  const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = resolveSpec(f, node.moduleSpecifier.text);
      const cl = node.importClause;
      if (target && cl) {
        if (cl.name) use(target, 'default');
        const nb = cl.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) use(target, '*');
        if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) use(target, (el.propertyName ?? el.name).text);
      } else if (target) use(target, '*');
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = resolveSpec(f, node.moduleSpecifier.text);
      if (target) {
        const list = reexports.get(f) ?? [];
        if (!node.exportClause) list.push({ from: target, names: '*' });
        else if (ts.isNamedExports(node.exportClause)) for (const el of node.exportClause.elements) list.push({ from: target, names: [(el.propertyName ?? el.name).text], as: el.name.text });
        reexports.set(f, list);
      }
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const target = resolveSpec(f, node.arguments[0].text);
      if (target) use(target, '*');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
// Propagate uses through re-exports until nothing changes.
for (let changed = true; changed; ) {
  changed = false;
  for (const [f, list] of reexports) {
    const u = used.get(f) ?? new Set();
    for (const r of list) {
      const names = r.names === '*' ? [...u] : r.names.filter((n) => u.has(r.as ?? n) || u.has('*'));
      for (const n of names) {
        if (!(used.get(r.from)?.has(n))) {
          use(r.from, n);
          changed = true;
        }
      }
    }
  }
}

const problems = [];
for (const f of all) {
  const rel = relative(root, f);
  if (!CHECK.some((c) => rel.startsWith(c)) || f.endsWith('.mdx') || f.endsWith('.d.ts')) continue;
  const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const u = used.get(f) ?? new Set();
  if (u.has('*')) continue;
  const isNextFile = /(^|\/)(page|layout|not-found|error|loading|route)\.tsx?$/.test(rel);
  for (const st of sf.statements) {
    const mods = ts.canHaveModifiers(st) ? ts.getModifiers(st) ?? [] : [];
    if (!mods.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    // Types name the shapes of exported functions' parameters and results: part of the API even when no one imports them by name.
    if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) continue;
    const isDefault = mods.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    const names = isDefault
      ? ['default']
      : ts.isVariableStatement(st)
        ? st.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []))
        : st.name && ts.isIdentifier(st.name)
          ? [st.name.text]
          : [];
    for (const n of names) {
      if (u.has(n)) continue;
      if (isNextFile && NEXT_CONVENTIONS.has(n)) continue;
      if (rel.startsWith('lib/io/') && n === 'default') continue;
      const { line } = sf.getLineAndCharacterOfPosition(st.getStart(sf));
      problems.push(`${rel}:${line + 1} ${n}`);
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`unused-exports: ${problems.length} export(s) nobody imports (make them local or delete them)`);
  process.exit(1);
}
console.log('unused-exports: every export in lib/ and app/ is imported somewhere');
