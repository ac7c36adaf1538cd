'use client';
/**
 * `<ScenarioWidget id="hello" locale="en" />`: one preset scenario, simulated in the browser (and at build
 * time, so the static HTML already shows it), drawn as a Network view (≈ 40 %) beside a Sequence view
 * (≈ 60 %), with the Inspector below and the Timeline at the bottom.
 *
 * Steps: step 0 is the initial state (before the first event); step k (1 ≤ k ≤ N) shows trace event
 * seq k − 1, so "step 12 / 48" means twelve events have happened. The current step is the one prop every
 * view draws; selecting an event anywhere (arrow, table row, scrubber, keys) moves it everywhere.
 *
 * Keys (focus inside the widget, or anywhere not in a form field when it is the only widget on the page):
 * ←/→ step, `[`/`]` go to the previous/next chapter start, PageUp/PageDown too outside presenter mode
 * and step in it (presenter clickers send PageUp/PageDown; timeline/chapter-keys.ts), Space plays/pauses,
 * Home/End go to the first/last step, Esc leaves presenter mode. A lesson's step link moves the widget
 * by the `ml:goto-step` event on its root (useGotoStep.ts). When the widget is alone on its page the URL
 * keeps the whole view (step, lens, tab, view, presenter, notes: useUrlView.ts, lib/viz/url-view.ts). In
 * presenter mode a running lecture script takes the clicker's keys first (script/useScriptShow.ts).
 * @module
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import type { SimRun } from '../../../lib/sim/kernel';
import type { Scenario } from '../../../lib/sim/types';
import { listObservers, type ObserverInfo } from '../../../lib/knowledge/observe';
import { shortName } from '../../../lib/viz/entities';
import { observeUpTo, observerDisplayName, seenSteps, sortObservers } from '../../../lib/viz/knowledge';
import type { LensMeans } from '../../../lib/viz/lens';
import { hasOtr } from '../../../lib/viz/otr-frames';
import { hasTls } from '../../../lib/viz/tls-handshake';
import { stepDelayMs } from '../../../lib/viz/playback';
import { chapterMarks } from '../../../lib/viz/chapters';
import { decodeUrlView, type UrlView } from '../../../lib/viz/url-view';
import { scriptViewQuery, type ScriptView } from '../../../lib/viz/lecture-script';
import { kindLabel } from '../knowledge/ObserverGlyph';
import { Inspector, shownTabs, type InspectorTab } from '../inspector/Inspector';
import { NetworkView } from '../network/NetworkView';
import { SequenceView } from '../sequence/SequenceView';
import { Timeline } from '../timeline/Timeline';
import { chapterKeyStep, isPlainKey } from '../timeline/chapter-keys';
import { bandText, storyAt } from './band-text';
import { ErrorBoundary, errorMessage } from './ErrorBoundary';
import { useUrlView } from './useUrlView';
import { runPreset, WIDGET_SEED } from './preset-run';
import { takeRun } from './run-cache';
import { ScriptAdd } from '../script/ScriptAdd';
import { CaptureDownload } from './CaptureDownload';
import { ScriptBar } from '../script/ScriptBar';
import { useScriptShow } from '../script/useScriptShow';
import { CloseIcon, PresenterIcon, WarningIcon } from './Glyphs';
import { useGotoStep } from './useGotoStep';
import { PHONE_QUERY, PRESENTER_QUERY, useMediaQuery } from './useMediaQuery';
import './widget.css';
import './phone.css';

export type ScenarioViewMode = 'both' | 'network' | 'sequence';

export interface ScenarioWidgetProps {
  id: string;
  locale: Locale;
  view?: ScenarioViewMode;
  initialStep?: number;
  /** The title's heading level: h2 inside a lesson (default), h1 on the scenario's own page. */
  titleAs?: 'h1' | 'h2' | 'h3';
}

export { WIDGET_SEED };

