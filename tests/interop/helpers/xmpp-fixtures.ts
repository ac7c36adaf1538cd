/**
 * Vitest fixtures shared by the XMPP interop files: how a missing peer is reported (a failure under
 * CI=true, a skip elsewhere), and one of our servers with a fresh certificate for a describe block.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CI, makeCert, OurServer, removeDir, tempDir, type Cert } from './xmpp-peers';

export const EXAMPLE_DOMAIN = 'example.test';
export const EXAMPLE_USERS = [
  { user: 'alice', password: 'alice-pass' },
  { user: 'bob', password: 'bob-pass' },
];

/** A peer that cannot run here: under CI=true a failing test that names the package, elsewhere a skip. */
export function peerUnavailable(title: string, why: string): void {
  describe(`${title} (unavailable)`, () => {
    if (CI)
      it(`peer installed — ${why}`, () => {
        throw new Error(`XMPP interop peer unavailable: ${why}`);
      });
    else it.skip(`skipped: ${why}`, () => undefined);
  });
}

/**
 * Our server (`npm run peer:xmpp-server`) with a self-signed certificate for `domain`, started before
 * the block's tests and stopped after them (registered first, so it stops after the block's own
 * afterAll hooks have closed their clients).
 */
export function useOurServer(domain = EXAMPLE_DOMAIN, users = EXAMPLE_USERS): { server: () => OurServer; cert: () => Cert } {
  let server: OurServer | undefined;
  let cert: Cert | undefined;
  let dir = '';
  beforeAll(async () => {
    dir = tempDir('xmpp-cert');
    cert = makeCert(dir, domain);
    server = new OurServer({ domain, users, cert });
    await server.ready;
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) removeDir(dir);
  }, 15_000);
  return { server: () => server!, cert: () => cert! };
}
