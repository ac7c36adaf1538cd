#!/usr/bin/env node
// Keeps lib/ pure and deterministic (ARCHITECTURE.md): outside lib/io, no clock, no ambient randomness,
// no timers, no Node built-ins, no React/Next, no DOM. And narration is display only: outside
// lib/narration (and the kernel, which moves notes), no module in lib/ — lib/io included — reads a
// note's key or params or an event's effects; decisions read facts, actions or bytes. Uses the
// TypeScript parser, so comments and strings never trip it. Exit 1 with file:line for every violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const FORBIDDEN_MEMBERS = new Set(['Date.now', 'Math.random', 'crypto.getRandomValues', 'crypto.randomUUID', 'performance.now']);
const FORBIDDEN_GLOBALS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'performance', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'process']);
const NODE = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const FORBIDDEN_IMPORT = (spec) => NODE.has(spec) || spec.startsWith('node:') || /^(react|react-dom|next)(\/|$)/.test(spec);

function* files(dir, skipIo = true) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (skipIo && relative(root, p) === join('lib', 'io')) continue;
      yield* files(p, skipIo);
    } else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) yield p;
  }
}

/** Reads of narration outside lib/narration: `note.key`, `n.params`, `ev.note.key`, `ev.effects` … */
export function lintNarrationReads(fileName, text) {
  if (fileName.startsWith('lib/narration/') || fileName === 'lib/sim/kernel.ts') return [];
  const problems = [];
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (ts.isPropertyAccessExpression(node)) {
      const obj = node.expression.getText(sf);
      const name = node.name.text;
      const at = () => sf.getLineAndCharacterOfPosition(node.getStart(sf));
      if ((name === 'key' || name === 'params') && /(^|\.)(note|n|nt)$/.test(obj)) {
        const { line, character } = at();
        problems.push(`${fileName}:${line + 1}:${character + 1} reads ${obj}.${name} (narration is display only: read a fact, the event's action or its bytes)`);
      }
      if (name === 'effects') {
        const { line, character } = at();
        problems.push(`${fileName}:${line + 1}:${character + 1} reads ${obj}.effects (an event's notes are display only: read its facts)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

export function lintSource(fileName, text) {
  const problems = [];
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const report = (node, what) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    problems.push(`${fileName}:${line + 1}:${character + 1} ${what}`);
  };
  const isDeclarationName = (node) => {
    const p = node.parent;
    return p && (ts.isPropertyAccessExpression(p) && p.name === node || ts.isPropertyAssignment(p) && p.name === node ||
      ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isParameter(p) && p.name === node ||
      ts.isVariableDeclaration(p) && p.name === node || ts.isFunctionDeclaration(p) || ts.isImportSpecifier(p) ||
      ts.isBindingElement(p) || ts.isQualifiedName(p) || ts.isTypeReferenceNode(p) || ts.isShorthandPropertyAssignment(p) && false);
  };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (FORBIDDEN_IMPORT(node.moduleSpecifier.text)) report(node, `imports '${node.moduleSpecifier.text}' (lib/ must not use Node built-ins, React, Next or the DOM)`);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const a = node.arguments[0];
      if (a && ts.isStringLiteral(a) && FORBIDDEN_IMPORT(a.text)) report(node, `imports '${a.text}'`);
    }
    if (ts.isPropertyAccessExpression(node)) {
      const text = `${node.expression.getText(sf)}.${node.name.text}`;
      if (FORBIDDEN_MEMBERS.has(text) || FORBIDDEN_MEMBERS.has(text.replace(/^(globalThis|window|self)\./, ''))) report(node, `uses ${text} (time and randomness come from the HostContext)`);
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && (!node.arguments || node.arguments.length === 0)) {
      report(node, 'uses new Date() without arguments (reads the clock)');
    }
    if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && !isDeclarationName(node)) {
      report(node, `uses ${node.text} (not allowed in lib/ outside lib/io)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = [];
  for (const f of files(join(root, 'lib'))) problems.push(...lintSource(relative(root, f), readFileSync(f, 'utf8')));
  for (const f of files(join(root, 'lib'), false)) problems.push(...lintNarrationReads(relative(root, f), readFileSync(f, 'utf8')));
  if (problems.length) {
    console.error(problems.join('\n'));
    console.error(`lint: ${problems.length} problem(s) in lib/`);
    process.exit(1);
  }
  console.log('lint: lib/ is pure (no clock, randomness, timers, Node built-ins, React, Next or DOM outside lib/io) and reads no narration outside lib/narration');
}
