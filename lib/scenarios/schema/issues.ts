/**
 * What is wrong with a scenario, as data: a path (`topology.clients[1].jid`), a code and its
 * parameters. Messages are made from them in English and German (messages-en.ts, messages-de.ts),
 * so the same problem reads the same in the CLI, the app and a test.
 * @module
 */
import type { Format, JidProblem } from './formats';
import type { LocalizedText } from './localized';

/** Every problem the loader can report, with the parameters its message needs. */
export interface IssueParams {
  'json': { detail: string };
  'version': { value: string };
  'type.object': Record<string, never>;
  'type.list': Record<string, never>;
  'type.text': Record<string, never>;
  'type.number': Record<string, never>;
  'type.integer': Record<string, never>;
  'type.boolean': Record<string, never>;
  'type.value': Record<string, never>;
  'required': Record<string, never>;
  'field.unknown': { known: readonly string[] };
  'range': { min: number; max: number };
  'length.max': { max: number };
  'length.min': { min: number };
  'length.range': { min: number; max: number };
  'items.min': { min: number };
  'items.exact': { count: number };
  'enum': { values: readonly string[] };
  'literal': { value: string };
  'variant': { value: string; known: readonly string[]; what: LocalizedText };
  'format': { value: string; format: Format; problem?: JidProblem };
  'jid.canonical': { value: string; canonical: string };
  'jid.not-person': { value: string };
  'id.twice': { id: string };
  'id.taken': { id: string };
  'ref.node': { id: string };
  'ref.client': { id: string };
  'ref.server': { id: string };
  'ref.link': { id: string };
  'link.same-ends': Record<string, never>;
  'client.no-link': { client: string; server: string };
  'client.domain': { server: string; domain: string };
  'mitm.not-account': { jid: string };
  'mitm.same': Record<string, never>;
  'mitm.twice': { server: string };
  'forger.length': { bytes: number };
  'forger.known': Record<string, never>;
  'chapter.no-step': { index: number; count: number };
  'chapter.late': { at: number; last: number };
  'chapter.order': { previous: string };
}

export type IssueCode = keyof IssueParams;

export type Issue = { [C in IssueCode]: { path: string; code: C; params: IssueParams[C] } }[IssueCode];

/** One message per code, in one language. */
export type Messages = { [C in IssueCode]: (p: IssueParams[C]) => string };
