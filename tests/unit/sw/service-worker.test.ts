/**
 * public/sw.js's logic without a browser: the file is run with a fake `self`, Cache Storage and network,
 * filled in the way scripts/precache.mjs fills it. The e2e test (tests/e2e/offline.spec.ts) shows the
 * same in Chromium; this one pins the rules: no install without a list, a build answers from its own
 * cache only, activation removes the other builds, unknown pages fall back to the offline page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SOURCE = readFileSync(new URL('../../../public/sw.js', import.meta.url), 'utf8');
const ORIGIN = 'https://lab.example';

/** Cache Storage in memory: keys are URLs; match honours ignoreSearch and the cacheName option. */
class FakeCaches {
  readonly stores = new Map<string, Map<string, Response>>();
  async open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new Map());
    const store = this.stores.get(name)!;
    return {
      addAll: async (requests: Request[]) => {
        const responses = await Promise.all(requests.map((r) => network(r)));
        if (responses.some((r) => !r.ok)) throw new TypeError('addAll: a request failed');
        requests.forEach((r, i) => store.set(r.url, responses[i]!));
      },
      match: async (req: Request | string, opts: { ignoreSearch?: boolean } = {}) => {
        const url = new URL(typeof req === 'string' ? req : req.url, ORIGIN);
        if (opts.ignoreSearch) url.search = '';
        return store.get(url.href)?.clone();
      },
    };
  }
  async match(req: string, opts: { cacheName?: string } = {}) {
    const names = opts.cacheName ? [opts.cacheName] : [...this.stores.keys()];
    for (const n of names) {
      const hit = this.stores.get(n)?.get(new URL(req, ORIGIN).href);
      if (hit) return hit.clone();
    }
    return undefined;
  }
  async keys() {
    return [...this.stores.keys()];
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
}

/** The server: every path answers with its own name and the build it belongs to, unless offline. */
let online = true;
let deployed = 'A';
async function network(req: Request): Promise<Response> {
  if (!online) throw new TypeError('Failed to fetch');
  return new Response(`${deployed}:${new URL(req.url).pathname}`, { status: 200 });
}

type Handler = (event: Record<string, unknown>) => void;