/** Clamp a step to 0..total; anything that is not a finite number becomes `fallback`. */
export function clampStep(value: unknown, total: number, fallback = 0): number {
  const n = typeof value === 'string' ? (/^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN) : typeof value === 'number' ? value : NaN;
  if (!Number.isFinite(n)) return Math.max(0, Math.min(total, fallback));
  return Math.max(0, Math.min(total, Math.trunc(n)));
}

export function ScenarioWidget({ id, locale, view = 'both', initialStep, titleAs = 'h2' }: ScenarioWidgetProps) {
  // A run the worker computed while the widget's code loaded (run-cache.ts), else run here (the build, tests).
  const loaded = useMemo(() => takeRun(id, locale) ?? runPreset(id, locale), [id, locale]);
  if (!loaded.ok) {
    return (
      <WidgetFailure
        locale={locale}
        title={wt(locale, loaded.kind === 'unknown' ? 'unknownTitle' : 'failedTitle')}
        body={loaded.kind === 'unknown' ? wt(locale, 'unknownBody', { id }) : wt(locale, 'failedBody', { id, message: loaded.message })}
      />
    );
  }
  return (
    <ErrorBoundary resetKey={id} fallback={(err) => <WidgetFailure locale={locale} title={wt(locale, 'crashedTitle')} body={wt(locale, 'crashedBody', { id, message: err.message })} />}>
      <Widget scenario={loaded.scenario} run={loaded.run} locale={locale} view={view} initialStep={initialStep} titleAs={titleAs} />
    </ErrorBoundary>
  );
}

function WidgetFailure({ locale, title, body }: { locale: Locale; title: string; body: string }) {
  return (
    <div className="mlw mlw-error" role="alert">
      <p className="mlw-error-title">
        <WarningIcon /> {title}
      </p>
      <p>{body}</p>
      <p>
        <a href={`/${locale}/scenarios/`}>{wt(locale, 'allScenarios')}</a>
      </p>
    </div>
  );
}

const FORM_FIELD = 'input, select, textarea, [contenteditable=""], [contenteditable="true"]';
const ACTIVATES = 'button, a[href], summary, [role="button"], [role="tab"], [role="link"]';

/**
 * A focused control under the sticky narration band scrolls up until it is clear of it (WCAG 2.2 SC
 * 2.4.11): the CSS scroll-margin covers focus that scrolls, this covers focus on a control the browser
 * counts as visible although the band hides it.
 */
