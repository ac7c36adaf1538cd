/**
 * `<StateDiagram table="subscription" />` in a lesson: RFC 6121 Appendix A's nine subscription states and
 * every transition of the engine's tables, as a static SVG rendered on the server (no script ships for
 * it). Two views, one per table (the user sends, A.2; the contact sends, A.3), switched by two radio
 * buttons and CSS alone. Focus on a state (Tab) or a pointer over it keeps only its arrows and lists
 * them in words; each state also carries them in its accessible name. Behind it, the same transitions
 * as a table. Geometry: lib/viz/subscription-diagram.ts.
 * @module
 */
import type { Locale } from '../../_i18n/locales';
import { sdt } from '../../_i18n/state-diagram';
import type { SubState } from '../../../lib/xmpp/im/subscription';
import {
  DIAGRAM_SIDES,
  layoutSubscriptionDiagram,
  rfcStateName,
  SUBSCRIPTION_TYPES,
  tableOf,
  type Diagram,
  type DiagramNode,
  type DiagramSide,
} from '../../../lib/viz/subscription-diagram';
import './state-diagram.css';

export interface StateDiagramProps {
  /** Unique on the page: ids of the radios, markers and title derive from it. */
  idBase: string;
  locale: Locale;
  highlight?: SubState;
  user?: string;
  contact?: string;
}

/** The roster's view of a state: subscription='…' and ask='subscribe' where it applies (RFC 6121 §2.1.2). */
const rosterText = (n: DiagramNode) => `subscription='${n.attr}'${n.ask ? " ask='subscribe'" : ''}`;

const grants = (type: string) => type === 'subscribe' || type === 'subscribed';

function movesOf(d: Diagram, state: SubState, locale: Locale, names: { user: string; contact: string }): string {
  const side = sdt(locale, d.side === 'outbound' ? 'sdOutbound' : 'sdInbound', names);
  const list = d.edges.filter((e) => e.from === state).map((e) => sdt(locale, 'sdLeadsTo', { stanza: e.type, to: rfcStateName(e.to) }));
  return sdt(locale, 'sdFrom', { state: rfcStateName(state), side, list: list.length ? list.join(', ') : sdt(locale, 'sdNoChange') });
}

