/**
 * The Handshake view's words for each field, group and secret of TLS 1.3 (lib/viz/tls-fields.ts,
 * lib/viz/tls-schedule.ts): a short name and what it means, English and German side by side. The
 * RFC's own identifier is shown beside the name, so the name may say it in plain words. Typed by the
 * lib's kind lists, so a kind without words in both languages does not compile.
 * @module
 */
import type { FieldKind, GroupKind } from '../../lib/viz/tls-fields';
import type { SecretId } from '../../lib/viz/tls-schedule';
import type { Bilingual } from './locales';

export interface Words {
  name: Bilingual;
  meaning: Bilingual;
}

export const FIELD_WORDS: Record<FieldKind, Words> = {
  msg_type: {
    name: { en: 'Message type', de: 'Nachrichtentyp' },
    meaning: { en: 'Which handshake message follows (RFC 8446 §4): 1 ClientHello, 2 ServerHello, 8 EncryptedExtensions, 11 Certificate, 15 CertificateVerify, 20 Finished.', de: 'Welche Handshake-Nachricht folgt (RFC 8446 §4): 1 ClientHello, 2 ServerHello, 8 EncryptedExtensions, 11 Certificate, 15 CertificateVerify, 20 Finished.' },
  },
  length: {
    name: { en: 'Message length', de: 'Nachrichtenlänge' },
    meaning: { en: 'How many bytes of message follow this 4-byte header (a 24-bit number).', de: 'Wie viele Bytes Nachricht auf diesen 4 Byte langen Kopf folgen (eine 24-Bit-Zahl).' },
  },
  legacy_version: {
    name: { en: 'Version (legacy)', de: 'Version (Altlast)' },
    meaning: { en: 'Always 0x0303, “TLS 1.2”: old middleboxes choke on anything newer. The real version is negotiated in the supported_versions extension.', de: 'Immer 0x0303, „TLS 1.2“: Alte Middleboxes scheitern an allem Neueren. Die echte Version handeln beide in der Erweiterung supported_versions aus.' },
  },
  random: {
    name: { en: 'Random', de: 'Zufallswert' },
    meaning: { en: '32 fresh random bytes. They make every handshake unique and enter every key through the transcript hash. The key log file is indexed by the client’s.', de: '32 frische Zufallsbytes. Sie machen jeden Handshake einmalig und gehen über den Transkript-Hash in jeden Schlüssel ein. Die Schlüssel-Logdatei ist nach dem Wert des Clients sortiert.' },
  },
  session_id_length: {
    name: { en: 'Session id length', de: 'Länge der Session-ID' },
    meaning: { en: 'Length of the legacy session id (0 here: no TLS 1.2 resumption to pretend).', de: 'Länge der alten Session-ID (hier 0: Es gibt keine TLS-1.2-Wiederaufnahme vorzutäuschen).' },
  },
  session_id: {
    name: { en: 'Session id (legacy)', de: 'Session-ID (Altlast)' },
    meaning: { en: 'A TLS 1.2 leftover; TLS 1.3 does not use it except to look like TLS 1.2 to middleboxes.', de: 'Ein Überbleibsel aus TLS 1.2; TLS 1.3 nutzt es nur, um für Middleboxes wie TLS 1.2 auszusehen.' },
  },
  session_id_echo: {
    name: { en: 'Session id echo', de: 'Gespiegelte Session-ID' },
    meaning: { en: 'The server repeats the client’s legacy session id.', de: 'Der Server wiederholt die alte Session-ID des Clients.' },
  },
  cipher_suites_length: {
    name: { en: 'Cipher suites length', de: 'Länge der Cipher-Suite-Liste' },
    meaning: { en: 'Bytes of cipher suites that follow, two per suite.', de: 'Bytes an Cipher Suites, die folgen, zwei je Suite.' },
  },
  cipher_suite: {
    name: { en: 'Offered cipher suite', de: 'Angebotene Cipher Suite' },
    meaning: { en: 'An AEAD and a hash the client can use. TLS_AES_128_GCM_SHA256: AES-128 in GCM mode for the records, SHA-256 for the key schedule.', de: 'Ein AEAD-Verfahren und ein Hash, die der Client kann. TLS_AES_128_GCM_SHA256: AES-128 im GCM-Modus für die Records, SHA-256 für die Schlüsselableitung.' },
  },
  selected_cipher_suite: {
    name: { en: 'Chosen cipher suite', de: 'Gewählte Cipher Suite' },
    meaning: { en: 'The one suite the server picked from the client’s list.', de: 'Die eine Suite, die der Server aus der Liste des Clients gewählt hat.' },
  },
  compression_methods_length: {
    name: { en: 'Compression methods length', de: 'Länge der Kompressionsliste' },
    meaning: { en: 'Always 1: one method follows.', de: 'Immer 1: Es folgt eine Methode.' },
  },
  compression_method: {
    name: { en: 'Compression (none)', de: 'Kompression (keine)' },
    meaning: { en: 'Always 0, “null”. Compression before encryption leaked secrets (the CRIME attack), so TLS 1.3 forbids it.', de: 'Immer 0, „null“. Kompression vor der Verschlüsselung verriet Geheimnisse (der CRIME-Angriff), darum verbietet TLS 1.3 sie.' },
  },
  extensions_length: {
    name: { en: 'Extensions length', de: 'Länge der Erweiterungen' },
    meaning: { en: 'Bytes of extensions that follow. In TLS 1.3 the real negotiation happens in them.', de: 'Bytes an Erweiterungen, die folgen. In TLS 1.3 findet die eigentliche Aushandlung in ihnen statt.' },
  },
  extension_type: {
    name: { en: 'Extension type', de: 'Erweiterungstyp' },
    meaning: { en: 'Which extension this is (IANA number and name).', de: 'Um welche Erweiterung es sich handelt (IANA-Nummer und Name).' },
  },
  extension_length: {
    name: { en: 'Extension length', de: 'Länge der Erweiterung' },
    meaning: { en: 'Bytes of this extension’s data.', de: 'Bytes an Daten dieser Erweiterung.' },
  },
  extension_data: {
    name: { en: 'Extension data', de: 'Daten der Erweiterung' },
    meaning: { en: 'The extension’s content, shown as bytes.', de: 'Der Inhalt der Erweiterung, als Bytes gezeigt.' },
  },
  server_name_list_length: {
    name: { en: 'Server name list length', de: 'Länge der Servernamenliste' },
    meaning: { en: 'Bytes of names that follow.', de: 'Bytes an Namen, die folgen.' },
  },
  server_name_type: {
    name: { en: 'Name type', de: 'Namenstyp' },
    meaning: { en: '0: a DNS host name.', de: '0: ein DNS-Hostname.' },
  },
  server_name_length: {
    name: { en: 'Name length', de: 'Namenslänge' },
    meaning: { en: 'Bytes of the name.', de: 'Bytes des Namens.' },
  },
  server_name: {
    name: { en: 'Server name (SNI)', de: 'Servername (SNI)' },
    meaning: { en: 'The domain the client wants to reach, in clear: anyone on the link reads it, even in TLS 1.3. The client checks the certificate against this name.', de: 'Die Domain, die der Client erreichen will, im Klartext: Jeder auf der Leitung liest sie, auch bei TLS 1.3. Gegen diesen Namen prüft der Client das Zertifikat.' },
  },
  versions_length: {
    name: { en: 'Versions length', de: 'Länge der Versionsliste' },
    meaning: { en: 'Bytes of versions that follow, two per version.', de: 'Bytes an Versionen, die folgen, zwei je Version.' },
  },
  version: {
    name: { en: 'Supported version', de: 'Unterstützte Version' },
    meaning: { en: 'A TLS version the client speaks. 0x0304 is TLS 1.3.', de: 'Eine TLS-Version, die der Client spricht. 0x0304 ist TLS 1.3.' },
  },
  selected_version: {
    name: { en: 'Chosen version', de: 'Gewählte Version' },
    meaning: { en: 'The server’s choice: 0x0304, TLS 1.3. This, not the legacy field, is the version in force.', de: 'Die Wahl des Servers: 0x0304, TLS 1.3. Dieses Feld gilt, nicht das Altlast-Feld.' },
  },
  groups_length: {
    name: { en: 'Groups length', de: 'Länge der Gruppenliste' },
    meaning: { en: 'Bytes of groups that follow.', de: 'Bytes an Gruppen, die folgen.' },
  },
  group: {
    name: { en: 'Supported group', de: 'Unterstützte Gruppe' },
    meaning: { en: 'A curve the client can do Diffie-Hellman key exchange on. x25519 is Curve25519.', de: 'Eine Kurve, auf der der Client den Diffie-Hellman-Schlüsselaustausch kann. x25519 ist Curve25519.' },
  },
  signature_algorithms_length: {
    name: { en: 'Signature algorithms length', de: 'Länge der Signaturverfahren' },
    meaning: { en: 'Bytes of signature schemes that follow.', de: 'Bytes an Signaturverfahren, die folgen.' },
  },
  signature_algorithm: {
    name: { en: 'Accepted signature', de: 'Akzeptierte Signatur' },
    meaning: { en: 'A signature scheme the client accepts in CertificateVerify and in certificates.', de: 'Ein Signaturverfahren, das der Client in CertificateVerify und in Zertifikaten akzeptiert.' },
  },
  client_shares_length: {
    name: { en: 'Key shares length', de: 'Länge der Key Shares' },
    meaning: { en: 'Bytes of key shares that follow.', de: 'Bytes an Key Shares, die folgen.' },
  },
  key_share_group: {
    name: { en: 'Key share group', de: 'Gruppe des Key Share' },
    meaning: { en: 'The curve this public key lives on.', de: 'Die Kurve, zu der dieser öffentliche Schlüssel gehört.' },
  },
  key_exchange_length: {
    name: { en: 'Key length', de: 'Schlüssellänge' },
    meaning: { en: 'Bytes of the public key: 32 for X25519.', de: 'Bytes des öffentlichen Schlüssels: 32 bei X25519.' },
  },
  key_exchange: {
    name: { en: 'Public key (key share)', de: 'Öffentlicher Schlüssel (Key Share)' },
    meaning: { en: 'A fresh, ephemeral X25519 public key. Each side combines its own private key with the other’s public key and gets the same shared secret, which never crosses the wire. It is thrown away after the handshake: Perfect Forward Secrecy.', de: 'Ein frischer, kurzlebiger öffentlicher X25519-Schlüssel. Jede Seite verknüpft ihren privaten Schlüssel mit dem öffentlichen der anderen und erhält dasselbe gemeinsame Geheimnis, das nie über die Leitung geht. Nach dem Handshake wird er verworfen: Perfect Forward Secrecy.' },
  },
  request_context_length: {
    name: { en: 'Request context length', de: 'Länge des Anfragekontexts' },
    meaning: { en: '0: the server sends its certificate unasked, as part of the handshake.', de: '0: Der Server schickt sein Zertifikat unaufgefordert als Teil des Handshakes.' },
  },
  request_context: {
    name: { en: 'Request context', de: 'Anfragekontext' },
    meaning: { en: 'Echoes a CertificateRequest’s context; empty for a server.', de: 'Wiederholt den Kontext einer CertificateRequest; beim Server leer.' },
  },
  certificate_list_length: {
    name: { en: 'Certificate list length', de: 'Länge der Zertifikatsliste' },
    meaning: { en: 'Bytes of certificates that follow, the server’s own first.', de: 'Bytes an Zertifikaten, die folgen, das des Servers zuerst.' },
  },
  cert_data_length: {
    name: { en: 'Certificate length', de: 'Zertifikatslänge' },
    meaning: { en: 'Bytes of this X.509 certificate (DER).', de: 'Bytes dieses X.509-Zertifikats (DER).' },
  },
  cert_sequence: {
    name: { en: 'Certificate (DER header)', de: 'Zertifikat (DER-Kopf)' },
    meaning: { en: 'ASN.1 DER: a SEQUENCE of the signed part, the signature algorithm and the signature.', de: 'ASN.1 DER: eine SEQUENCE aus dem signierten Teil, dem Signaturverfahren und der Signatur.' },
  },
  tbs_sequence: {
    name: { en: 'Signed part (DER header)', de: 'Signierter Teil (DER-Kopf)' },
    meaning: { en: 'The TBSCertificate, “to be signed”: everything the certificate authority vouches for.', de: 'Das TBSCertificate, „zu signieren“: alles, wofür die Zertifizierungsstelle bürgt.' },
  },
  x509_version: {
    name: { en: 'X.509 version', de: 'X.509-Version' },
    meaning: { en: 'Version 3: the certificate may carry extensions.', de: 'Version 3: Das Zertifikat darf Erweiterungen tragen.' },
  },
  x509_serial: {
    name: { en: 'Serial number', de: 'Seriennummer' },
    meaning: { en: 'Unique per certificate authority; revocation lists name certificates by it.', de: 'Eindeutig je Zertifizierungsstelle; Sperrlisten nennen Zertifikate über sie.' },
  },
  x509_signature_inner: {
    name: { en: 'Signature algorithm (signed copy)', de: 'Signaturverfahren (signierte Kopie)' },
    meaning: { en: 'How the authority signed; must equal the algorithm outside the signed part.', de: 'Wie die Zertifizierungsstelle signiert hat; muss dem Verfahren außerhalb des signierten Teils gleichen.' },
  },
  x509_issuer: {
    name: { en: 'Issuer', de: 'Aussteller' },
    meaning: { en: 'The certificate authority that signed. The client trusts the certificate only if this chains to an authority it already trusts (here the scenario’s lab CA).', de: 'Die Zertifizierungsstelle, die signiert hat. Der Client vertraut dem Zertifikat nur, wenn es zu einer Stelle führt, der er schon vertraut (hier die Labor-CA des Szenarios).' },
  },
  x509_validity: {
    name: { en: 'Validity', de: 'Gültigkeit' },
    meaning: { en: 'Not before – not after. The client compares it with its clock; outside it the handshake fails with certificate_expired.', de: 'Nicht vor – nicht nach. Der Client vergleicht mit seiner Uhr; außerhalb scheitert der Handshake mit certificate_expired.' },
  },
  x509_subject: {
    name: { en: 'Subject', de: 'Inhaber' },
    meaning: { en: 'Whom the certificate names. For XMPP the name that counts is in the subjectAltName extension (RFC 6120 §13.7.1).', de: 'Wen das Zertifikat nennt. Für XMPP zählt der Name in der Erweiterung subjectAltName (RFC 6120 §13.7.1).' },
  },
  x509_public_key: {
    name: { en: 'Subject public key', de: 'Öffentlicher Schlüssel des Inhabers' },
    meaning: { en: 'The server’s long-term public key. CertificateVerify must verify under it: that proves the server holds the private key.', de: 'Der öffentliche Langzeitschlüssel des Servers. CertificateVerify muss sich damit prüfen lassen: Das beweist, dass der Server den privaten Schlüssel besitzt.' },
  },
  x509_unique_id: {
    name: { en: 'Unique identifier', de: 'Eindeutiger Bezeichner' },
    meaning: { en: 'An X.509 v2 field, rarely used.', de: 'Ein Feld aus X.509 v2, selten benutzt.' },
  },
  x509_extensions: {
    name: { en: 'Extensions', de: 'Erweiterungen' },
    meaning: { en: 'subjectAltName with the DNS name and the XmppAddr the client checks, key usage, whether it is a CA, key identifiers.', de: 'subjectAltName mit dem DNS-Namen und der XmppAddr, die der Client prüft, Schlüsselverwendung, ob es eine CA ist, Schlüsselkennungen.' },
  },
  x509_signature_algorithm: {
    name: { en: 'Signature algorithm', de: 'Signaturverfahren' },
    meaning: { en: 'The algorithm of the signature that follows.', de: 'Das Verfahren der folgenden Signatur.' },
  },
  x509_signature: {
    name: { en: 'Authority’s signature', de: 'Signatur der Zertifizierungsstelle' },
    meaning: { en: 'The issuer’s signature over the signed part. Change one byte above and it no longer verifies.', de: 'Die Signatur des Ausstellers über den signierten Teil. Ändert man oben ein Byte, passt sie nicht mehr.' },
  },
  cert_der: {
    name: { en: 'Certificate (DER)', de: 'Zertifikat (DER)' },
    meaning: { en: 'An X.509 certificate this view could not take apart.', de: 'Ein X.509-Zertifikat, das diese Ansicht nicht zerlegen konnte.' },
  },
  verify_algorithm: {
    name: { en: 'Signature scheme', de: 'Signaturverfahren' },
    meaning: { en: 'How the server signed the transcript, matching its certificate’s key.', de: 'Wie der Server das Transkript signiert hat, passend zum Schlüssel seines Zertifikats.' },
  },
  signature_length: {
    name: { en: 'Signature length', de: 'Signaturlänge' },
    meaning: { en: 'Bytes of the signature.', de: 'Bytes der Signatur.' },
  },
  signature: {
    name: { en: 'Signature over the transcript', de: 'Signatur über das Transkript' },
    meaning: { en: 'The server signs the hash of every handshake message so far with its certificate’s private key. This binds the key exchange to the certificate: a man in the middle without that key cannot produce it.', de: 'Der Server signiert den Hash aller bisherigen Handshake-Nachrichten mit dem privaten Schlüssel seines Zertifikats. Das bindet den Schlüsselaustausch an das Zertifikat: Ein Mann in der Mitte ohne diesen Schlüssel kann sie nicht erzeugen.' },
  },
  verify_data: {
    name: { en: 'Verify data', de: 'Prüfwert (verify_data)' },
    meaning: { en: 'An HMAC over the transcript hash with a key from this side’s handshake traffic secret. It proves both sides saw the same handshake, byte for byte: anything altered on the way makes it fail.', de: 'Ein HMAC über den Transkript-Hash mit einem Schlüssel aus dem Handshake-Traffic-Secret dieser Seite. Er beweist, dass beide Seiten denselben Handshake gesehen haben, Byte für Byte: Jede Veränderung unterwegs lässt ihn scheitern.' },
  },
  body: {
    name: { en: 'Message body', de: 'Nachrichtenrumpf' },
    meaning: { en: 'The content of a message this view does not take apart.', de: 'Der Inhalt einer Nachricht, die diese Ansicht nicht zerlegt.' },
  },
  record_type: {
    name: { en: 'Record type', de: 'Record-Typ' },
    meaning: { en: 'Always 23, application_data, for protected records: even the real type (handshake, alert, data) is inside the encryption.', de: 'Bei geschützten Records immer 23, application_data: Sogar der wahre Typ (Handshake, Alert, Daten) steckt in der Verschlüsselung.' },
  },
  record_version: {
    name: { en: 'Record version (legacy)', de: 'Record-Version (Altlast)' },
    meaning: { en: 'Always 0x0303, for middleboxes.', de: 'Immer 0x0303, für Middleboxes.' },
  },
  record_length: {
    name: { en: 'Record length', de: 'Record-Länge' },
    meaning: { en: 'Bytes of ciphertext that follow. In clear: an observer learns how big each record is.', de: 'Bytes an Geheimtext, die folgen. Im Klartext: Ein Beobachter erfährt, wie groß jeder Record ist.' },
  },
  encrypted_record: {
    name: { en: 'Ciphertext', de: 'Geheimtext' },
    meaning: { en: 'AES-128-GCM output: the messages, their true type and a 16-byte authentication tag. Without the traffic key it is noise.', de: 'Ausgabe von AES-128-GCM: die Nachrichten, ihr wahrer Typ und ein 16 Byte langes Authentifizierungs-Tag. Ohne den Traffic-Schlüssel ist es Rauschen.' },
  },
};

