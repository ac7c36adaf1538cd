import { describe, expect, it } from 'vitest';
import { verifySigned } from '@/lib/contrast/signed';
import { publishedSigningKeys, type ForgerObservation } from '@/lib/knowledge/forger';
import { listObservers, observe } from '@/lib/knowledge/observe';
import { receiveMessage, type OtrSession } from '@/lib/otr/session';
import { otrDeniability } from '@/lib/scenarios/presets/otr-deniability';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import { loadScenario } from '@/lib/scenarios/load';
import { messageOf } from '@/lib/scenarios/schema/messages';
import { otrStateOf } from '@/lib/e2e/otr';
import type { ClientState } from '@/lib/xmpp/stream/client';
import { seededCtx } from '../otr/pair';

const OFFER = 'I’ll pay 100 € for the bike.';
const FORGED = 'I’ll pay 900 € for the bike.';

describe('the forger in otr-deniability', () => {
  const run = runScenario(otrDeniability, { seed: 1 });
  const o = observe(otrDeniability, run.trace, 'forger') as ForgerObservation;

  it('is listed as an observer of kind forger', () => {
    expect(listObservers(otrDeniability)).toContainEqual({ name: 'forger', kind: 'forger' });
  });

  it('records the signed offer and the OTR offer; both verify, the OTR one with a MAC key bob published later', () => {
    const [signed, otr] = o.metadata.recorded;
    expect(signed).toMatchObject({ scheme: 'signed', text: OFFER, signer: 'alice@a.example', signatureValid: true });
    expect(otr).toMatchObject({ scheme: 'otr', from: 'alice@a.example', macValid: true });
    expect(otr!.scheme === 'otr' && otr!.macKeyRevealedAt! > otr!.seq).toBe(true);
    // the key came in one of bob's messages on the same link
    const revealer = o.metadata.recorded.find((r) => r.seq === (otr!.scheme === 'otr' ? otr!.macKeyRevealedAt : -1));
    expect(revealer?.scheme === 'otr' && revealer.reveals).toContain(otr!.scheme === 'otr' ? otr!.macKey : '');
  });

  it('the OTR forgery verifies exactly like the original; the signed one fails; an unpublished key stops the forger', () => {
    const [signed, otr, late] = o.metadata.forgeries;
    expect(otr).toMatchObject({ scheme: 'otr', claims: FORGED, macValid: true });
    expect(otr!.forged).not.toBe(otr!.original);
    expect(signed).toMatchObject({ scheme: 'signed', claims: FORGED, signatureValid: false });
    expect(verifySigned(signed!.forged!, publishedSigningKeys(run.trace))).toEqual({ valid: false, reason: 'bad-signature' });
    expect(late).toMatchObject({ forged: null, reason: 'mac-key-not-revealed' });
  });

  it('bob’s client, as it was before the real message arrived, accepts the forgery and reads “900 €”', () => {
    const otr = o.metadata.forgeries[1]!;
    const bob = nodeStatesAfter(otrDeniability, run, otr.seq).bob as ClientState;
    const session = structuredClone(otrStateOf(bob).sessions['alice@a.example']) as OtrSession;
    const out = receiveMessage(session, otr.forged!, seededCtx('judge'));
    expect(out.events).toContainEqual(expect.objectContaining({ type: 'message', text: FORGED, encrypted: true }));
    const real = receiveMessage(structuredClone(otrStateOf(bob).sessions['alice@a.example']) as OtrSession, otr.original, seededCtx('judge'));
    expect(real.events).toContainEqual(expect.objectContaining({ type: 'message', text: OFFER, encrypted: true }));
  });

  it('is deterministic', () => {
    expect(JSON.stringify(observe(otrDeniability, runScenario(otrDeniability, { seed: 1 }).trace, 'forger'))).toBe(JSON.stringify(o));
  });
});

describe('forger and MITM validation', () => {
  /** otr-deniability as a version-1 file (forgers and otrMitm where version 1 had them): problems are reported at those paths. */
  const withTopology = (patch: (t: { servers: object[] } & Record<string, unknown>) => object) => {
    const { version: _, topology, ...rest } = structuredClone(otrDeniability);
    const { observers, ...t } = topology;
    return { ...rest, topology: patch({ ...t, taps: [], forgers: observers.map(({ kind: _k, ...f }) => f) }) };
  };

  it('names the bad field', () => {
    const bad = withTopology((t) => ({
      ...t,
      forgers: [
        { id: 'forger', link: 'nowhere', edits: [{ message: 1.5, find: '100', replace: '1000', known: 'I pay 200' }] },
        { id: 'alice', link: 'alice~a.example', edits: [] },
      ],
      servers: t.servers.map((s) => ({ ...s, otrMitm: { between: ['alice@a.example', 'carol@a.example'] } })),
    }));
    const r = loadScenario(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path).sort()).toEqual([
      'topology.forgers[0].edits[0].known',
      'topology.forgers[0].edits[0].message',
      'topology.forgers[0].edits[0].replace',
      'topology.forgers[0].link',
      'topology.forgers[1].edits',
      'topology.forgers[1].id',
      'topology.servers[0].otrMitm.between[1]',
    ]);
  });

  it('accepts the presets’ shapes and refuses a MITM between one account and itself', () => {
    expect(loadScenario(otrDeniability).ok).toBe(true);
    expect(loadScenario(withTopology((t) => t))).toEqual({ ok: true, scenario: otrDeniability, migratedFrom: 1 });
    const self = withTopology((t) => ({ ...t, servers: t.servers.map((s) => ({ ...s, otrMitm: { between: ['bob@a.example', 'bob@a.example'] } })) }));
    const r = loadScenario(self);
    expect(r.ok ? [] : r.errors.map((e) => ({ path: e.path, message: messageOf(e, 'en') }))).toEqual([{ path: 'topology.servers[0].otrMitm.between[1]', message: 'must differ from the first account' }]);
  });
});
