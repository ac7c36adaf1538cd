/**
 * Which of a step's extra notes are its key facts: the ones a teacher must see without asking, so the
 * narration band always shows them and folds only the rest behind "More (+N)". Chosen by note key, never
 * by position: the engine decides what a sentence says, and the same sentence matters wherever it falls.
 *
 * The rule for a key to be here: it tells the outcome a lesson is about (a secret lost or kept, an
 * attacker reading or changing something, a protection starting or failing, a message lost), not a step
 * of the machinery on the way (a DH key made or forgotten, a server accepting a stanza, a presence seen).
 * @module
 */
import type { NoteKey } from './notes';

const PRIMARY: ReadonlySet<NoteKey> = new Set<NoteKey>([
  // A protection starts: from here on the link or the conversation is encrypted, or the server trusted.
  'tls.established',
  'otr.gone-secure',
  's2s.dialback-valid',
  // A protection fails or is refused: the point of every "what goes wrong" scenario.
  'tls.failed',
  'tls.certificate-wrong-name',
  'tls.certificate-expired',
  'tls.certificate-unknown-ca',
  'tls.certificate-refused',
  'client.starttls-failed',
  'client.tls-missing',
  'client.tls-skipped',
  'attack.starttls-stripped',
  'attack.sasl-downgraded',
  'attack.downgrade-and-strip',
  'attack.downgrade-blind',
  's2s.features-plain',
  'server.starttls-failure',
  'client.server-signature-bad',
  'client.sasl-failed',
  'client.bad-credentials',
  'server.sasl-failure',
  'client.stream-error',
  's2s.dialback-invalid',
  // The man in the middle at work: it poses as the other side, reads, re-encrypts, is found out.
  'mitm.pass-query',
  'mitm.gone-secure',
  'mitm.fingerprints',
  'mitm.read',
  'mitm.pass-plaintext',
  'mitm.smp-relay-question',
  'mitm.smp-relay',
  'mitm.smp-relay-last',
  'mitm.unreadable',
  // Verification: whether SMP exposed the man in the middle or proved there is none.
  'otr.smp-success',
  'otr.smp-success-answered',
  'otr.smp-failure',
  'otr.smp-aborted',
  // What a conversation's end or a broken message means for its privacy.
  'otr.peer-ended',
  'otr.plaintext-in-private',
  'otr.unreadable',
  'static.unreadable',
  // A theft: what the stolen copy holds (or, the lesson of forward secrecy, does not hold).
  'thief.otr-session',
  'thief.otr-session-empty',
  'thief.long-term-keys',
  'thief.long-term-keys-none',
  'thief.static-key',
  'thief.static-key-none',
  // Signatures: a proof for good, a forgery caught, a message refused under another's name.
  'signed.message-received',
  'signed.message-bad',
  'signed.wrong-signer',
  // A middlebox changes, drops or forges packets: what arrives is not what was sent.
  'transport.rewrite',
  'transport.drop',
  'transport.inject',
  // A message that does not arrive, or waits: the outcome of the delivery scenarios.
  'client.message-error',
  'server.message-refused',
  'server.stored-offline',
  'server.down',
  's2s.no-route',
  's2s.remote-server-not-found',
  's2s.remote-server-timeout',
  // A room (XEP-0045) decides who may speak, who stays, and who learns whose real JID.
  'muc.room-created',
  'muc.refused',
  'muc.refused-visitor',
  'muc.refused-banned',
  'muc.kicked',
  'muc.banned',
  'muc.client-joined-public',
  'muc.client-occupant-jid',
  'muc.client-history',
]);

/** True when a note is one of its step's key facts, shown whenever the step is. */
export function isPrimaryNote(note: { key: string }): boolean {
  return PRIMARY.has(note.key as NoteKey);
}

/** Every primary key, for the test that checks each one names a sentence. */
export const primaryNoteKeys: readonly string[] = [...PRIMARY];
