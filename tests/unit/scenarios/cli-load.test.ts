import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sim = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'lib/io/sim-cli.ts', ...args], { encoding: 'utf8' });

describe('npm run sim with scenario files', () => {
  it('runs a version-1 file like its preset, and lists every problem of a bad file with its path', () => {
    const file = join(__dirname, 'v1', 'otr-post-compromise.json');
    const fromFile = sim('run', file, '--json');
    expect(fromFile.status).toBe(0);
    expect(fromFile.stdout).toBe(sim('run', 'otr-post-compromise', '--json').stdout);

    const bad = JSON.parse(readFileSync(join(__dirname, 'v1', 'otr-mitm.json'), 'utf8'));
    bad.topology.clients[1].jid = 'bob@@a.example';
    bad.topology.servers[0].otrMitm.between[1] = 'carol@a.example';
    const path = join(mkdtempSync(join(tmpdir(), 'sim-')), 'bad.json');
    writeFileSync(path, JSON.stringify(bad));
    const r = sim('run', path);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').slice(1, 3)).toEqual([
      'topology.clients[1].jid: “bob@@a.example” is not a valid bare JID (localpart@domain): the domainpart contains a character that is not allowed',
      'topology.servers[0].otrMitm.between[1]: “carol@a.example” is not an account on this server',
    ]);
  }, 60_000);
});
