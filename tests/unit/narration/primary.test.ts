/**
 * Primary notes (contract 4): the narration marks a step's key facts by note key, and the band always
 * shows them. Listed per preset (seed 1) so that a change to what counts as key, or to what a scenario
 * narrates, is a visible decision; every listed key names a sentence in both languages.
 */
import { describe, expect, it } from 'vitest';
import { formatNote, isNoteKey } from '@/lib/narration/notes';
import { isPrimaryNote, primaryNoteKeys } from '@/lib/narration/primary';
import { presets } from '@/lib/scenarios/presets/index';
import { runScenario } from '@/lib/scenarios/run';

/** Per preset: step → its primary note keys, in the order the engine emitted them. */
const EXPECTED: Record<string, Record<number, string>> = {
  'hello': {},
  'c2s-login': { 7: 'tls.established', 8: 'tls.established' },
  'chat-local': { 17: 'tls.established', 19: 'tls.established', 21: 'tls.established', 22: 'tls.established', 27: 'tls.established', 29: 'tls.established', 72: 'server.message-refused', 73: 'client.message-error' },
  'presence-subscription': { 12: 'tls.established', 13: 'tls.established', 16: 'tls.established', 19: 'tls.established' },
  'offline-message': { 7: 'tls.established', 8: 'tls.established', 21: 'server.stored-offline', 23: 'server.stored-offline', 30: 'tls.established', 31: 'tls.established' },
  'federation': { 12: 'tls.established', 13: 'tls.established', 16: 'tls.established', 19: 'tls.established', 47: 'tls.established', 48: 'tls.established', 57: 'tls.established', 58: 'tls.established', 65: 's2s.dialback-valid', 66: 's2s.dialback-valid' },
  'bad-password': { 8: 'tls.established', 10: 'tls.established', 18: 'client.sasl-failed', 20: 'tls.established', 21: 'tls.established', 26: 'client.sasl-failed', 31: 'client.sasl-failed', 47: 'client.sasl-failed', 48: 'client.stream-error' },
  'malformed-xml': { 16: 'client.stream-error', 32: 'client.stream-error', 48: 'client.stream-error' },
  'unknown-domain': { 7: 'tls.established', 8: 'tls.established', 22: 's2s.remote-server-not-found', 23: 'client.message-error', 27: 'server.down', 30: 's2s.no-route', 32: 'client.message-error', 34: 'client.message-error' },
  'otr-ake': { 35: 'otr.gone-secure', 37: 'otr.gone-secure', 58: 'otr.peer-ended' },
  'otr-forward-secrecy': { 41: 'otr.gone-secure', 43: 'otr.gone-secure', 58: 'otr.peer-ended', 71: 'thief.static-key thief.otr-session-empty thief.long-term-keys', 72: 'thief.static-key thief.otr-session-empty thief.long-term-keys' },
  'otr-post-compromise': { 35: 'otr.gone-secure', 37: 'otr.gone-secure', 47: 'thief.otr-session' },
  'otr-deniability': { 29: 'signed.message-received', 38: 'otr.gone-secure', 40: 'otr.gone-secure', 55: 'otr.peer-ended' },
  'otr-mitm': { 28: 'mitm.pass-query', 33: 'otr.gone-secure', 34: 'mitm.gone-secure', 36: 'mitm.gone-secure mitm.fingerprints', 37: 'otr.gone-secure', 39: 'mitm.read', 42: 'mitm.read', 45: 'mitm.read', 48: 'mitm.smp-relay-question', 51: 'mitm.smp-relay', 53: 'mitm.smp-relay', 54: 'otr.smp-failure', 55: 'mitm.smp-relay-last', 56: 'otr.smp-failure' },
  'otr-offline': { 7: 'tls.established', 8: 'tls.established', 21: 'server.stored-offline', 23: 'server.stored-offline', 30: 'tls.established', 31: 'tls.established', 50: 'otr.gone-secure', 52: 'otr.gone-secure' },
  'starttls-stripping': { 3: 'attack.starttls-stripped', 8: 'attack.starttls-stripped client.tls-skipped', 18: 'server.stored-offline' },
  's2s-plaintext': { 12: 'tls.established', 13: 'tls.established', 16: 'tls.established', 19: 'tls.established', 53: 's2s.dialback-valid', 54: 's2s.dialback-valid' },
  'sasl-downgrade': { 3: 'attack.downgrade-and-strip client.tls-skipped', 14: 'attack.sasl-downgraded', 17: 'attack.downgrade-blind', 18: 'tls.established', 19: 'tls.established' },
  'bad-certificate': { 8: 'tls.failed', 16: 'tls.failed', 24: 'tls.failed' },
  'arch-centralised': { 12: 'tls.established', 13: 'tls.established', 16: 'tls.established', 19: 'tls.established', 46: 'server.stored-offline', 53: 'tls.established', 54: 'tls.established' },
  'arch-federated': { 12: 'tls.established', 13: 'tls.established', 16: 'tls.established', 19: 'tls.established', 53: 'tls.established', 54: 'tls.established', 63: 'tls.established', 64: 'tls.established', 71: 's2s.dialback-valid', 72: 's2s.dialback-valid', 73: 'server.stored-offline', 82: 'tls.established', 83: 'tls.established' },
  'arch-centralised-e2e': { 12: 'tls.established', 13: 'tls.established', 16: 'tls.established', 19: 'tls.established', 47: 'otr.gone-secure', 49: 'otr.gone-secure', 57: 'server.stored-offline', 64: 'tls.established', 65: 'tls.established', 83: 'otr.gone-secure', 85: 'otr.gone-secure' },
  'arch-federated-e2e': { 12: 'tls.established', 13: 'tls.established', 16: 'tls.established', 19: 'tls.established', 47: 'otr.gone-secure', 49: 'otr.gone-secure', 64: 'tls.established', 65: 'tls.established', 74: 'tls.established', 75: 'tls.established', 82: 's2s.dialback-valid', 83: 's2s.dialback-valid', 84: 'server.stored-offline', 93: 'tls.established', 94: 'tls.established', 115: 'otr.gone-secure', 118: 'otr.gone-secure' },
  'muc-basic': { 8: 'tls.established', 10: 'tls.established', 21: 'tls.established', 24: 'tls.established', 40: 'muc.room-created', 47: 'muc.client-occupant-jid', 72: 'tls.established', 73: 'tls.established', 87: 'muc.client-occupant-jid', 91: 'muc.client-history', 92: 'muc.client-history' },
  'muc-moderation': { 8: 'tls.established', 10: 'tls.established', 24: 'tls.established', 28: 'tls.established', 37: 'tls.established', 39: 'tls.established', 59: 'muc.room-created', 69: 'muc.client-occupant-jid', 75: 'muc.client-occupant-jid', 82: 'muc.refused-visitor', 86: 'muc.client-occupant-jid', 97: 'muc.client-occupant-jid', 102: 'muc.refused-visitor', 105: 'muc.kicked', 112: 'muc.client-occupant-jid', 117: 'muc.client-history', 120: 'muc.banned', 126: 'muc.refused-banned' },
};

