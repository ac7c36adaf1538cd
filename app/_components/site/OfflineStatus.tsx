'use client';
/**
 * Registers the service worker (public/sw.js) and says, politely, when the site is ready offline and
 * when a new version is waiting (with a Reload button that lets it take over). Only production builds
 * on http(s) register: `next dev` serves no precache list, and file:// has no workers. Offline is an
 * extra: a refused registration leaves the page exactly as it was.
 * @module
 */
import { useEffect, useRef, useState } from 'react';
import type { Locale } from '../../_i18n/locales';
import { offline } from '../../_i18n/offline';
import './offline-status.css';

type Notice = 'none' | 'ready' | 'update';

export function OfflineStatus({ locale }: { locale: Locale }) {
  const [notice, setNotice] = useState<Notice>('none');
  const registration = useRef<ServiceWorkerRegistration | null>(null);
  const reloadAsked = useRef(false);
  const s = offline[locale];

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
    const sw = navigator.serviceWorker;
    // A page nobody controlled yet is a first visit: its new worker's activation means "ready offline".
    // A controlled page seeing a new worker installed has an update waiting.
    const firstVisit = sw.controller === null;
    let controlled = !firstVisit;
    let cancelled = false;
    const follow = (worker: ServiceWorker | null) => {
      if (!worker) return;
      const check = () => {
        if (cancelled) return;
        if (worker.state === 'installed' && controlled) setNotice('update');
        if (worker.state === 'activated' && firstVisit) setNotice((n) => (n === 'update' ? n : 'ready'));
      };
      check();
      worker.addEventListener('statechange', check);
    };
    const onControllerChange = () => {
      if (reloadAsked.current) location.reload();
      // Another tab let the new version take over: this page still runs the old one.
      else if (controlled) setNotice('update');
      controlled = true;
    };
    sw.addEventListener('controllerchange', onControllerChange);
    sw.register('/sw.js', { scope: '/', updateViaCache: 'none' })
      .then((reg) => {
        registration.current = reg;
        if (reg.waiting && controlled) setNotice('update');
        follow(reg.installing);
        reg.addEventListener('updatefound', () => follow(reg.installing));
      })
      .catch(() => {
        /* no worker (private mode, blocked, no https): the page works as before, only not offline */
      });
    return () => {
      cancelled = true;
      sw.removeEventListener('controllerchange', onControllerChange);
    };
  }, []);

  const reload = () => {
    const waiting = registration.current?.waiting;
    if (!waiting) {
      location.reload();
      return;
    }
    reloadAsked.current = true;
    waiting.postMessage({ type: 'SKIP_WAITING' });
  };

  return (
    <div className="offline-status" role="status" aria-live="polite" data-offline-status={notice}>
      {notice !== 'none' && (
        <div className="offline-status-box">
          <p>{notice === 'ready' ? s.ready : s.update}</p>
          {notice === 'update' && (
            <button type="button" className="button" onClick={reload}>
              {s.reload}
            </button>
          )}
          <button type="button" className="offline-status-close" onClick={() => setNotice('none')}>
            {s.close}
          </button>
        </div>
      )}
    </div>
  );
}
