/** The scenario widget's strings for the Ratchet tab: each OTR session's keys, counters and revealed MAC keys; each key once, English and German side by side. @module */
import type { BilingualTable } from '../locales';

export const ratchetStrings = {
  tabRatchet: {
    en: 'Ratchet',
    de: 'Ratchet',
  },
  ratchetNone: {
    en: 'No OTR session yet at this step.',
    de: 'In diesem Schritt gibt es noch keine OTR-Sitzung.',
  },
  ratchetLensNone: {
    en: 'Seen by {who}: these cards show what the OTR programs hold in memory, and {who} runs none of them, so it holds none of these keys.',
    de: 'Aus Sicht von {who}: Diese Karten zeigen, was die OTR-Programme im Speicher halten; {who} betreibt keines davon und hat daher keinen dieser Schlüssel.',
  },
  ratchetLead: {
    en: 'Every Data Message carries the sender’s next DH key. Once the other side has used it, the older private key is forgotten and the MAC keys of the retired key pair are published.',
    de: 'Jede Datennachricht trägt den nächsten DH-Schlüssel des Absenders. Sobald die Gegenseite ihn benutzt hat, wird der ältere private Schlüssel vergessen, und die MAC-Schlüssel des ausgemusterten Schlüsselpaars werden veröffentlicht.',
  },
  ratchetOf: {
    en: '{account}’s session with {peer}',
    de: 'Sitzung von {account} mit {peer}',
  },
  ratchetPosing: {
    en: '{holder}’s session with {peer}, posing as {account}',
    de: 'Sitzung von {holder} mit {peer}, getarnt als {account}',
  },
  rMitm: {
    en: 'man in the middle',
    de: 'Man in the Middle',
  },
  rMsgstate: {
    en: 'Message state',
    de: 'Nachrichtenzustand',
  },
  msPlaintext: {
    en: 'plaintext',
    de: 'Klartext',
  },
  msEncrypted: {
    en: 'encrypted',
    de: 'verschlüsselt',
  },
  msFinished: {
    en: 'finished',
    de: 'beendet',
  },
  rAke: {
    en: 'Key exchange (AKE)',
    de: 'Schlüsselaustausch (AKE)',
  },
  akeNone: {
    en: 'idle',
    de: 'ruht',
  },
  akeAwaitingDhkey: {
    en: 'sent DH-Commit, waiting for DH-Key',
    de: 'DH-Commit gesendet, wartet auf DH-Key',
  },
  akeAwaitingRevealsig: {
    en: 'sent DH-Key, waiting for Reveal-Signature',
    de: 'DH-Key gesendet, wartet auf Reveal-Signature',
  },
  akeAwaitingSig: {
    en: 'sent Reveal-Signature, waiting for Signature',
    de: 'Reveal-Signature gesendet, wartet auf Signature',
  },
  rKeyids: {
    en: 'Key ids',
    de: 'Schlüssel-IDs',
  },
  rKeyidsValue: {
    en: 'ours {ours} · theirs {theirs}',
    de: 'eigene {ours} · fremde {theirs}',
  },
  rOurKeys: {
    en: 'Our DH keys (private half)',
    de: 'Eigene DH-Schlüssel (privater Teil)',
  },
  rTheirKeys: {
    en: 'Their DH keys (public)',
    de: 'DH-Schlüssel des Gegenübers (öffentlich)',
  },
  rKey: {
    en: 'key {id}',
    de: 'Schlüssel {id}',
  },
  rHeld: {
    en: 'held',
    de: 'vorhanden',
  },
  rForgottenAt: {
    en: 'forgotten at',
    de: 'vergessen in',
  },
  rStep: {
    en: 'step {step}',
    de: 'Schritt {step}',
  },
  rCurrent: {
    en: 'newest',
    de: 'neuester',
  },
  rPrevious: {
    en: 'previous',
    de: 'vorheriger',
  },
  rAkeKey: {
    en: 'used in the AKE',
    de: 'im AKE verwendet',
  },
  rOlder: {
    en: 'and {n} earlier keys, forgotten',
    de: 'und {n} ältere, vergessene Schlüssel',
  },
  rCounters: {
    en: 'Counters per key pair',
    de: 'Zähler je Schlüsselpaar',
  },
  rPair: {
    en: 'our key {ours} × their key {theirs}',
    de: 'eigener Schlüssel {ours} × fremder Schlüssel {theirs}',
  },
  rCtr: {
    en: 'sent {sent} · received {received}',
    de: 'gesendet {sent} · empfangen {received}',
  },
  rPending: {
    en: 'Waiting to be revealed with the next message',
    de: 'Wird mit der nächsten Nachricht offengelegt',
  },
  rRevealed: {
    en: 'MAC keys revealed',
    de: 'Offengelegte MAC-Schlüssel',
  },
  rRevealedPair: {
    en: 'pair {ours}×{theirs}',
    de: 'Paar {ours}×{theirs}',
  },
  rNoneYet: {
    en: 'none yet',
    de: 'noch keine',
  },
  cmpTitle: {
    en: 'What {a} and {b} each see',
    de: 'Was {a} und {b} jeweils sehen',
  },
  cmpWhat: {
    en: 'Should be equal',
    de: 'Müsste gleich sein',
  },
  cmpSees: {
    en: '{who} sees',
    de: '{who} sieht',
  },
  cmpCheck: {
    en: 'Equal?',
    de: 'Gleich?',
  },
  cmpFingerprintOf: {
    en: 'Fingerprint of {who}',
    de: 'Fingerabdruck von {who}',
  },
  cmpOwn: {
    en: 'its own key',
    de: 'eigener Schlüssel',
  },
  cmpReceived: {
    en: 'received in the key exchange',
    de: 'im Schlüsselaustausch erhalten',
  },
  cmpSame: {
    en: 'equal',
    de: 'gleich',
  },
  cmpDiffers: {
    en: 'different',
    de: 'verschieden',
  },
  cmpPending: {
    en: 'not yet',
    de: 'noch nicht',
  },
  cmpVerdictSame: {
    en: '{a} and {b} see the same session id, and each received the other’s own key: nobody sits in the middle of this session.',
    de: '{a} und {b} sehen dieselbe Sitzungs-ID, und jeder hat den eigenen Schlüssel des anderen erhalten: Niemand sitzt in der Mitte dieser Sitzung.',
  },
  cmpVerdictSsid: {
    en: '{a} and {b} see different session ids: someone is in the middle.',
    de: '{a} und {b} sehen verschiedene Sitzungs-IDs: Jemand sitzt in der Mitte.',
  },
  cmpVerdictKeys: {
    en: 'The fingerprints they received are not each other’s keys: each finished its key exchange with someone else.',
    de: 'Die erhaltenen Fingerabdrücke gehören nicht zum Schlüssel des anderen: Jeder hat seinen Schlüsselaustausch mit jemand anderem abgeschlossen.',
  },
  cmpVerdictPending: {
    en: 'Once both have finished the key exchange, their fingerprints and session ids can be compared here.',
    de: 'Sobald beide den Schlüsselaustausch abgeschlossen haben, lassen sich ihre Fingerabdrücke und Sitzungs-IDs hier vergleichen.',
  },
  cmpMiddle: {
    en: 'In this run it is {who}: the cards below show its two sessions, one facing each side.',
    de: 'In diesem Lauf ist das {who}: Die Karten unten zeigen seine zwei Sitzungen, je eine zu jeder Seite.',
  },
  cmpHow: {
    en: 'Neither sees the other’s screen: only a check over another channel (reading the fingerprints aloud, or SMP) shows them this.',
    de: 'Keiner sieht den Bildschirm des anderen: Erst ein Vergleich über einen anderen Kanal (Fingerabdrücke vorlesen oder SMP) zeigt ihnen das.',
  },
  rFingerprint: {
    en: 'Their fingerprint',
    de: 'Fingerabdruck des Gegenübers',
  },
  rSsid: {
    en: 'Session id',
    de: 'Sitzungs-ID',
  },
  rInstances: {
    en: 'Instance tags: ours {ours}, theirs {theirs}',
    de: 'Instance-Tags: eigenes {ours}, fremdes {theirs}',
  },
  rVerified: {
    en: 'verified with SMP',
    de: 'mit SMP bestätigt',
  },
  rVersion: {
    en: 'OTR version {v}',
    de: 'OTR-Version {v}',
  },
} satisfies BilingualTable;