/** Loads sw.js as precache.mjs writes it for one build, and hands back its event handlers. */
function loadWorker(caches: FakeCaches, precache: { version: string; urls: string[] }) {
  const handlers = new Map<string, Handler>();
  const state = { skipped: false, claimed: false };
  const self = {
    location: new URL(`${ORIGIN}/sw.js`),
    addEventListener: (type: string, fn: Handler) => handlers.set(type, fn),
    skipWaiting: () => {
      state.skipped = true;
    },
    clients: {
      claim: async () => {
        state.claimed = true;
      },
    },
  };
  const source = SOURCE.replace("const PRECACHE = { version: '', urls: [] };", `const PRECACHE = ${JSON.stringify(precache)};`);
  // In a worker a relative URL is resolved against the worker's own address.
  const WorkerRequest = class extends Request {
    constructor(url: string, init?: RequestInit) {
      super(new URL(url, ORIGIN), init);
    }
  };
  new Function('self', 'caches', 'fetch', 'Request', 'Response', source)(self, caches, network, WorkerRequest, Response);
  const lifecycle = async (type: string, extra: Record<string, unknown> = {}) => {
    let done: Promise<unknown> = Promise.resolve();
    handlers.get(type)!({ ...extra, waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  };
  const fetchEvent = async (path: string, mode: RequestMode | 'navigate' = 'navigate'): Promise<string | 'network' | 'error'> => {
    // Request's constructor refuses mode 'navigate'; the worker only reads url, method and mode.
    const request = { url: new URL(path, ORIGIN).href, method: 'GET', mode };
    let answer: Promise<Response> | null = null;
    handlers.get('fetch')!({ request, respondWith: (p: Promise<Response>) => (answer = p) });
    if (!answer) return 'network';
    const res: Response = await answer;
    return res.type === 'error' ? 'error' : res.text();
  };
  return { handlers, state, lifecycle, fetchEvent };
}

const buildA = { version: 'aaaa', urls: ['/', '/en/', '/en/lessons/x/', '/offline/', '/_next/static/chunks/a1.js'] };
const buildB = { version: 'bbbb', urls: ['/', '/en/', '/en/lessons/x/', '/offline/', '/_next/static/chunks/b1.js'] };

describe('public/sw.js', () => {
  it('as it stands in public/ (no list written by precache.mjs) it refuses to install', async () => {
    const caches = new FakeCaches();
    const sw = loadWorker(caches, { version: '', urls: [] });
    await expect(sw.lifecycle('install')).rejects.toThrow(/npm run build/);
    expect(await caches.keys()).toEqual([]);
  });

  it('install stores the whole build or nothing', async () => {
    online = false;
    const caches = new FakeCaches();
    await expect(loadWorker(caches, buildA).lifecycle('install')).rejects.toThrow();
    online = true;
    expect(caches.stores.get('messenger-lab-aaaa')?.size ?? 0).toBe(0);
    await loadWorker(caches, buildA).lifecycle('install');
    expect([...caches.stores.get('messenger-lab-aaaa')!.keys()]).toHaveLength(buildA.urls.length);
  });

  it('offline: stored pages (with a query, without the trailing slash) and chunks answer; other pages get the offline page', async () => {
    deployed = 'A';
    const caches = new FakeCaches();
    const sw = loadWorker(caches, buildA);
    await sw.lifecycle('install');
    await sw.lifecycle('activate');
    expect(sw.state.claimed).toBe(true);
    online = false;
    try {
      expect(await sw.fetchEvent('/en/lessons/x/?step=12')).toBe('A:/en/lessons/x/');
      expect(await sw.fetchEvent('/en/lessons/x')).toBe('A:/en/lessons/x/');
      expect(await sw.fetchEvent('/_next/static/chunks/a1.js?dpl=1', 'no-cors')).toBe('A:/_next/static/chunks/a1.js');
      expect(await sw.fetchEvent('/en/lessons/unknown/')).toBe('A:/offline/');
      // Not a page, not in the build: the network's own failure, as without a worker.
      await expect(sw.fetchEvent('/data.json', 'cors')).rejects.toThrow('Failed to fetch');
      expect(await sw.fetchEvent('https://elsewhere.example/x.js', 'no-cors')).toBe('network');
    } finally {
      online = true;
    }
  });

  it('a new build installs beside the old one and takes over only on SKIP_WAITING; then no file of A is served', async () => {
    const caches = new FakeCaches();
    deployed = 'A';
    const a = loadWorker(caches, buildA);
    await a.lifecycle('install');
    await a.lifecycle('activate');

    deployed = 'B';
    const b = loadWorker(caches, buildB);
    await b.lifecycle('install');
    // A is still in charge and answers A's HTML and A's chunk, though the server has B.
    expect(await a.fetchEvent('/en/lessons/x/')).toBe('A:/en/lessons/x/');
    expect(await a.fetchEvent('/_next/static/chunks/a1.js', 'no-cors')).toBe('A:/_next/static/chunks/a1.js');
    expect((await caches.keys()).sort()).toEqual(['messenger-lab-aaaa', 'messenger-lab-bbbb']);

    b.handlers.get('message')!({ data: { type: 'SOMETHING_ELSE' } });
    expect(b.state.skipped).toBe(false);
    b.handlers.get('message')!({ data: { type: 'SKIP_WAITING' } });
    expect(b.state.skipped).toBe(true);
    await b.lifecycle('activate');
    expect(await caches.keys()).toEqual(['messenger-lab-bbbb']);
    online = false;
    try {
      expect(await b.fetchEvent('/en/lessons/x/')).toBe('B:/en/lessons/x/');
      expect(await b.fetchEvent('/_next/static/chunks/b1.js', 'no-cors')).toBe('B:/_next/static/chunks/b1.js');
      await expect(b.fetchEvent('/_next/static/chunks/a1.js', 'no-cors')).rejects.toThrow('Failed to fetch');
    } finally {
      online = true;
    }
  });

  it('leaves other origins and non-GET requests to the browser', async () => {
    const caches = new FakeCaches();
    const sw = loadWorker(caches, buildA);
    let answered = false;
    sw.handlers.get('fetch')!({ request: { url: `${ORIGIN}/en/`, method: 'POST', mode: 'cors' }, respondWith: () => (answered = true) });
    expect(answered).toBe(false);
  });
});
