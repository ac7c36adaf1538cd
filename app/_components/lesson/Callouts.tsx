/** The static teaching boxes of a lesson: YouWillLearn, Note, Pitfall, DeepDive, Recap. Server components. @module */
import type { ReactNode } from 'react';
import { CheckListIcon, InfoIcon, LayersIcon, TargetIcon, WarningIcon } from '../site/icons';

interface BoxProps {
  kind: 'learn' | 'note' | 'pitfall' | 'recap';
  label: string;
  icon: ReactNode;
  title?: string;
  children: ReactNode;
}

function Box({ kind, label, icon, title, children }: BoxProps) {
  return (
    <aside className={`callout callout-${kind}`} aria-label={title ? `${label}: ${title}` : label}>
      <p className="callout-label">
        {icon}
        <span>{label}</span>
        {title ? <span className="callout-title">{title}</span> : null}
      </p>
      <div className="callout-body">{children}</div>
    </aside>
  );
}

/** Without children it lists the lesson's frontmatter objectives. */
export function YouWillLearn({ label, objectives, children }: { label: string; objectives: string[]; children?: ReactNode }) {
  return (
    <Box kind="learn" label={label} icon={<TargetIcon />}>
      {children ?? (
        <ul>
          {objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      )}
    </Box>
  );
}

export function Note({ label, title, children }: { label: string; title?: string; children: ReactNode }) {
  return (
    <Box kind="note" label={label} title={title} icon={<InfoIcon />}>
      {children}
    </Box>
  );
}

export function Pitfall({ label, title, children }: { label: string; title?: string; children: ReactNode }) {
  return (
    <Box kind="pitfall" label={label} title={title} icon={<WarningIcon />}>
      {children}
    </Box>
  );
}

/** The lesson's summary: a section with its own heading, so that it shows up in the outline. */
export function Recap({ label, children }: { label: string; children: ReactNode }) {
  const id = label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');
  return (
    <section className="callout callout-recap" aria-labelledby={id}>
      <h2 className="callout-heading" id={id}>
        <CheckListIcon />
        <span>{label}</span>
      </h2>
      <div className="callout-body">{children}</div>
    </section>
  );
}

/** Optional depth, folded: the lesson reads completely without opening it. */
export function DeepDive({ label, title, children }: { label: string; title: string; children: ReactNode }) {
  return (
    <details className="callout callout-deep">
      <summary>
        <span className="callout-label">
          <LayersIcon />
          <span>{label}</span>
          <span className="callout-title">{title}</span>
        </span>
      </summary>
      <div className="callout-body">{children}</div>
    </details>
  );
}
