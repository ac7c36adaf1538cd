import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { toHex } from '@/lib/bytes/hex';
import { hello } from '@/lib/scenarios/presets/hello';
import { runScenario } from '@/lib/scenarios/run';

function traceJson(seed: number): string {
  return runScenario(hello, { seed }).trace.events.map((e) => JSON.stringify({ ...e, wire: e.wire ? toHex(e.wire) : undefined })).join('\n');
}

function streamIds(seed: number): string[] {
  return runScenario(hello, { seed }).trace.events.flatMap((e) => (e.wire ? [...new TextDecoder().decode(e.wire).matchAll(/ id='([0-9a-f-]{36})'/g)].map((m) => m[1]!) : []));
}

describe('determinism', () => {
  it('the same seed gives a byte-identical trace', () => {
    expect(traceJson(1)).toBe(traceJson(1));
  });

  it('another seed gives other stream ids, and the same protocol flow', () => {
    expect(streamIds(1)).toHaveLength(4);
    expect(streamIds(2)).toHaveLength(4);
    for (const id of streamIds(1)) expect(streamIds(2)).not.toContain(id);
    const shape = (seed: number) => runScenario(hello, { seed }).trace.events.map((e) => `${e.kind}:${e.from}>${e.to}:${e.note.key}`);
    expect(shape(2)).toEqual(shape(1));
  });

  it('the CLI prints identical JSON for the same seed', () => {
    const cli = () => execFileSync('npx', ['tsx', 'lib/io/sim-cli.ts', 'run', 'hello', '--seed', '1', '--json'], { encoding: 'utf8' });
    const a = cli();
    expect(a).toBe(cli());
    const first = JSON.parse(a.split('\n')[1]!);
    expect(Object.keys(first)).toEqual(['seq', 'time', 'kind', 'from', 'to', 'wire', 'summary']);
  });
});
