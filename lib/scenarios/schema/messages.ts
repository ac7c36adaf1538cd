/** An issue as a sentence in English or German, with its path first: `topology.clients[1].jid: …`. @module */
import type { Issue, Messages } from './issues';
import type { Locale } from './localized';
import { messagesDe } from './messages-de';
import { messagesEn } from './messages-en';

const MESSAGES: Record<Locale, Messages> = { en: messagesEn, de: messagesDe };

export function messageOf(issue: Issue, locale: Locale): string {
  const make = MESSAGES[locale][issue.code] as (p: Issue['params']) => string;
  return make(issue.params);
}

/** `path: message`; the whole scenario is “(scenario)”, the file as a whole “(file)”. */
export function formatIssue(issue: Issue, locale: Locale): string {
  return `${issue.path === '' ? (locale === 'de' ? '(Szenario)' : '(scenario)') : issue.path}: ${messageOf(issue, locale)}`;
}

export function formatIssues(issues: readonly Issue[], locale: Locale): string {
  return issues.map((i) => formatIssue(i, locale)).join('\n');
}
