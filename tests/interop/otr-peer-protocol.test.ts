/**
 * lib/io/otr-peer.ts speaks the JSON-lines peer protocol (interop/README.md §2.4): a first `ready`
 * line with the fingerprint, exactly one `done` per input line (also for bad JSON and unknown ops),
 * a key file created on first run and reused, and `quit` ends the process. Needs only Node.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Peer, tempKeyDir } from './helpers/otr-peers';

describe('otr stdio peer protocol', () => {
  it('ready, one done per line, errors reported, key file reused, quit', async () => {
    const dir = tempKeyDir();
    const keyFile = join(dir, 'alice.json');
    const opts = { account: 'alice@example.test', peer: 'bob@example.test', keyFile };
    const p = new Peer('ours', 'ours', opts);
    const ready = await p.ready;
    expect(ready).toMatchObject({ ev: 'ready', account: 'alice@example.test', protocol_versions: [2, 3] });
    expect(ready.fingerprint).toMatch(/^[0-9a-f]{40}$/);
    expect(ready.fingerprint_human).toMatch(/^([0-9A-F]{8} ){4}[0-9A-F]{8}$/);
    expect(existsSync(keyFile)).toBe(true);
    expect(JSON.parse(readFileSync(keyFile, 'utf8'))).toMatchObject({ format: 'messenger-lab/otr-dsa-key/v1' });

    const q = await p.op({ op: 'query' });
    expect(q.map((e) => e.ev)).toEqual(['send', 'done']);
    expect(q[0]!.wire).toMatch(/^\?OTRv23\?/);
    expect(q[1]).toEqual({ ev: 'done', op: 'query', state: 'plaintext' });

    const unknown = await p.op({ op: 'frobnicate' });
    expect(unknown.map((e) => e.ev)).toEqual(['error', 'done']);
    const smp = await p.op({ op: 'smp_start', secret: 'x' });
    expect(smp[0]).toMatchObject({ ev: 'error' }); // SMP needs an encrypted session: our misuse, reported
    const plain = await p.op({ op: 'send', text: 'hello' });
    expect(plain[0]).toEqual({ ev: 'send', wire: 'hello' });
    const status = await p.op({ op: 'status' });
    expect(status[0]).toMatchObject({ ev: 'status', state: 'plaintext', our_fingerprint: ready.fingerprint });
    await p.quit();
    expect(p.proc.exitCode).toBe(0);

    const again = new Peer('ours', 'ours', opts);
    expect((await again.ready).fingerprint).toBe(ready.fingerprint);
    await again.quit();
  });
});
