/**
 * `<StanzaView scenario="federation" step="67">` with `<Annotation at="@to">…</Annotation>` children:
 * the XML that crossed at one step of a preset, pretty-printed as the receiving node read it, with the
 * author's notes numbered beside the attribute (`@name`) or child element (`name`) they explain. The
 * compile check has already refused a step without XML and a target the element does not have.
 * Server component: no script ships for it.
 * @module
 */
import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import type { Locale } from '../../_i18n/locales';
import { t } from '../../_i18n/site';
import { annotationLine, stanzaAt } from './lesson-data';

/** One note inside a StanzaView; it renders nothing by itself (StanzaView places it). */
export function Annotation(_: { at: string; children?: ReactNode }) {
  return null;
}

export function StanzaView({ scenario, step, locale, children }: { scenario: string; step: string; locale: Locale; children?: ReactNode }) {
  const s = stanzaAt(scenario, Number(step));
  if (typeof s === 'string') throw new Error(`<StanzaView>: ${s}`); // the compile check makes this unreachable
  const notes = Children.toArray(children).filter((c): c is ReactElement<{ at: string; children?: ReactNode }> => isValidElement(c) && c.type === Annotation);
  const lines = s.xml.split('\n');
  const marks = new Map<number, number[]>();
  notes.forEach((note, i) => {
    const line = annotationLine(s.xml, note.props.at);
    marks.set(line, [...(marks.get(line) ?? []), i + 1]);
  });
  return (
    <figure className="stanza-view" data-scenario={scenario} data-step={step}>
      <figcaption>{t(locale, 'stanzaCaption', { step, from: s.from, to: s.to })}</figcaption>
      <pre>
        <code>
          {lines.map((line, i) => (
            <span className="stanza-line" key={i}>
              {line}
              {(marks.get(i) ?? []).map((n) => (
                <span className="stanza-mark" key={n} aria-hidden="true">
                  {n}
                </span>
              ))}
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
      {notes.length ? (
        <ol className="stanza-notes" aria-label={t(locale, 'stanzaNotes', { name: `<${s.name}>` })}>
          {notes.map((note, i) => (
            <li key={i}>
              <code>{note.props.at}</code> {note.props.children}
            </li>
          ))}
        </ol>
      ) : null}
    </figure>
  );
}
