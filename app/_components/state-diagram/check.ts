/**
 * The compile check of `<StateDiagram>`'s props (app/_content/compile.ts calls it): the table it names
 * must exist, and `highlight` must be one of that table's states. Pure.
 * @module
 */
import { SUB_STATES, type SubState } from '../../../lib/xmpp/im/subscription';

/** The tables a diagram can draw. */
const DIAGRAM_TABLES = ['subscription'] as const;

export function isSubState(s: string): s is SubState {
  return (SUB_STATES as readonly string[]).includes(s);
}

/** Why the props are wrong, or null. */
export function stateDiagramProblem(p: { table?: string; highlight?: string }): string | null {
  if (p.table !== undefined && !(DIAGRAM_TABLES as readonly string[]).includes(p.table)) return `table="${p.table}" is not a table the diagram knows (use ${DIAGRAM_TABLES.join(', ')})`;
  if (p.highlight !== undefined && !isSubState(p.highlight)) return `highlight="${p.highlight}" is not a state of the table (use ${SUB_STATES.join(', ')})`;
  return null;
}
