/**
 * `npm run sim -- compare` as text: for each party, one line per design with what it read and what it
 * holds — the same cells, from the same `compareArchitectures`, as the comparison page.
 * @module
 */
import { localPartOf, ROLES, type Cell, type Comparison } from '../viz/arch-compare';

function summary(cell: Cell, total: number): string {
  if (!cell.observer) return '(no such party)';
  const read = cell.lines.filter((l) => l.read).length;
  const parts = [`${cell.observer}: reads ${read}/${total}, sees ${cell.lines.length}/${total}`];
  if (cell.contacts.length) parts.push(`contacts ${cell.contacts.map((c) => `${localPartOf(c.from)}→${localPartOf(c.to)}×${c.count}`).join(' ')}`);
  if (cell.protocol) parts.push(`e2e protocol ${cell.protocol}`);
  if (cell.addresses.length) parts.push(`IPs ${cell.addresses.map((a) => a.ip).join(' ')}`);
  if (cell.presence) parts.push(`presence ${cell.presence}`);
  if (cell.offline.length) parts.push(`held offline for ${cell.offline.map((o) => localPartOf(o.for)).join(' ')}`);
  if (cell.accounts) parts.push(`accounts ${cell.accounts}`);
  if (cell.sealed) parts.push(`sealed records ${cell.sealed}`);
  return parts.join('; ');
}

export function comparisonTable(table: Comparison): string[] {
  const width = Math.max(...table.columns.map((c) => c.id.length));
  const lines = ['conversation:', ...table.lines.map((l, i) => `  ${i + 1}. ${localPartOf(l.from)} → ${localPartOf(l.to)}: ${l.body}`)];
  for (const role of ROLES) {
    lines.push('', role);
    for (const c of table.columns) lines.push(`  ${c.id.padEnd(width)}  ${summary(c.cells[role], table.lines.length)}`);
  }
  return lines;
}
