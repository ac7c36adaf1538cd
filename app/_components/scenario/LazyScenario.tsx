'use client';
/**
 * `<LazyScenario {...ScenarioWidgetProps} strings={…} />`: the scenario widget, loaded only when a reader is
 * about to use it (issue #13: a lesson page must not make a phone parse the engine before its text shows).
 *
 * At build time the widget renders in full (the very ScenarioWidget, so the picture of its opening step
 * cannot differ from the live widget) into a container whose HTML the page's own React leaves alone. In
 * the browser that container becomes a React root of its own when the widget comes near the viewport, or
 * when the reader touches, clicks, focuses or presses a key in it: the widget's chunk loads and
 * `hydrateRoot` takes over the same DOM nodes, so nothing jumps and focus stays where it was. (A Suspense
 * boundary would do the same inside the page's root, but React outlines a large boundary from the static
 * HTML, and without JavaScript the picture would then be missing.) A click, key or step link that arrived
 * before the code did is recorded and replayed on the same element once the widget is live. The engine
 * runs the preset in a Web Worker meanwhile (run-cache.ts), so the main thread never computes the run.
 * Only this file ships before interaction; the widget's styles too, so the picture is styled from the
 * first paint.
 * @module
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ScenarioWidgetProps } from './ScenarioWidget';
import { primeRun, runInWorker } from './run-cache';
// The widget's styles come with the page, not with its lazy chunk: the build-time picture must look like
// the live widget before a single script has run (the same order as the widget's own imports).
import './widget.css';
import './phone.css';
import '../timeline/chapters.css';
import '../inspector/storage.css';
import '../knowledge/knowledge.css';
import '../ratchet/ratchet.css';
import '../handshake/handshake.css';

interface Strings {
  /** Said (and shown) only when loading takes noticeably long. */
  loading: string;
  /** Shown without JavaScript, under the picture. */
  needsJs: string;
}

/** Loading slower than this is "noticeably long": then the live region says so. */
const SLOW_MS = 600;
/** Start loading this far ahead of the viewport (a fast scroll should find the widget live). */
export const ROOT_MARGIN = '800px 0px';
/** What wakes the widget, besides coming near the viewport. */
const WAKE_EVENTS = ['pointerdown', 'focusin', 'keydown', 'ml:goto-step'] as const;

/** The keys the widget acts on (ScenarioWidget's handleKey); any other key (Tab!) goes its way untouched. */
const WIDGET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End', ' ', '[', ']']);

const RECORDED = ['click', 'keydown', 'ml:goto-step'] as const;

type Recorded = { type: 'click' | 'keydown' | 'ml:goto-step'; target: Element; path: number[]; init: KeyboardEventInit | CustomEventInit };

/** The child indices from `root` down to `el`, to find the same element if hydration replaced the nodes. */
function pathFrom(root: Element, el: Element): number[] {
  const path: number[] = [];
  for (let n: Element | null = el; n && n !== root; n = n.parentElement) path.unshift(n.parentElement ? Array.prototype.indexOf.call(n.parentElement.children, n) : 0);
  return path;
}

function atPath(root: Element, path: number[]): Element | null {
  let n: Element | null = root;
  for (const i of path) n = n?.children[i] ?? null;
  return n;
}

function replay(root: Element, r: Recorded): void {
  const el = r.target.isConnected ? r.target : atPath(root, r.path);
  if (!el) return;
  // A click's target may be the SVG icon inside a button: dispatch, since SVG elements have no click().
  if (r.type === 'click') el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  else if (r.type === 'keydown') el.dispatchEvent(new KeyboardEvent('keydown', r.init as KeyboardEventInit));
  else el.dispatchEvent(new CustomEvent('ml:goto-step', r.init as CustomEventInit));
}

/**
 * On the server (the build) the widget renders to HTML here. The build replaces `typeof window` by a
 * constant, so the browser's bundle drops this branch and with it the static imports of the widget and
 * of react-dom/server. `prefix` keeps each widget's ids apart, and the browser hydrates with the same one.
 */
const renderPicture: ((props: ScenarioWidgetProps, prefix: string) => string) | null =
  typeof window === 'undefined'
    ? (props, prefix) => {
        /* eslint-disable @typescript-eslint/no-require-imports */
        const { renderToString } = require('react-dom/server') as typeof import('react-dom/server');
        const { LiveScenario } = require('./LiveScenario') as typeof import('./LiveScenario');
        /* eslint-enable @typescript-eslint/no-require-imports */
        return renderToString(<LiveScenario {...props} onLive={() => {}} />, { identifierPrefix: prefix });
      }
    : null;

