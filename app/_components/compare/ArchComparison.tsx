/**
 * The architecture comparison as a table (issue #11 item 3), rendered at build time from four runs
 * (`lib/viz/arch-compare.ts`): one row per party, one column per design; each cell says which lines of
 * the conversation the party read or only saw, then the metadata it holds, with a link that opens the
 * run under that party's lens at the step where it first learned something. Server component: no
 * JavaScript reaches the browser for it.
 * @module
 */
import Link from 'next/link';
import { compare } from '../../_i18n/compare';
import { fill, type Locale } from '../../_i18n/locales';
import { ARCH_PRESETS } from '../../../lib/scenarios/presets/arch';
import { compareArchitectures, localPartOf, ROLES, type Cell, type Comparison, type RoleId } from '../../../lib/viz/arch-compare';
import { encodeUrlView } from '../../../lib/viz/url-view';
import './compare.css';

/** The widget step that shows the first event the party learned from (the widget's step k shows event seq k − 1). */
function firstStep(cell: Cell): number | undefined {
  const seqs = [...cell.lines.map((l) => l.seq), ...cell.contacts.map((c) => c.seq), ...cell.addresses.map((a) => a.seq)];
  return seqs.length ? Math.min(...seqs) + 1 : undefined;
}

function CellView({ locale, cell, total, scenario, role, sameAbove }: { locale: Locale; cell: Cell; total: number; scenario: string; role: RoleId; sameAbove: boolean }) {
  const s = compare[locale];
  if (!cell.observer) return <p className="cmp-none">{role === 'tap-between' ? s.noPartyBetween : s.noParty}</p>;
  const read = cell.lines.filter((l) => l.read).length;
  const seen = cell.lines.length;
  const headline =
    seen === 0 ? s.seesNothing : read === seen && read > 0 ? fill(s.reads, { n: read, total }) : read === 0 ? fill(s.seesNotReads, { n: seen, total }) : fill(s.seesSomeReads, { seen, n: read, total });
  const verdict = read > 0 ? 'reads' : seen > 0 ? 'sees' : 'nothing';
  const step = firstStep(cell);
  const href = `/${locale}/scenarios/${scenario}/${encodeUrlView({ lens: cell.observer, ...(step !== undefined ? { step } : {}) }, { step: 0, view: 'both', tab: '' })}`;
  const facts = [
    cell.contacts.length ? fill(s.contacts, { list: cell.contacts.map((c) => `${localPartOf(c.from)} → ${localPartOf(c.to)} (${c.count})`).join(', ') }) : null,
    cell.protocol ? fill(s.protocol, { n: cell.protocol }) : null,
    cell.addresses.length ? fill(s.addresses, { list: cell.addresses.map((a) => (a.node ? `${a.ip} (${a.node})` : a.ip)).join(', ') }) : null,
    cell.presence ? fill(s.presence, { n: cell.presence }) : null,
    cell.offline.length ? fill(s.offline, { list: cell.offline.map((o) => localPartOf(o.for)).join(', ') }) : null,
    cell.accounts ? fill(s.accounts, { n: cell.accounts }) : null,
    cell.sealed ? fill(s.sealed, { n: cell.sealed }) : null,
  ].filter((f): f is string => f !== null);
  return (
    <>
      {sameAbove ? <p className="cmp-same">{s.sameProvider}</p> : null}
      {/* A user reading the lines written to them is the point, not a leak: no warning colour there. */}
      <p className={`cmp-headline cmp-${role === 'bob' || role === 'carol' ? 'own' : verdict}`} data-verdict={verdict}>
        {headline}
      </p>
      {facts.length ? (
        <ul className="cmp-facts">
          {facts.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      ) : null}
      <Link className="cmp-watch" href={href} prefetch={false}>
        {fill(s.watch, { observer: cell.observer })}
      </Link>
    </>
  );
}

/** The four runs are the same for both languages: computed once per build, not once per page. */
let computed: Comparison | null = null;

export function ArchComparison({ locale }: { locale: Locale }) {
  const s = compare[locale];
  const table = (computed ??= compareArchitectures(ARCH_PRESETS));
  return (
    <div className="cmp">
      <h2 id="cmp-conversation">{s.conversation}</h2>
      <ol className="cmp-lines" aria-labelledby="cmp-conversation">
        {table.lines.map((l, i) => (
          <li key={i}>
            <span className="cmp-line-who">
              {localPartOf(l.from)} → {localPartOf(l.to)}:
            </span>{' '}
            <q>{l.body}</q>
          </li>
        ))}
      </ol>
      <div className="cmp-scroll" tabIndex={0} role="region" aria-label={s.tableCaption}>
        <table className="cmp-table" data-testid="arch-comparison">
          <caption>{s.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.party}</th>
              {table.columns.map((c) => (
                <th scope="col" key={c.id}>
                  <Link href={`/${locale}/scenarios/${c.id}/`} prefetch={false}>
                    {c.title[locale]}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROLES.map((role) => (
              <tr key={role} data-role={role}>
                <th scope="row">{s[`role.${role}`]}</th>
                {table.columns.map((c) => (
                  <td key={c.id} data-column={c.id}>
                    <CellView
                      locale={locale}
                      cell={c.cells[role]}
                      total={table.lines.length}
                      scenario={c.id}
                      role={role}
                      sameAbove={role === 'provider-carol' && c.cells[role].observer !== null && c.cells[role].observer === c.cells['provider-alice'].observer}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="cmp-takeaway">{s.takeaway}</p>
      <p className="cmp-not-yet">{s.notYet}</p>
    </div>
  );
}
