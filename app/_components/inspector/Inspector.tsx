'use client';
/**
 * The Inspector: what the selected step put on the wire, in tabs — XML (pretty-printed, as text; an OTR
 * body dissected below it), Layers (the dissection with byte ranges), Hex (grouped, 16 bytes a line), State
 * (a node's plain-data state after the step), Events (every event as a table: the diagrams' text
 * alternative), Knowledge (what the chosen observer has learned), Ledger (the same fact by fact, each with the
 * step that leaked it) and, when the scenario speaks OTR, Ratchet.
 * Tabs follow the WAI-ARIA tabs pattern (arrow keys, Home/End, automatic activation).
 * @module
 */
import { useId, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { localEventLabel } from '../../_i18n/actions';
import type { Locale } from '../../_i18n/locales';
import { wt, type WidgetKey } from '../../_i18n/widget';
import { fromBase64 } from '../../../lib/bytes/base64';
import { groupedHex, utf8DecodeStrict } from '../../../lib/bytes/hex';
import type { SimRun } from '../../../lib/sim/kernel';
import type { Layer, Scenario, TraceEvent } from '../../../lib/sim/types';
import { prettyPrint } from '../../../lib/xml/pretty';
import { shortName } from '../../../lib/viz/entities';
import { topLayer } from '../../../lib/viz/layers';
import { eventElementNames, isEncrypted } from '../../../lib/viz/wire-label';
import { nodeStatesAfter } from '../../../lib/scenarios/run';
import { StoragePanel } from './StoragePanel';
import { LedgerPanel } from './LedgerPanel';
import { HandshakePanel } from '../handshake/HandshakePanel';
import { NodePicker } from './NodePicker';
import { ErrorBoundary } from '../scenario/ErrorBoundary';
import { LayerChip, WarningIcon } from '../scenario/Glyphs';
import type { ObserverInfo } from '../../../lib/knowledge/observe';
import { KnowledgePanel } from '../knowledge/KnowledgePanel';
import { RatchetView } from '../ratchet/RatchetView';
import { JsonTree } from './JsonTree';
import { OtrDissection } from './OtrDissection';
import { layerLabel } from '../../_i18n/layer-label';
import { lensEvent, type EventLens } from '../../../lib/viz/lens';
import { lensNode } from '../../../lib/viz/knowledge';
import { lensedNames, shownNames, type LensMeans } from '../scenario/lens-words';

export type InspectorTab = 'xml' | 'layers' | 'hex' | 'state' | 'storage' | 'events' | 'knowledge' | 'ledger' | 'ratchet' | 'handshake';
const ALL_TABS: { id: InspectorTab; key: WidgetKey }[] = [
  { id: 'xml', key: 'tabXml' },
  { id: 'layers', key: 'tabLayers' },
  { id: 'hex', key: 'tabHex' },
  { id: 'state', key: 'tabState' },
  { id: 'storage', key: 'tabStorage' },
  { id: 'events', key: 'tabEvents' },
  { id: 'knowledge', key: 'tabKnowledge' },
  { id: 'ledger', key: 'tabLedger' },
  { id: 'ratchet', key: 'tabRatchet' },
  { id: 'handshake', key: 'tabHandshake' },
];

const LAYER_KEYS: Record<Layer['layer'], WidgetKey> = {
  tcp: 'layerTcp',
  tls: 'layerTls',
  xml: 'layerXml',
  sasl: 'layerSasl',
  otr: 'layerOtr',
  plaintext: 'layerPlaintext',
};

export interface InspectorProps {
  scenario: Scenario;
  run: SimRun;
  step: number;
  locale: Locale;
  selectedNode: string | null;
  onSelectNode(id: string): void;
  onSelectStep(step: number): void;
  /** The knowledge lens: every observer of the scenario, the chosen one, how to choose, how to name one. */
  observers?: readonly ObserverInfo[];
  lens?: ObserverInfo | null;
  onLens?(name: string | null): void;
  who?(o: ObserverInfo): string;
  /** Show the Ratchet tab (the scenario has OTR sessions). */
  otr?: boolean;
  /** Show the Handshake tab (the run has a TLS connection). */
  tls?: boolean;
  /** The lens's keys and seen steps: the XML, Layers, Hex and Events tabs show only what it can open. */
  means?: LensMeans | null;
  /** The open tab, owned by the widget (the URL keeps it); a tab this scenario does not show opens XML. */
  tab: InspectorTab;
  onTab(tab: InspectorTab): void;
}

/** A tab's name on screen (the lecture script lists views by it); an unknown id is shown as it is. */
export function tabLabel(locale: Locale, id: string): string {
  const t = ALL_TABS.find((x) => x.id === id);
  return t ? wt(locale, t.key) : id;
}

/** The tabs a scenario shows: Ratchet only with OTR sessions, Knowledge only with observers to choose, Handshake only with TLS. */
export function shownTabs(otr: boolean, knowledge: boolean, tls = false): InspectorTab[] {
  return ALL_TABS.filter((t) => (t.id === 'ratchet' ? otr : t.id === 'knowledge' || t.id === 'ledger' ? knowledge : t.id === 'handshake' ? tls : true)).map((t) => t.id);
}

export function Inspector({ scenario, run, step, locale, selectedNode, onSelectNode, onSelectStep, observers = [], lens = null, onLens, who = (o) => o.name, otr = false, tls = false, means = null, tab: tabRaw, onTab: setTab }: InspectorProps) {
  const shown = shownTabs(otr, observers.length > 0 && !!onLens, tls);
  const TABS = ALL_TABS.filter((t) => shown.includes(t.id));
  const tab = TABS.some((t) => t.id === tabRaw) ? tabRaw : 'xml';
  const base = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const trace = run.trace;
  const ev = step >= 1 ? (trace.events[step - 1] ?? null) : null;
  const names = useMemo(() => new Map(trace.nodes.map((n) => [n.id, shortName(n)])), [trace.nodes]);
  const nm = (id: string) => names.get(id) ?? id;
  const seenBy = means && lens ? { means, who: who(lens) } : null;

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.id === tab);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    e.stopPropagation();
    setTab(TABS[next]!.id);
    tabRefs.current[next]?.focus();
  };

  const otrSection = ev?.kind === 'wire' && !isEncrypted(ev.layers) && ev.layers.some((l) => l.layer === 'otr') ? <OtrDissection scenario={scenario} trace={trace} step={step} ev={ev} locale={locale} lens={lens} who={who} /> : null;
  let panel: ReactNode;
  switch (tab) {
    case 'xml':
      panel = (
        <>
          <XmlPanel ev={ev} step={step} locale={locale} nm={nm} seenBy={seenBy} extra={otrSection} />
        </>
      );
      break;
    case 'layers':
      panel = (
        <>
          <LayersPanel ev={ev} step={step} locale={locale} nm={nm} seenBy={seenBy} />
          {otrSection}
        </>
      );
      break;
    case 'hex':
      panel = <HexPanel ev={ev} step={step} locale={locale} nm={nm} seenBy={seenBy} />;
      break;
    case 'state':
      panel = <StatePanel scenario={scenario} run={run} step={step} ev={ev} locale={locale} selectedNode={selectedNode} onSelectNode={onSelectNode} nm={nm} seenBy={seenBy} own={lens ? lensNode(lens) : undefined} />;
      break;
    case 'storage':
      panel = <StoragePanel scenario={scenario} run={run} step={step} locale={locale} selectedNode={selectedNode} onSelectNode={onSelectNode} nm={nm} own={lens ? lensNode(lens) : undefined} who={seenBy?.who} />;
      break;
    case 'events':
      panel = <EventsPanel events={trace.events} step={step} locale={locale} nm={nm} means={means} onSelectStep={onSelectStep} />;
      break;
    case 'knowledge':
      panel = <KnowledgePanel scenario={scenario} trace={trace} step={step} locale={locale} observers={observers} lens={lens} onLens={onLens ?? (() => {})} who={who} onSelectStep={onSelectStep} />;
      break;
    case 'ledger':
      panel = <LedgerPanel scenario={scenario} trace={trace} step={step} locale={locale} observers={observers} lens={lens} who={who} nm={nm} onSelectStep={onSelectStep} />;
      break;
    case 'handshake':
      panel = <HandshakePanel trace={trace} step={step} locale={locale} nm={nm} seenBy={seenBy} scenario={scenario} />;
      break;
    case 'ratchet':
      panel = <RatchetView scenario={scenario} run={run} step={step} locale={locale} nm={nm} onSelectStep={onSelectStep} seenBy={lens ? { node: lensNode(lens), who: who(lens) } : undefined} />;
      break;
  }

  return (
    <section className="mlw-inspector" aria-label={wt(locale, 'inspector')}>
      <div role="tablist" aria-label={wt(locale, 'inspector')} className="mlw-tabs" onKeyDown={onTabKey}>
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${base}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            className="mlw-tab"
            onClick={() => setTab(t.id)}
          >
            {wt(locale, t.key)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${tab}`} tabIndex={0} className="mlw-panel" data-tab={tab}>
        <ErrorBoundary
          resetKey={`${tab}:${step}`}
          fallback={(err) => (
            <p className="mlw-error-note" role="alert">
              <WarningIcon /> {wt(locale, 'panelFailed', { message: err.message })}
            </p>
          )}
        >
          {panel}
        </ErrorBoundary>
      </div>
    </section>
  );
}

interface PanelProps {
  ev: TraceEvent | null;
  step: number;
  locale: Locale;
  nm(id: string): string;
  /** The "Seen by" lens (its means and its name on screen); null: show everything. */
  seenBy?: { means: LensMeans; who: string } | null;
}

/** What the lens lets its observer see of the panel's event; null without a lens or a wire event. */
function lensOf({ ev, seenBy }: PanelProps): EventLens | null {
  return ev?.kind === 'wire' && seenBy ? lensEvent(ev, seenBy.means) : null;
}

/** Under a lens, an event its observer never saw: the header, then only that sentence. */
function NotSeen(props: PanelProps) {
  return (
    <>
      <WireHeader {...props} />
      <p className="mlw-panel-note" data-testid="lens-not-seen">
        {wt(props.locale, 'lensNotSeen', { who: props.seenBy?.who ?? '' })}
      </p>
    </>
  );
}

/** The line above a panel: which step, who to whom, how many bytes, when. Null when there is no wire event. */
function WireHeader({ ev, step, locale, nm, seenBy = null }: PanelProps) {
  if (!ev) return <p className="mlw-panel-note">{wt(locale, 'inspectStart')}</p>;
  if (ev.kind !== 'wire') return <p className="mlw-panel-note">{wt(locale, 'inspectLocal', { step, node: nm(ev.from) })}</p>;
  const layer = topLayer(ev.layers);
  return (
    <p className="mlw-panel-head">
      <LayerChip layer={layer} label={(lensedNames(locale, ev, seenBy?.means ?? null) ?? eventElementNames(ev)).join(' + ') || wt(locale, LAYER_KEYS[layer])} />
      <span>{wt(locale, 'inspectWire', { step, from: nm(ev.from), to: nm(ev.to), bytes: ev.wire?.length ?? 0, sent: ev.sentAt ?? ev.time, time: ev.time })}</span>
    </p>
  );
}

/** XML source split into tag and text runs, so tags can be tinted; every run is rendered as text. */
function XmlRuns({ text, keyBase }: { text: string; keyBase: string }) {
  const parts: ReactNode[] = [];
  const re = /<[^>]*>/g;
  let last = 0;
  let i = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(
      <span key={`${keyBase}-${i++}`} className="mlw-xml-tag">
        {m[0]}
      </span>,
    );
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

/**
 * What base64 text stands for, when it is base64 of readable UTF-8: NUL shown as `\0` (SASL PLAIN's separator,
 * RFC 4616 §2), other control characters as `\xNN` — escapes every font can draw, unlike the U+2400 pictures.
 * Null when it is not.
 */
function decodeBase64Text(text: string): string | null {
  if (text.length < 4 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(text);
  } catch {
    return null; // expected: text in base64's alphabet that is not base64 (a bad length or padding)
  }
  const decoded = utf8DecodeStrict(bytes);
  if (decoded === null) return null;
  return decoded.replace(/[\u0000-\u001f]/g, (c) => (c === '\u0000' ? '\\0' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** A layer inside the stanza (SASL credentials, an OTR message …) found in the pretty-printed text. */
interface Marked {
  layer: Layer;
  from: number;
  to: number;
}

/**
 * Inner layers that cover only part of the bytes (the SASL payload inside `<auth>`, say), located in the
 * pretty-printed text so the XML view can mark them. Whole-packet layers (TCP, the stanza itself) are not marked.
 */
function innerLayerMarks(wire: Uint8Array, layers: readonly Layer[], pretty: string): Marked[] {
  const marks: Marked[] = [];
  let from = 0;
  for (const l of layers) {
    if (l.layer === 'tcp' || l.layer === 'xml' || (l.start <= 0 && l.end >= wire.length) || l.end <= l.start) continue;
    const piece = utf8DecodeStrict(wire.subarray(l.start, l.end));
    if (!piece) continue;
    const at = pretty.indexOf(piece, from);
    if (at < 0) continue;
    marks.push({ layer: l, from: at, to: at + piece.length });
    from = at + piece.length;
  }
  return marks;
}

function XmlText({ text, marks, locale }: { text: string; marks: Marked[]; locale: Locale }) {
  if (marks.length === 0) return <XmlRuns text={text} keyBase="x" />;
  const parts: ReactNode[] = [];
  let last = 0;
  marks.forEach((m, i) => {
    if (m.from > last) parts.push(<XmlRuns key={`r${i}`} text={text.slice(last, m.from)} keyBase={`r${i}`} />);
    parts.push(
      <mark key={`m${i}`} className={`mlw-mark mlw-layer-${m.layer.layer}`} title={layerLabel(locale, m.layer)}>
        {text.slice(m.from, m.to)}
      </mark>,
    );
    last = m.to;
  });
  if (last < text.length) parts.push(<XmlRuns key="tail" text={text.slice(last)} keyBase="tail" />);
  return <>{parts}</>;
}

/** `extra`: shown right under the header (the OTR dissection: what matters most in an OTR step). */
function XmlPanel({ extra, ...props }: PanelProps & { extra?: ReactNode }) {
  const { ev, locale } = props;
  const lens = lensOf(props);
  if (lens?.state === 'unseen') return <NotSeen {...props} />;
  if (ev?.kind === 'wire' && isEncrypted(ev.layers)) {
    const tls = ev.layers.find((l) => l.layer === 'tls' && l.key !== undefined)!;
    const sealed = lens?.sealedBy?.layer === 'tls';
    return (
      <>
        <WireHeader {...props} />
        <p className="mlw-panel-note mlw-encrypted">
          <LayerChip layer="tls" label={wt(locale, 'layerTls')} />{' '}
          {sealed
            ? wt(locale, 'lensEncrypted', { key: tls.key ?? '', who: props.seenBy?.who ?? '' })
            : wt(locale, 'encrypted', { what: eventElementNames(ev).join(' + '), key: tls.key ?? '' })}
        </p>
      </>
    );
  }
  const text = ev?.wire ? utf8DecodeStrict(ev.wire) : null;
  const pretty = text === null ? '' : prettyPrint(text);
  // Under a lens, a layer inside one it cannot open is not marked: its label would tell what it cannot read.
  const open = ev && lens ? ev.layers.filter((_, i) => lens.layers[i] !== 'hidden') : (ev?.layers ?? []);
  const marks = ev?.wire && text !== null ? innerLayerMarks(ev.wire, open, pretty) : [];
  return (
    <>
      <WireHeader {...props} />
      {extra}
      {ev?.kind === 'wire' &&
        (text === null ? (
          <p className="mlw-panel-note">{wt(locale, 'notXml')}</p>
        ) : (
          <>
            <pre className="mlw-code" data-testid="inspector-xml">
              <code>
                <XmlText text={pretty} marks={marks} locale={locale} />
              </code>
            </pre>
            {marks.length > 0 && (
              <ul className="mlw-marks-legend">
                {marks.map((m, i) => (
                  <li key={i}>
                    <LayerChip layer={m.layer.layer} label={wt(locale, LAYER_KEYS[m.layer.layer])} />{' '}
                    {wt(locale, 'markedLayer', { label: layerLabel(locale, m.layer) })}
                    {(() => {
                      const plain = decodeBase64Text(pretty.slice(m.from, m.to));
                      return plain === null ? null : (
                        <>
                          {' · '}
                          {wt(locale, 'base64Decoded')} <q className="mlw-decoded">{plain}</q>
                        </>
                      );
                    })()}
                  </li>
                ))}
              </ul>
            )}
          </>
        ))}
    </>
  );
}

function LayersPanel(props: PanelProps) {
  const { ev, locale } = props;
  const total = ev?.wire?.length ?? 0;
  const lens = lensOf(props);
  if (lens?.state === 'unseen') return <NotSeen {...props} />;
  // Under a lens, the layers inside one its observer cannot open are left out, and a sentence says so.
  const rows = ev ? ev.layers.filter((_, i) => !lens || lens.layers[i] !== 'hidden') : [];
  const hidden = ev ? ev.layers.length - rows.length : 0;
  return (
    <>
      <WireHeader {...props} />
      {ev?.kind === 'wire' &&
        (ev.layers.length === 0 ? (
          <p className="mlw-panel-note">{wt(locale, 'noLayers')}</p>
        ) : (
          <ol className="mlw-layers">
            {rows.map((l, i) => {
              const left = total > 0 ? (l.start / total) * 100 : 0;
              const width = total > 0 ? (Math.max(0, l.end - l.start) / total) * 100 : 0;
              return (
                <li key={i} className="mlw-layer-row">
                  <LayerChip layer={l.layer} label={wt(locale, LAYER_KEYS[l.layer])} />
                  <span className="mlw-layer-label">{layerLabel(locale, l)}</span>
                  <span className="mlw-layer-range">{wt(locale, 'layerRange', { start: l.start, end: l.end, n: l.end - l.start })}</span>
                  <span className="mlw-layer-key">{l.key ? wt(locale, 'layerKey', { key: l.key }) : wt(locale, 'layerOpen')}</span>
                  <span className="mlw-layer-track" aria-hidden="true">
                    <span className={`mlw-layer-fill mlw-layer-${l.layer}`} style={{ left: `${left}%`, width: `${Math.max(width, 0.6)}%` }} />
                  </span>
                </li>
              );
            })}
          </ol>
        ))}
      {hidden > 0 && props.seenBy && (
        <p className="mlw-panel-note mlw-encrypted" data-testid="lens-sealed">
          {wt(locale, hidden === 1 ? 'lensSealedOne' : 'lensSealed', { n: hidden, key: lens?.sealedBy?.key ?? '', who: props.seenBy.who })}
        </p>
      )}
    </>
  );
}

/** 16 bytes a line: offset, grouped hex (`9a3f 01c2 …`), and the bytes as text (· for the unprintable). */
function hexLines(bytes: Uint8Array): { offset: string; hex: string; text: string }[] {
  const out: { offset: string; hex: string; text: string }[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const row = bytes.subarray(i, Math.min(bytes.length, i + 16));
    let text = '';
    for (const b of row) text += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·';
    out.push({ offset: i.toString(16).padStart(4, '0'), hex: groupedHex(row), text });
  }
  return out;
}

function HexPanel(props: PanelProps) {
  const { ev, locale } = props;
  const lines = useMemo(() => (ev?.wire ? hexLines(ev.wire) : []), [ev]);
  if (lensOf(props)?.state === 'unseen') return <NotSeen {...props} />;
  return (
    <>
      <WireHeader {...props} />
      {ev?.kind === 'wire' && (
        <>
          <p className="mlw-panel-note">{wt(locale, 'hexBytes', { n: ev.wire?.length ?? 0 })}</p>
          <pre className="mlw-code mlw-hex" data-testid="inspector-hex">
            <code>
              {lines.map((l) => (
                <span key={l.offset} className="mlw-hex-line">
                  <span className="mlw-hex-off">{l.offset}</span>
                  {'  '}
                  {l.hex.padEnd(39, ' ')}
                  {'  '}
                  <span className="mlw-hex-text">{l.text}</span>
                  {'\n'}
                </span>
              ))}
            </code>
          </pre>
        </>
      )}
    </>
  );
}

function StatePanel({
  scenario,
  run,
  step,
  ev,
  locale,
  selectedNode,
  onSelectNode,
  nm,
  seenBy = null,
  own,
}: PanelProps & { scenario: Scenario; run: SimRun; selectedNode: string | null; onSelectNode(id: string): void; own?: string | null }) {
  // Under a lens, only the memory of the node the observer is (none for a tap or a thief).
  const nodes = own === undefined ? run.trace.nodes : run.trace.nodes.filter((n) => n.id === own);
  const node = own ?? selectedNode ?? ev?.to ?? nodes.find((n) => n.kind === 'client')?.id ?? nodes[0]?.id ?? '';
  // A replay that fails is an engine bug: it throws to the panel's error boundary, which shows it.
  const states = useMemo(() => nodeStatesAfter(scenario, run, step - 1), [scenario, run, step]);
  const state = states[node];
  if (own === null)
    return (
      <p className="mlw-panel-note mlw-encrypted" data-testid="state-lens-none">
        {wt(locale, 'stateLensNone', { who: seenBy?.who ?? '' })}
      </p>
    );
  return (
    <>
      <NodePicker label={wt(locale, 'stateNode')} nodes={nodes} value={node} onSelect={onSelectNode}>
        <span>{step >= 1 ? wt(locale, 'stateAfter', { node: nm(node), step }) : wt(locale, 'stateInitial', { node: nm(node) })}</span>
      </NodePicker>
      {state === undefined ? (
        <p className="mlw-panel-note">{wt(locale, 'stateEmpty')}</p>
      ) : (
        <ul className="mlw-json mlw-json-root" data-testid="inspector-state">
          <JsonTree value={state} name={nm(node)} />
        </ul>
      )}
    </>
  );
}

function EventsPanel({ events, step, locale, nm, means, onSelectStep }: { events: readonly TraceEvent[]; step: number; locale: Locale; nm(id: string): string; means: LensMeans | null; onSelectStep(step: number): void }) {
  return (
    <div className="mlw-events-wrap">
      <table className="mlw-events">
        <caption>{wt(locale, 'eventsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{wt(locale, 'colStep')}</th>
            <th scope="col">{wt(locale, 'colTime')}</th>
            <th scope="col">{wt(locale, 'colFrom')}</th>
            <th scope="col">{wt(locale, 'colTo')}</th>
            <th scope="col">{wt(locale, 'colWhat')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const s = e.seq + 1;
            const what =
              e.kind === 'wire' ? (
                <LayerChip layer={topLayer(e.layers)} label={shownNames(locale, e, means).join(' + ') || `${e.wire?.length ?? 0} B`} />
              ) : means && !means.seen.has(e.seq + 1) ? (
                wt(locale, 'lensUnseenEvent')
              ) : (
                localEventLabel(locale, e.kind, e.action?.type, e.timer)
              );
            return (
              <tr key={e.seq} aria-current={s === step ? 'step' : undefined} className={s === step ? 'mlw-row--current' : undefined}>
                <td>
                  <button type="button" className="mlw-linkbtn" onClick={() => onSelectStep(s)} aria-label={wt(locale, 'goToStep', { step: s })}>
                    {s}
                  </button>
                </td>
                <td className="mlw-num">{wt(locale, 'time', { ms: e.time })}</td>
                <td>{nm(e.from)}</td>
                <td>{e.kind === 'wire' ? nm(e.to) : '—'}</td>
                <td>{what}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