function DiagramView({ d, idBase, locale, highlight, names }: { d: Diagram; idBase: string; locale: Locale; highlight?: SubState; names: { user: string; contact: string } }) {
  const { nodeWidth: w, nodeHeight: h } = d;
  const id = `${idBase}-${d.side}`;
  const cols = ['sdColNone', 'sdColAsked', 'sdColYes'] as const;
  const rows = ['sdRowNone', 'sdRowAsked', 'sdRowYes'] as const;
  const colX = (c: number) => d.nodes.find((n) => n.col === c)!.x;
  const rowY = (r: number) => d.nodes.find((n) => n.row === r)!.y;
  return (
    <div className={`sd-view sd-view-${d.side}`} data-side={d.side}>
      <div className="sd-scroll">
        <svg viewBox={`0 0 ${d.width} ${d.height}`} role="group" aria-labelledby={`${id}-title ${id}-desc`} className="sd-svg">
          <title id={`${id}-title`}>{`${sdt(locale, 'sdTitle', names)}, ${sdt(locale, d.side === 'outbound' ? 'sdOutboundLong' : 'sdInboundLong', names)}`}</title>
          <desc id={`${id}-desc`}>{sdt(locale, 'sdDesc', names)}</desc>
          <defs>
            {(['grant', 'cancel'] as const).map((k) => (
              <marker key={k} id={`${id}-arrow-${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" className={`sd-marker sd-marker-${k}`}>
                <path d="M 0 0 L 10 5 L 0 10 z" />
              </marker>
            ))}
          </defs>
          <g className="sd-axes" aria-hidden="true">
            {cols.map((k, c) => (
              <text key={k} x={colX(c)} y={34} textAnchor="middle" className="sd-axis">
                {sdt(locale, k, names)}
              </text>
            ))}
            {rows.map((k, r) => (
              <text key={k} x={24} y={rowY(r)} textAnchor="middle" className="sd-axis" transform={`rotate(-90 24 ${rowY(r)})`}>
                {sdt(locale, k, names)}
              </text>
            ))}
          </g>
          <g className="sd-edges" aria-hidden="true">
            {d.edges.map((e) => {
              const k = grants(e.type) ? 'grant' : 'cancel';
              return (
                <g key={`${e.from}-${e.type}`} className={`sd-edge sd-edge-${k}`} data-from={e.from} data-to={e.to} data-type={e.type}>
                  <path d={e.path} className="sd-line" markerEnd={`url(#${id}-arrow-${k})`} />
                </g>
              );
            })}
          </g>
          <g className="sd-nodes">
            {d.nodes.map((n) => (
              <g
                key={n.state}
                className={`sd-node${n.state === highlight ? ' sd-node-marked' : ''}`}
                data-state={n.state}
                tabIndex={0}
                role="img"
                aria-label={sdt(locale, 'sdNodeLabel', {
                  state: rfcStateName(n.state),
                  roster: rosterText(n),
                  pending: n.pendingIn ? `; ${sdt(locale, 'sdPendingIn')}` : '',
                  marked: n.state === highlight ? sdt(locale, 'sdMarked') : '',
                  moves: movesOf(d, n.state, locale, names),
                })}
              >
                <rect x={n.x - w / 2} y={n.y - h / 2} width={w} height={h} rx={12} className="sd-box" />
                <text x={n.x} y={n.y - h / 2 + 23} textAnchor="middle" className="sd-name">
                  {rfcStateName(n.state)}
                </text>
                <text x={n.x} y={n.y - h / 2 + 42} textAnchor="middle" className="sd-attr">
                  {`subscription='${n.attr}'`}
                </text>
                {n.ask ? (
                  <text x={n.x} y={n.y - h / 2 + 60} textAnchor="middle" className="sd-attr">
                    ask='subscribe'
                  </text>
                ) : null}
              </g>
            ))}
          </g>
          {/* Labels last, so that they sit above every line. */}
          <g className="sd-labels" aria-hidden="true">
            {d.edges.map((e) => (
              <g key={`${e.from}-${e.type}`} className={`sd-label sd-label-${grants(e.type) ? 'grant' : 'cancel'}`} data-from={e.from}>
                <rect x={e.label.x} y={e.label.y} width={e.label.w} height={e.label.h} rx={e.label.h / 2} />
                <text x={e.label.x + e.label.w / 2} y={e.label.y + e.label.h / 2 + 5} textAnchor="middle">
                  {e.type}
                </text>
              </g>
            ))}
          </g>
        </svg>
      </div>
      <div className="sd-info" aria-hidden="true">
        <p className="sd-hint">{sdt(locale, 'sdHint')}</p>
        {d.nodes.map((n) => (
          <p key={n.state} className="sd-moves" data-state={n.state}>
            {movesOf(d, n.state, locale, names)}
          </p>
        ))}
      </div>
    </div>
  );
}

/** Focus or pointer on state i keeps only its arrows and shows its line of text: one rule per state, from the engine's list. */
function focusRules(scope: string, d: Diagram): string {
  return d.nodes
    .map((n) => {
      const s = JSON.stringify(n.state);
      const on = `#${scope} .sd-view:has(.sd-node[data-state=${s}]:is(:hover, :focus-visible))`;
      return `${on} :is(.sd-edge, .sd-label):not([data-from=${s}]) { opacity: 0.12; } ${on} .sd-moves[data-state=${s}] { display: block; } ${on} .sd-hint { display: none; }`;
    })
    .join('\n');
}

export function StateDiagram({ idBase, locale, highlight, user = 'alice', contact = 'bob' }: StateDiagramProps) {
  const names = { user, contact };
  const views = DIAGRAM_SIDES.map((side: DiagramSide) => layoutSubscriptionDiagram(side));
  const radio = `${idBase}-side`;
  return (
    <figure className="breakout state-diagram" id={idBase} data-table="subscription">
      <style>{focusRules(idBase, views[0]!)}</style>
      <figcaption className="sd-caption">{sdt(locale, 'sdTitle', names)}</figcaption>
      <fieldset className="sd-toggle">
        <legend>{sdt(locale, 'sdShow')}</legend>
        {views.map((d, i) => (
          <label key={d.side} className="sd-toggle-option">
            <input type="radio" name={radio} value={d.side} defaultChecked={i === 0} className={`sd-radio sd-radio-${d.side}`} />
            <span>{sdt(locale, d.side === 'outbound' ? 'sdOutbound' : 'sdInbound', names)}</span>
          </label>
        ))}
      </fieldset>
      {views.map((d) => (
        <DiagramView key={d.side} d={d} idBase={idBase} locale={locale} highlight={highlight} names={names} />
      ))}
      <details className="sd-table">
        <summary>{sdt(locale, 'sdTableSummary')}</summary>
        <div className="sd-table-scroll" tabIndex={0}>
          <table>
            <caption>{sdt(locale, 'sdTableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {sdt(locale, 'sdColState')}
                </th>
                <th scope="col" rowSpan={2}>
                  {sdt(locale, 'sdColRoster')}
                </th>
                {views.map((d) => (
                  <th key={d.side} scope="colgroup" colSpan={SUBSCRIPTION_TYPES.length}>
                    {sdt(locale, d.side === 'outbound' ? 'sdOutbound' : 'sdInbound', names)}
                  </th>
                ))}
              </tr>
              <tr>
                {views.flatMap((d) =>
                  SUBSCRIPTION_TYPES.map((type) => (
                    <th key={`${d.side}-${type}`} scope="col">
                      <code>{type}</code>
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              {views[0]!.nodes.map((n) => (
                <tr key={n.state} className={n.state === highlight ? 'sd-row-marked' : undefined}>
                  <th scope="row">{rfcStateName(n.state)}</th>
                  <td>
                    <code>{rosterText(n)}</code>
                  </td>
                  {DIAGRAM_SIDES.flatMap((side) =>
                    SUBSCRIPTION_TYPES.map((type) => {
                      const next = tableOf(side)[type][n.state];
                      return (
                        <td key={`${side}-${type}`}>
                          {next ? (
                            rfcStateName(next)
                          ) : (
                            <>
                              <span aria-hidden="true">–</span>
                              <span className="sd-vh">{sdt(locale, 'sdNoChangeCell')}</span>
                            </>
                          )}
                        </td>
                      );
                    }),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
