/**
 * The end-to-end schemes the XMPP client speaks, in the order it offers them a received body (the
 * first to claim it wins) and asks them what a thief copies. Order matters: a signed or a static-key
 * body is never OTR, but an open OTR session claims every body from its correspondent (the OTR spec's
 * "receiving plaintext" cases), so those two go first. A new scheme: its files in lib/e2e/ and one
 * line here.
 * @module
 */
import { otrScheme } from './otr';
import type { E2eScheme } from './scheme';
import { signedScheme } from './signed';
import { staticScheme } from './static';

export const E2E_SCHEMES: readonly E2eScheme[] = [signedScheme, staticScheme, otrScheme];