export const GROUP_WORDS: Record<GroupKind, Bilingual> = {
  header: { en: 'Header', de: 'Kopf' },
  cipher_suites: { en: 'Cipher suites', de: 'Cipher Suites' },
  extensions: { en: 'Extensions', de: 'Erweiterungen' },
  extension: { en: 'Extension', de: 'Erweiterung' },
  certificate_list: { en: 'Certificate list', de: 'Zertifikatsliste' },
  certificate_entry: { en: 'Certificate entry', de: 'Zertifikatseintrag' },
  x509: { en: 'X.509 certificate', de: 'X.509-Zertifikat' },
  tbs: { en: 'Signed part', de: 'Signierter Teil' },
};

export const SECRET_WORDS: Record<SecretId, Words> = {
  psk: {
    name: { en: 'PSK input: 0', de: 'PSK-Eingabe: 0' },
    meaning: { en: 'No pre-shared key (no resumption): 32 zero bytes stand in.', de: 'Kein vorab geteilter Schlüssel (keine Wiederaufnahme): 32 Nullbytes stehen dafür.' },
  },
  early: {
    name: { en: 'Early Secret', de: 'Early Secret' },
    meaning: { en: 'Without a PSK the same constant in every TLS 1.3 connection. It only carries the chain forward.', de: 'Ohne PSK in jeder TLS-1.3-Verbindung dieselbe Konstante. Sie trägt nur die Kette weiter.' },
  },
  derived1: {
    name: { en: '“derived” salt', de: 'Salt „derived“' },
    meaning: { en: 'The Early Secret, passed on as the salt of the next extraction.', de: 'Das Early Secret, weitergereicht als Salt der nächsten Extraktion.' },
  },
  ecdhe: {
    name: { en: '(EC)DHE shared secret', de: '(EC)DHE-Geheimnis' },
    meaning: { en: 'What X25519 gives both ends from the two key shares. It never crosses the wire, and everything secret below comes from it.', de: 'Was X25519 beiden Enden aus den zwei Key Shares liefert. Es geht nie über die Leitung, und alles Geheime darunter stammt daraus.' },
  },
  handshake: {
    name: { en: 'Handshake Secret', de: 'Handshake Secret' },
    meaning: { en: 'The shared secret, extracted into a uniform key.', de: 'Das gemeinsame Geheimnis, zu einem gleichmäßigen Schlüssel extrahiert.' },
  },
  c_hs: {
    name: { en: 'Client handshake traffic secret', de: 'Handshake-Traffic-Secret des Clients' },
    meaning: { en: 'Keys for the client’s encrypted handshake records: its Finished.', de: 'Schlüssel für die verschlüsselten Handshake-Records des Clients: sein Finished.' },
  },
  s_hs: {
    name: { en: 'Server handshake traffic secret', de: 'Handshake-Traffic-Secret des Servers' },
    meaning: { en: 'Keys for EncryptedExtensions, Certificate, CertificateVerify and the server’s Finished.', de: 'Schlüssel für EncryptedExtensions, Certificate, CertificateVerify und das Finished des Servers.' },
  },
  derived2: {
    name: { en: '“derived” salt', de: 'Salt „derived“' },
    meaning: { en: 'The Handshake Secret, passed on as the salt of the last extraction.', de: 'Das Handshake Secret, weitergereicht als Salt der letzten Extraktion.' },
  },
  zero: {
    name: { en: 'Input: 0', de: 'Eingabe: 0' },
    meaning: { en: 'No further key material: 32 zero bytes.', de: 'Kein weiteres Schlüsselmaterial: 32 Nullbytes.' },
  },
  master: {
    name: { en: 'Master Secret', de: 'Master Secret' },
    meaning: { en: 'The root of the keys for the application data.', de: 'Die Wurzel der Schlüssel für die Anwendungsdaten.' },
  },
  c_ap: {
    name: { en: 'Client application traffic secret', de: 'Anwendungs-Traffic-Secret des Clients' },
    meaning: { en: 'Keys for everything the client sends after its Finished: here the XMPP stream, the SCRAM login, the messages.', de: 'Schlüssel für alles, was der Client nach seinem Finished sendet: hier der XMPP-Stream, die SCRAM-Anmeldung, die Nachrichten.' },
  },
  s_ap: {
    name: { en: 'Server application traffic secret', de: 'Anwendungs-Traffic-Secret des Servers' },
    meaning: { en: 'Keys for everything the server sends after its Finished.', de: 'Schlüssel für alles, was der Server nach seinem Finished sendet.' },
  },
  exp: {
    name: { en: 'Exporter master secret', de: 'Exporter Master Secret' },
    meaning: { en: 'Source of values the application may take out of TLS, such as the tls-exporter channel binding that SCRAM-SHA-256-PLUS signs (RFC 9266).', de: 'Quelle für Werte, die die Anwendung aus TLS entnehmen darf, etwa die Kanalbindung tls-exporter, die SCRAM-SHA-256-PLUS unterschreibt (RFC 9266).' },
  },
};
