// Every file below a folder, depth first, in name order (so that what is built from the list is the same
// on every machine). Shared by the scripts that read the static export: csp.mjs, precache.mjs, check-out.mjs.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}
