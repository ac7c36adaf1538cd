/**
 * Narration of the TLS 1.3 handshake (RFC 8446) on a c2s or s2s link, and of its failures.
 * Each key once, English and German side by side; lib/narration/notes.ts merges the areas.
 * @module
 */
import type { NoteTable } from '../note-table';

export const tlsNotes = {
  'tls.client-hello': {
    en: '{node} starts the TLS 1.3 handshake with a ClientHello, in clear: a random value, a fresh X25519 key share, the cipher suite TLS_AES_128_GCM_SHA256 — and the server name {peer}. Anyone on the link reads which domain it wants.',
    de: '{node} beginnt den TLS-1.3-Handshake mit einem ClientHello, im Klartext: ein Zufallswert, ein frischer X25519-Schlüsselanteil, die Cipher-Suite TLS_AES_128_GCM_SHA256 – und der Servername {peer}. Wer die Leitung mitliest, erfährt, welche Domain gemeint ist.',
  },
  'tls.server-flight': {
    en: '{node} answers with a ServerHello and its own key share; from here on both ends can compute the handshake keys, a listener cannot. Already encrypted follow EncryptedExtensions, the certificate (issued by {ca} for {node}), CertificateVerify — its signature over the handshake so far — and Finished.',
    de: '{node} antwortet mit einem ServerHello und seinem eigenen Schlüsselanteil; ab hier können beide Enden die Handshake-Schlüssel berechnen, ein Lauscher nicht. Schon verschlüsselt folgen EncryptedExtensions, das Zertifikat (ausgestellt von {ca} für {node}), CertificateVerify – die Signatur über den bisherigen Handshake – und Finished.',
  },
  'tls.certificate-accepted': {
    en: '{node} checks the certificate: it is signed by {ca}, which {node} trusts, it names {peer}, it is valid today, and CertificateVerify was made with its key. So this really is {peer}. {node} answers with its own Finished.',
    de: '{node} prüft das Zertifikat: Es ist von {ca} signiert, der {node} vertraut, es nennt {peer}, es ist heute gültig, und CertificateVerify wurde mit seinem Schlüssel erstellt. Am anderen Ende ist also wirklich {peer}. {node} antwortet mit seinem eigenen Finished.',
  },
  'tls.established': {
    en: '{node} and {peer} now hold the traffic keys {keyName} ({cipher}). Everything after this is encrypted on this link — and only on this link.',
    de: '{node} und {peer} besitzen jetzt die Verkehrsschlüssel {keyName} ({cipher}). Alles Weitere ist auf dieser Leitung verschlüsselt – und nur auf dieser.',
  },
  'tls.certificate-wrong-name': {
    en: '{node} refuses the certificate: it does not name {peer}, the domain {node} wanted. Whoever answered may be someone else. {node} ends the handshake with the alert {alert} and logs nothing in.',
    de: '{node} lehnt das Zertifikat ab: Es nennt nicht {peer}, die Domain, die {node} erreichen wollte. Geantwortet hat womöglich jemand anderes. {node} bricht den Handshake mit dem Alert {alert} ab und meldet nichts an.',
  },
  'tls.certificate-expired': {
    en: '{node} refuses the certificate of {peer}: it has expired (or is not valid yet). {node} ends the handshake with the alert {alert}.',
    de: '{node} lehnt das Zertifikat von {peer} ab: Es ist abgelaufen (oder noch nicht gültig). {node} bricht den Handshake mit dem Alert {alert} ab.',
  },
  'tls.certificate-unknown-ca': {
    en: '{node} refuses the certificate of {peer}: it was issued by a CA that {node} does not trust, so nothing vouches for the name in it. {node} ends the handshake with the alert {alert}.',
    de: '{node} lehnt das Zertifikat von {peer} ab: Es stammt von einer CA, der {node} nicht vertraut – für den Namen darin bürgt also niemand. {node} bricht den Handshake mit dem Alert {alert} ab.',
  },
  'tls.certificate-refused': {
    en: '{node} refuses the certificate of {peer} ({problem}) and ends the handshake with the alert {alert}.',
    de: '{node} lehnt das Zertifikat von {peer} ab ({problem}) und bricht den Handshake mit dem Alert {alert} ab.',
  },
  'tls.failed': {
    en: 'The TLS connection between {node} and {peer} fails ({alert}); it is dropped.',
    de: 'Die TLS-Verbindung zwischen {node} und {peer} scheitert ({alert}); sie wird abgebrochen.',
  },
} satisfies NoteTable;
