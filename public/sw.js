/*
 * Messenger Lab's service worker: the whole current build on this device, so that every lesson and
 * scenario works with no network once the site has been opened, and a new deploy never mixes builds.
 * Written by hand (no Workbox): three handlers and one cache per build say everything we need.
 *
 * `npm run build` runs scripts/precache.mjs after `next build`; it writes out/sw.js from this file with
 * PRECACHE filled in: the URL of every file of the build and a hash of their contents. Here, in public/,
 * PRECACHE is empty, and a worker without a version refuses to install, so a build that skipped the
 * script never installs a half-empty cache.
 *
 * Why a new deploy never mixes old HTML with new chunks:
 * - One cache per build ("messenger-lab-<hash>"). install fills it completely (cache.addAll is all or
 *   nothing) before the worker may take over; a failed download fails the install, and the worker in
 *   charge keeps serving its own build, intact.
 * - A worker answers every file of its build from its own cache, the HTML included: stale-while-
 *   revalidate for the build as a whole rather than file by file. The browser revalidates sw.js on every
 *   navigation (the page registers it with updateViaCache 'none'); a new build changes PRECACHE and so
 *   sw.js, and the new worker stores the complete new build beside the old one, then waits.
 *   Network-first HTML would show the new build's HTML while the old worker still answers chunks from
 *   the old cache, and a stale-while-revalidate cache per file would pair old HTML with new chunks:
 *   both are the mix we must never serve.
 * - The page says a new version is ready, with a Reload button. Only that button (SKIP_WAITING), or
 *   closing every tab of the site, lets the new worker take over; it deletes the old cache and the
 *   page reloads with the new HTML and the new chunks together.
 * - A page that is not in the build (or a request the build does not hold) goes to the network; a
 *   navigation that fails there gets the bilingual offline page instead of a browser error.
 */

/** Filled in by scripts/precache.mjs: { version: string, urls: string[] } (absolute paths). */
const PRECACHE = { version: '', urls: [] };

const PREFIX = 'messenger-lab-';
const CACHE = PREFIX + PRECACHE.version;
const OFFLINE_PAGE = '/offline/';
// Next's client router fetches RSC payloads with ?_rsc=…, and lesson links may carry view state in
// the query (?step=12): the stored file is the same whatever the query, and no response varies by header.
const MATCH = { ignoreSearch: true, ignoreVary: true };

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      if (!PRECACHE.version) throw new Error('sw.js: no precache list; build with `npm run build`');
      const cache = await caches.open(CACHE);
      // cache: 'reload' skips the HTTP cache, so that no file of an older build slips in.
      await cache.addAll(PRECACHE.urls.map((url) => new Request(url, { cache: 'reload' })));
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
      // On the first visit the open page came from the network, from this very build: taking it over
      // lets it move to other pages offline without a reload.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

/** The stored copy of a same-origin path: "/en/lessons/x" is stored as "/en/lessons/x/" (trailingSlash). */
async function fromBuild(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, MATCH);
  if (hit || request.mode !== 'navigate') return hit;
  const url = new URL(request.url);
  return url.pathname.endsWith('/') ? undefined : cache.match(url.pathname + '/', MATCH);
}

async function navigate(request) {
  const stored = await fromBuild(request);
  if (stored) return stored;
  try {
    return await fetch(request);
  } catch {
    const offline = await caches.match(OFFLINE_PAGE, { cacheName: CACHE });
    return offline ?? Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
    return;
  }
  // Everything else of the build (hashed /_next/static/ chunks, RSC payloads, icons) is cache-first;
  // what the build does not hold goes to the network as if there were no worker.
  event.respondWith(fromBuild(request).then((stored) => (stored ? asRequested(request, stored) : fetch(request))));
});

/**
 * A Web Worker's location is the URL of the response that served its script; a stored response carries
 * the stored URL, without the `#params=…` the widget's engine worker reads its chunk list from
 * (app/_components/scenario/run-cache.ts). A new Response has no URL of its own, so the worker keeps the
 * URL it was started with.
 */
function asRequested(request, stored) {
  if (request.destination !== 'worker') return stored;
  return new Response(stored.body, { status: stored.status, statusText: stored.statusText, headers: stored.headers });
}