function keepClearOfBand(target: EventTarget, widget: HTMLElement | null): void {
  if (!(target instanceof HTMLElement) || !widget || target === widget) return;
  const band = widget.querySelector<HTMLElement>(':scope > .mlw-timeline');
  if (!band || band.contains(target) || getComputedStyle(band).position !== 'sticky') return;
  const r = target.getBoundingClientRect();
  const top = band.getBoundingClientRect().top;
  // A region taller than the room above the band (the sequence diagram) only needs its top in view.
  const hidden = r.height + 16 > top ? r.top + 48 - top : r.bottom + 8 - top;
  if (hidden > 0) window.scrollBy({ top: hidden, behavior: 'instant' });
}

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function Widget({
  scenario,
  run,
  locale,
  view: initialView,
  initialStep,
  titleAs: Heading,
}: {
  scenario: Scenario;
  run: SimRun;
  locale: Locale;
  view: ScenarioViewMode;
  initialStep: number | undefined;
  titleAs: 'h1' | 'h2' | 'h3';
}) {
  const trace = run.trace;
  const total = trace.events.length;
  const [step, setStepRaw] = useState(() => clampStep(initialStep ?? 0, total));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [presenter, setPresenter] = useState(false);
  const [view, setView] = useState<ScenarioViewMode>(initialView);
  const [selectedNode, setSelectedNode] = useState<string | null>(null);
  const [lensName, setLens] = useState<string | null>(null);
  const [reducedMotion, setReducedMotion] = useState(false);
  const [tab, setTab] = useState<InspectorTab>('xml');
  const [notesOpen, setNotesOpen] = useState(false);
  const [ready, setReady] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  /** The control that got focus from a click (not from Tab): Space on it plays/pauses (see handleKey). */
  const clicked = useRef<Element | null>(null);
  const pointerDown = useRef(false); // a pointer is pressed inside the widget (focus it causes is no keyboard focus)
  const headingId = useId();
  const title = scenario.title[locale];

  const setStep = useCallback((s: number) => setStepRaw(clampStep(s, total, 0)), [total]);
  const marks = useMemo(() => chapterMarks(scenario, trace), [scenario, trace]);

  // The knowledge lens: whose view of the run the diagrams and the Knowledge tab show (null: everything).
  // An observer the engine cannot list is a bug: the widget works on without the lens and says why.
  const { observers, observersError } = useMemo(() => {
    try {
      return { observers: sortObservers(listObservers(scenario)), observersError: null };
    } catch (err) {
      return { observers: [], observersError: errorMessage(err) };
    }
  }, [scenario]);
  const otr = useMemo(() => hasOtr(trace), [trace]);
  const tls = useMemo(() => hasTls(trace), [trace]);

  // The view in the address bar (step or chapter, lens, tab, view, presenter, notes): read once, kept current.
  const defaultStep = clampStep(initialStep ?? 0, total);
  const urlBounds = useMemo(
    () => ({ total, lenses: observers.map((o) => o.name), tabs: shownTabs(otr, observers.length > 0, tls), chapters: marks }),
    [total, observers, otr, tls, marks],
  );
  const applyView = useCallback((v: UrlView) => {
    if (v.step !== undefined) setStepRaw(v.step);
    if (v.lens !== undefined) setLens(v.lens);
    if (v.tab !== undefined) setTab(v.tab as InspectorTab);
    if (v.view !== undefined) setView(v.view);
    if (v.presenter) setPresenter(true);
    if (v.notes) setNotesOpen(true);
  }, []);
  // A lecture script being presented: a view is shown exactly as the script says (what it leaves out is reset).
  const showView = useCallback(
    (v: ScriptView) => {
      setPlaying(false);
      setLens(null);
      setTab('xml');
      setView('both');
      setNotesOpen(false);
      applyView(decodeUrlView(scriptViewQuery(v), urlBounds));
    },
    [applyView, urlBounds],
  );
  const script = useScriptShow(scenario.id, locale, presenter, showView);
  const scriptKey = script.handleKey;
  const syncUrl = useUrlView({
    bounds: urlBounds,
    defaults: { step: defaultStep, view: initialView, tab: 'xml' },
    current: { step, lens: lensName ?? undefined, tab, view, presenter, notes: notesOpen },
    apply: applyView,
  });

  // On mount: reduced motion.
  useEffect(() => {
    setReducedMotion(prefersReducedMotion());
    const mq = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
    const onChange = () => setReducedMotion(mq?.matches ?? false);
    mq?.addEventListener?.('change', onChange);
    setReady(true);
    return () => mq?.removeEventListener?.('change', onChange);
  }, []);

  // Play: advance one step at a time, paced by the virtual time between events (lib/viz/playback.ts).
  useEffect(() => {
    if (!playing) return;
    if (step >= total) {
      setPlaying(false);
      return;
    }
    const cur = step >= 1 ? (trace.events[step - 1] ?? null) : null;
    const next = trace.events[step] ?? null;
    const delay = step === 0 ? 250 : stepDelayMs(reducedMotion ? (cur ? { ...cur, kind: 'action' } : null) : cur, next, speed);
    const t = window.setTimeout(() => setStepRaw((s) => Math.min(total, s + 1)), delay);
    return () => window.clearTimeout(t);
  }, [playing, step, total, speed, reducedMotion, trace]);

  const togglePlay = useCallback(() => {
    setPlaying((p) => {
      if (!p && step >= total) setStepRaw(0); // play again from the start
      return !p;
    });
  }, [step, total]);

  const go = useCallback(
    (s: number) => {
      setPlaying(false);
      setStep(s);
    },
    [setStep],
  );
  useGotoStep(root, go, reducedMotion);

  /** Returns true when the key was handled. */
  const handleKey = useCallback(
    (key: string, target: Element | null, shift: boolean): boolean => {
      if (key === 'Escape' && presenter) {
        setPresenter(false);
        return true;
      }
      if (target && target.closest(FORM_FIELD)) return false;
      if (scriptKey(key)) return true;
      const chapterStep = chapterKeyStep(key, presenter, marks, step, total);
      if (chapterStep !== null) {
        go(chapterStep);
        return true;
      }
      switch (key) {
        case 'ArrowRight':
        case 'PageDown':
          go(step + (shift ? 10 : 1));
          return true;
        case 'ArrowLeft':
        case 'PageUp':
          go(step - (shift ? 10 : 1));
          return true;
        case 'Home':
          go(0);
          return true;
        case 'End':
          go(total);
          return true;
        case ' ':
        case 'Spacebar':
          {
            // Space presses a button the reader reached with the keyboard: that is what Space means on a
            // button (WCAG 2.1.1), and screen readers announce it so. A button that has focus only because
            // it was clicked is not where the reader is: there Space does what the footer says, play/pause
            // (click "Step forward", then Space plays). Focus itself never moves.
            const control = target?.closest(ACTIVATES) ?? null;
            if (control && control !== clicked.current) return false;
          }
          togglePlay();
          return true;
        default:
          return false;
      }
    },
    [go, presenter, marks, step, total, togglePlay, scriptKey],
  );

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    pointerDown.current = false;
    if (e.defaultPrevented || !isPlainKey(e)) return;
    if (handleKey(e.key, e.target as Element, e.shiftKey)) e.preventDefault();
  };

  // Global keys: only for the page's only widget, and only when focus is on nothing in particular.
  useEffect(() => {
    if (!syncUrl && !presenter) return;
    const onDocKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !isPlainKey(e)) return;
      const active = document.activeElement;
      const target = e.target instanceof Element ? e.target : null;
      if (root.current && ((active && root.current.contains(active)) || (target && root.current.contains(target)))) return; // the widget's own handler runs
      if (target && target.closest(FORM_FIELD)) return;
      const idle = !active || active === document.body || active === document.documentElement || active.tagName === 'MAIN';
      if (!idle && !(presenter && e.key === 'Escape')) return;
      if (handleKey(e.key, null, e.shiftKey)) e.preventDefault();
    };
    document.addEventListener('keydown', onDocKey);
    return () => document.removeEventListener('keydown', onDocKey);
  }, [syncUrl, presenter, handleKey]);

  // Presenter mode: take the whole window, move focus in (keys work at once), lock the page's scroll.
  useEffect(() => {
    if (!presenter) return;
    root.current?.focus({ preventScroll: true });
    const prev = document.documentElement.style.overflow;
    document.documentElement.style.overflow = 'hidden';
    return () => {
      document.documentElement.style.overflow = prev;
    };
  }, [presenter]);

  // The heights of the header and of the narration band, as CSS variables: presenter mode sizes the
  // diagrams to the room the band leaves (so the band, opened or not, never lies over them), and on the
  // page a focused control keeps clear of the sticky band (scroll-margin, WCAG 2.2 SC 2.4.11).
  useEffect(() => {
    const el = root.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const head = el.querySelector<HTMLElement>(':scope > .mlw-header');
    const band = el.querySelector<HTMLElement>(':scope > .mlw-timeline');
    const update = () => {
      if (head) el.style.setProperty('--w-head-h', `${Math.ceil(head.offsetHeight)}px`);
      if (band) el.style.setProperty('--w-band-h', `${Math.ceil(band.offsetHeight)}px`);
    };
    update();
    const ro = new ResizeObserver(update);
    if (head) ro.observe(head);
    if (band) ro.observe(band);
    return () => ro.disconnect();
  }, []);

  const ev = step >= 1 ? (trace.events[step - 1] ?? null) : null;

  const selectNode = useCallback((nodeId: string) => setSelectedNode(nodeId), []);

  const names = useMemo(() => new Map(trace.nodes.map((n) => [n.id, shortName(n)])), [trace.nodes]);
  const who = useCallback((o: ObserverInfo) => observerDisplayName(o, trace, (id) => names.get(id) ?? id), [trace, names]);
  const lens = observers.find((o) => o.name === lensName) ?? null;
  const seen = useMemo(() => (lens ? seenSteps(scenario, trace, lens) : null), [scenario, trace, lens]);
  // What the lens's observer can open: the keys it holds by this step (a key learned later opens nothing
  // yet). If its knowledge cannot be folded, it holds none: the lens then shows less, never more.
  const keyNames = useMemo(() => {
    if (!lens) return '';
    try {
      return (observeUpTo(scenario, trace, lens.name, step)?.metadata.keys ?? []).join('\n');
    } catch {
      return '';
    }
  }, [scenario, trace, lens, step]);
  const means = useMemo<LensMeans | null>(() => (lens && seen ? { keys: new Set(keyNames ? keyNames.split('\n') : []), seen } : null), [lens, seen, keyNames]);
  // Step 0 tells what the scenario is about; every other step narrates its event and what it caused, as
  // the lens's observer has it.
  const story = useMemo(() => storyAt(scenario, trace, lens?.name ?? null, means, step), [scenario, trace, lens, means, step]);
  const band = bandText(locale, ev, { summary: scenario.summary[locale], last: step === total, story, lens: lens && { info: lens, name: who(lens) }, nm: (id) => names.get(id) ?? id });
  const lensId = useId();
  // A phone shows one picture at a time, so that it and the controls fit on the screen together.
  const phone = useMediaQuery(PHONE_QUERY, false);
  const shown: ScenarioViewMode = phone && view === 'both' ? 'network' : view;
  const showNetwork = shown !== 'sequence';
  const showSequence = shown !== 'network';
  // Presenter mode is not offered where it cannot work, and a window shrunk below that leaves it.
  const canPresent = useMediaQuery(PRESENTER_QUERY, true);
  useEffect(() => {
    if (!canPresent) setPresenter(false);
  }, [canPresent]);

  return (
    <div
      ref={root}
      className={`mlw${presenter ? ' mlw--presenter' : ''} mlw--view-${shown}`}
      data-scenario-widget={scenario.id}
      data-step={step}
      data-ready={ready ? 'true' : 'false'}
      data-reveal={script.hidden ? 'pending' : undefined}
      role="region"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onPointerDownCapture={(e) => {
        clicked.current = e.target instanceof Element ? e.target.closest(ACTIVATES) : null;
        pointerDown.current = true;
      }}
      onPointerUpCapture={() => {
        pointerDown.current = false;
      }}
      onPointerCancelCapture={() => {
        pointerDown.current = false;
      }}
      onFocus={(e) => {
        // Focus that arrives anywhere but on the clicked control came from the keyboard (or a script).
        if (e.target !== clicked.current) clicked.current = null;
        // Keyboard focus only: scrolling under a pressed pointer would turn its click into nothing.
        if (!presenter && !pointerDown.current) keepClearOfBand(e.target, root.current);
      }}
    >
      <div className="mlw-header">
        <Heading id={headingId} className="mlw-title">
          {title}
        </Heading>
        <div className="mlw-header-tools">
          <label className="mlw-viewsel">
            <span>{wt(locale, 'viewLabel')}</span>
            <select className="mlw-select" value={shown} onChange={(e) => setView(e.target.value as ScenarioViewMode)} data-testid="view-select">
              {!phone && <option value="both">{wt(locale, 'viewBoth')}</option>}
              <option value="network">{wt(locale, 'viewNetwork')}</option>
              <option value="sequence">{wt(locale, 'viewSequence')}</option>
            </select>
          </label>
          {observers.length > 0 && (
            <label className="mlw-viewsel mlw-lenssel" htmlFor={lensId}>
              <span>{wt(locale, 'lensLabel')}</span>
              <select id={lensId} className="mlw-select" value={lens?.name ?? ''} onChange={(e) => setLens(e.target.value || null)} data-testid="lens-select">
                <option value="">{wt(locale, 'lensAll')}</option>
                {observers.map((o) => (
                  <option key={o.name} value={o.name}>
                    {wt(locale, 'lensOption', { kind: kindLabel(locale, o.kind), name: who(o) })}
                  </option>
                ))}
              </select>
            </label>
          )}
          {!presenter && <ScriptAdd locale={locale} view={{ scenario: scenario.id, step, lens: lensName ?? undefined, tab: tab === 'xml' ? undefined : tab, view: view === 'both' ? undefined : view }} />}
          {canPresent && (
            <button type="button" className="mlw-btn mlw-btn--text mlw-present" onClick={() => setPresenter((p) => !p)} aria-pressed={presenter}>
              {presenter ? <CloseIcon /> : <PresenterIcon />}
              <span>{presenter ? wt(locale, 'presenterExit') : wt(locale, 'presenterEnter')}</span>
            </button>
          )}
        </div>
        {presenter && <ScriptBar locale={locale} s={script} />}
      </div>
      <div className="mlw-views">
        {showNetwork && (
          <div className="mlw-pane mlw-pane--network">
            <NetworkView
              trace={trace}
              step={step}
              locale={locale}
              title={title}
              scale={presenter ? 1.6 : 1}
              animate={!reducedMotion}
              speed={speed}
              selectedNode={selectedNode}
              onSelectNode={selectNode}
              unseen={!!seen && step >= 1 && !seen.has(step)}
              means={means}
            />
          </div>
        )}
        {showSequence && (
          <div className="mlw-pane mlw-pane--sequence">
            <SequenceView trace={trace} step={step} locale={locale} title={title} scale={presenter ? 1.6 : 1} seen={seen} means={means} onSelectStep={go} />
          </div>
        )}
      </div>
      {observersError !== null && (
        <p className="mlw-error-note" role="alert">
          <WarningIcon /> {wt(locale, 'lensFailed', { message: observersError })}
        </p>
      )}
      {lens && (
        <p className="mlw-lens-note" role="status">
          {wt(locale, 'lensActive', { who: who(lens) })}
        </p>
      )}
      <Inspector
        scenario={scenario}
        run={run}
        step={step}
        locale={locale}
        selectedNode={selectedNode}
        onSelectNode={selectNode}
        onSelectStep={go}
        observers={observers}
        lens={lens}
        onLens={setLens}
        who={who}
        otr={otr}
        tls={tls}
        means={means}
        tab={tab}
        onTab={setTab}
      />
      <Timeline
        locale={locale}
        step={step}
        total={total}
        time={ev ? ev.time : null}
        playing={playing}
        speed={speed}
        // A script's "class predicts first" view holds the narration back (the Knowledge tab too: widget.css).
        narration={script.hidden ? wt(locale, 'scriptHidden') : band.narration}
        primary={script.hidden ? [] : band.primary}
        effects={script.hidden ? [] : band.folded}
        whole={band.whole}
        marks={marks}
        onStep={go}
        onTogglePlay={togglePlay}
        onSpeed={setSpeed}
        notesOpen={notesOpen}
        onNotesOpen={setNotesOpen}
      />
      <p className="mlw-footnote">
        <span>{wt(locale, 'seedNote', { seed: WIDGET_SEED })}</span>
        <CaptureDownload trace={trace} locale={locale} />
        <span className="mlw-keys">{wt(locale, 'keysHelp')}</span>
        {trace.truncated && <span>{wt(locale, 'truncated', { n: total })}</span>}
      </p>
    </div>
  );
}