/** The container's HTML on the client: empty, and the same object every render, so React never writes it. */
const KEEP = { __html: '' };

export function LazyScenario({ strings, ...props }: ScenarioWidgetProps & { strings: Strings }) {
  const box = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const prefix = useId();
  const [picture] = useState(() => (renderPicture ? { __html: renderPicture(props, prefix) } : KEEP));
  const [slow, setSlow] = useState(false);
  const [widgetProps] = useState(() => props);

  useEffect(() => {
    const el = box.current;
    const container = host.current;
    if (!el || !container) return;
    let timer = 0;
    let woken = false;
    let loaded = false;
    let unmounted = false;
    let root: { unmount: () => void } | null = null;
    const queue: Recorded[] = [];
    const onLive = () => {
      window.clearTimeout(timer);
      setSlow(false);
      for (const r of queue.splice(0))
        try {
          replay(container, r);
        } catch {
          // A press that cannot be replayed is lost, as it would have been without the replay; the widget lives on.
        }
    };
    // The HTML from the build is there on a first visit; after a client-side navigation the container is
    // empty and the widget is simply rendered, at once.
    const hydrate = container.firstElementChild !== null;
    const wake = () => {
      if (woken) return;
      woken = true;
      timer = window.setTimeout(() => setSlow(true), SLOW_MS);
      // The engine runs in a worker while the widget's chunk loads: the main thread only draws.
      void Promise.all([import('./LiveScenario'), import('react-dom/client'), runInWorker(widgetProps.id, widgetProps.locale)]).then(([{ LiveScenario }, client, run]) => {
        if (unmounted) return;
        if (run) primeRun(widgetProps.id, widgetProps.locale, run);
        loaded = true;
        const widget = <LiveScenario {...widgetProps} onLive={onLive} />;
        if (hydrate) root = client.hydrateRoot(container, widget, { identifierPrefix: prefix });
        else {
          const r = client.createRoot(container, { identifierPrefix: prefix });
          r.render(widget);
          root = r;
        }
      });
    };
    // Events before the code arrived: nothing listens on the picture yet, so keep them for the widget.
    const record = (e: Event) => {
      if (loaded || !(e.target instanceof Element) || !e.isTrusted) return;
      if (e instanceof KeyboardEvent && (!WIDGET_KEYS.has(e.key) || e.ctrlKey || e.altKey || e.metaKey)) return;
      const init: KeyboardEventInit | CustomEventInit =
        e instanceof KeyboardEvent
          ? { key: e.key, code: e.code, shiftKey: e.shiftKey, bubbles: true, cancelable: true }
          : e instanceof CustomEvent
            ? { detail: e.detail as unknown }
            : {};
      // The page must not scroll under a key the widget will take (Space on a button stays a press: its click is recorded too).
      if (e instanceof KeyboardEvent && !(e.key === ' ' && e.target.closest('button, a[href], summary'))) e.preventDefault();
      queue.push({ type: e.type as Recorded['type'], target: e.target, path: pathFrom(container, e.target), init });
    };
    for (const type of WAKE_EVENTS) el.addEventListener(type, wake, { capture: true });
    for (const type of RECORDED) el.addEventListener(type, record, { capture: true });
    const io =
      typeof IntersectionObserver === 'undefined' ? null : new IntersectionObserver((entries) => entries.some((x) => x.isIntersecting) && wake(), { rootMargin: ROOT_MARGIN });
    // No picture (a client-side navigation brought the page): nothing to keep, so the widget comes at once.
    if (io && hydrate) io.observe(el);
    else wake();
    return () => {
      unmounted = true;
      io?.disconnect();
      window.clearTimeout(timer);
      for (const type of WAKE_EVENTS) el.removeEventListener(type, wake, { capture: true });
      for (const type of RECORDED) el.removeEventListener(type, record, { capture: true });
      // React warns when a root unmounts while its parent renders: leave that to the next task.
      const r = root;
      if (r) window.setTimeout(() => r.unmount(), 0);
    };
  }, [prefix, widgetProps]);

  return (
    <div ref={box} className="mlw-lazy" data-lazy-widget={props.id}>
      <div ref={host} dangerouslySetInnerHTML={picture} suppressHydrationWarning />
      <p className="mlw-lazy-status" role="status" aria-live="polite">
        {slow ? strings.loading : ''}
      </p>
      <noscript>
        <p className="mlw-lazy-nojs">{strings.needsJs}</p>
      </noscript>
    </div>
  );
}