describe('primary notes', () => {
  it('every primary key names a sentence (no unknown keys), once', () => {
    expect(primaryNoteKeys.length).toBeGreaterThan(10);
    for (const key of primaryNoteKeys) expect(isNoteKey(key), key).toBe(true);
    expect(new Set(primaryNoteKeys).size).toBe(primaryNoteKeys.length);
  });

  it('is decided by key, not by position or parameters', () => {
    expect(isPrimaryNote({ key: 'otr.smp-failure' })).toBe(true);
    expect(isPrimaryNote({ key: 'server.message-accepted' })).toBe(false);
    expect(isPrimaryNote({ key: 'otr.dh-forgotten' })).toBe(false);
    expect(isPrimaryNote({ key: 'no.such-key' })).toBe(false);
  });

  it('covers every preset', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(presets.map((p) => p.id).sort());
  });

  for (const preset of presets) {
    it(`${preset.id}: the steps with primary notes`, () => {
      const trace = runScenario(preset, { seed: 1 }).trace;
      const got: Record<number, string> = {};
      for (const ev of trace.events) {
        const keys = ev.effects.filter(isPrimaryNote).map((n) => n.key);
        if (keys.length > 0) got[ev.seq + 1] = keys.join(' ');
      }
      expect(got).toEqual(EXPECTED[preset.id]);
    });
  }

  it('otr-mitm: the operator reading alice’s message (step 45) and SMP failing (step 56) are primary, the server’s bookkeeping is not', () => {
    const trace = runScenario(presets.find((p) => p.id === 'otr-mitm')!, { seed: 1 }).trace;
    const s45 = trace.events[44]!.effects;
    expect(s45.filter(isPrimaryNote).map((n) => formatNote(n, 'en'))).toEqual([expect.stringMatching(/decrypts alice@a\.example’s message .* reads it/)]);
    expect(s45.some((n) => n.key === 'server.message-accepted' && !isPrimaryNote(n))).toBe(true);
    expect(trace.events[55]!.effects.filter(isPrimaryNote).map((n) => formatNote(n, 'de'))).toEqual([expect.stringMatching(/^SMP ist gescheitert/)]);
  });
});
