/**
 * The course glossary (from /work/shared/FACTS.md §11): the same term for the same thing everywhere.
 * Keyed by the English term, lowercase. `<Term>` shows the translation and, on focus or hover, the definition.
 * @module
 */
import type { Locale } from '../../_i18n/locales';

export interface GlossaryEntry {
  /** The English term in lower case: the key `<Term>` looks up. */
  en: string;
  /** The English term as written, where that is not just `en` (STARTTLS, Jabber ID). */
  term?: string;
  de: string;
  definition: Record<Locale, string>;
}

export const glossaryEntries: readonly GlossaryEntry[] = [
  { en: 'instant messaging', de: 'Instant Messaging', definition: { en: 'near-real-time text exchange', de: 'Nachrichtenaustausch nahezu in Echtzeit' } },
  { en: 'federation', de: 'Föderation', definition: { en: 'independent servers interconnect', de: 'unabhängige Server tauschen Nachrichten aus' } },
  { en: 'centralised service', de: 'zentralisierter Dienst', definition: { en: 'one operator runs all servers', de: 'ein Betreiber kontrolliert alle Server' } },
  { en: 'client-to-server', de: 'Client-zu-Server', definition: { en: 'link from a client to its server', de: 'Verbindung zwischen Client und eigenem Server' } },
  { en: 'server-to-server', de: 'Server-zu-Server', definition: { en: "link between two domains' servers", de: 'Verbindung zwischen den Servern zweier Domains' } },
  { en: 'jabber id', term: 'Jabber ID', de: 'Jabber-ID', definition: { en: 'address localpart@domain/resource', de: 'Adresse lokalteil@domain/ressource' } },
  { en: 'bare jid', term: 'bare JID', de: 'bare JID', definition: { en: 'a JID without resource: localpart@domain', de: 'JID ohne Ressource: lokalteil@domain' } },
  { en: 'full jid', term: 'full JID', de: 'full JID', definition: { en: 'a JID with resource: localpart@domain/resource', de: 'JID mit Ressource: lokalteil@domain/ressource' } },
  { en: 'resource', de: 'Ressource', definition: { en: 'identifies one client session', de: 'kennzeichnet eine Client-Sitzung' } },
  { en: 'resource binding', de: 'Ressourcenbindung', definition: { en: 'the server assigns a resource after SASL', de: 'der Server vergibt die Ressource nach SASL' } },
  { en: 'xml stream', term: 'XML stream', de: 'XML-Stream', definition: { en: 'one-way XML container on TCP', de: 'gerichteter XML-Container über TCP' } },
  { en: 'stream features', de: 'Stream-Features', definition: { en: 'what must or can be negotiated next', de: 'was als Nächstes auszuhandeln ist' } },
  { en: 'stanza', de: 'Stanza', definition: { en: 'a message, presence or iq element', de: 'ein message-, presence- oder iq-Element' } },
  { en: 'presence', de: 'Präsenz', definition: { en: 'availability status', de: 'Online- bzw. Verfügbarkeitsstatus' } },
  { en: 'roster', de: 'Roster', definition: { en: 'server-stored contact list', de: 'serverseitige Kontaktliste' } },
  { en: 'offline storage', de: 'Offline-Speicherung', definition: { en: 'the server holds a message until login', de: 'der Server hält eine Nachricht bis zur Anmeldung' } },
  { en: 'metadata', de: 'Metadaten', definition: { en: 'who, when, where, how often', de: 'wer, wann, wo, wie oft' } },
  { en: 'hop-by-hop encryption', de: 'Transportverschlüsselung', definition: { en: 'each link encrypted, relays see plaintext', de: 'je Teilstrecke verschlüsselt; Zwischenstationen sehen Klartext' } },
  { en: 'end-to-end encryption', de: 'Ende-zu-Ende-Verschlüsselung', definition: { en: 'only the endpoints can decrypt', de: 'nur die Endpunkte können entschlüsseln' } },
  { en: 'sasl mechanism', term: 'SASL mechanism', de: 'SASL-Mechanismus', definition: { en: 'a pluggable login method', de: 'austauschbares Anmeldeverfahren' } },
  { en: 'authentication', de: 'Authentifizierung', definition: { en: 'proving and verifying identity', de: 'Identität nachweisen (Authentisierung) und prüfen (Authentifizierung)' } },
  { en: 'starttls', term: 'STARTTLS', de: 'STARTTLS', definition: { en: 'upgrade a plain stream to TLS', de: 'Aufstufung eines Klartext-Streams auf TLS' } },
  { en: 'traffic analysis', de: 'Verkehrsanalyse', definition: { en: 'inferring from metadata', de: 'Rückschlüsse aus Metadaten' } },
  { en: 'server dialback', de: 'Server-Dialback', definition: { en: 'DNS-based check of a server’s domain', de: 'DNS-basierte Prüfung der Domain eines Servers' } },
  { en: 'direct tls', term: 'direct TLS', de: 'Direct TLS', definition: { en: 'TLS from the first byte', de: 'TLS ab dem ersten Byte' } },
  { en: 'certificate', de: 'Zertifikat', definition: { en: 'a signed binding of a key to a name', de: 'signierte Bindung eines Schlüssels an einen Namen' } },
  { en: 'salt', de: 'Salt', definition: { en: 'random per-user value mixed in before hashing', de: 'zufälliger Wert pro Nutzer, der vor dem Hashen beigemischt wird' } },
  { en: 'iteration count', de: 'Iterationszahl', definition: { en: 'PBKDF2 work factor: how many rounds each guess costs', de: 'Arbeitsfaktor von PBKDF2: so viele Runden kostet jeder Rateversuch' } },
  { en: 'dictionary attack', de: 'Wörterbuchangriff', definition: { en: 'testing likely passwords one by one', de: 'wahrscheinliche Passwörter der Reihe nach durchprobieren' } },
  { en: 'channel binding', de: 'Kanalbindung', definition: { en: 'ties a login to its TLS channel', de: 'bindet die Anmeldung an den TLS-Kanal' } },
  // OTR (lessons 9–12)
  { en: 'off-the-record messaging', term: 'Off-the-Record Messaging', de: 'Off-the-Record Messaging', definition: { en: 'end-to-end encryption for two-party chat, with forward secrecy and deniability', de: 'Ende-zu-Ende-Verschlüsselung für Chats zu zweit, mit Forward Secrecy und Abstreitbarkeit' } },
  { en: 'key exchange', de: 'Schlüsselaustausch', definition: { en: 'two parties agree on a shared secret', de: 'zwei Parteien vereinbaren ein gemeinsames Geheimnis' } },
  { en: 'diffie-hellman key exchange', term: 'Diffie–Hellman key exchange', de: 'Diffie-Hellman-Schlüsselaustausch', definition: { en: 'key agreement via g^xy: each side sends g to its secret power', de: 'Schlüsselvereinbarung über g^xy: jede Seite schickt g hoch ihr Geheimnis' } },
  { en: 'authenticated key exchange', de: 'authentifizierter Schlüsselaustausch', definition: { en: 'a key exchange in which both sides also prove who they are', de: 'Schlüsselaustausch, bei dem beide Seiten auch nachweisen, wer sie sind' } },
  { en: 'ephemeral key', de: 'kurzlebiger Schlüssel', definition: { en: 'a key made for one session or one step, then forgotten', de: 'Schlüssel für eine Sitzung oder einen Schritt, danach vergessen' } },
  { en: 'long-term key', de: 'Langzeitschlüssel', definition: { en: 'a key that stands for an identity, kept for years', de: 'Schlüssel, der für eine Identität steht und jahrelang bleibt' } },
  { en: 'session key', de: 'Sitzungsschlüssel', definition: { en: 'a symmetric key derived for one session', de: 'symmetrischer Schlüssel, abgeleitet für eine Sitzung' } },
  { en: 'commitment', de: 'Commitment', definition: { en: 'binding oneself to a value now and revealing it later', de: 'Festlegung auf einen Wert, der erst später aufgedeckt wird' } },
  { en: 'digital signature', de: 'digitale Signatur', definition: { en: 'publicly verifiable proof of origin; cannot be denied', de: 'öffentlich prüfbarer Herkunftsnachweis; nicht abstreitbar' } },
  { en: 'message authentication code', de: 'Message Authentication Code', definition: { en: 'keyed integrity tag: whoever holds the key can make it', de: 'schlüsselabhängige Prüfsumme: wer den Schlüssel hat, kann sie erzeugen' } },
  { en: 'fingerprint', de: 'Fingerabdruck', definition: { en: 'a short hash of a public key, for comparing by eye', de: 'kurzer Hash eines öffentlichen Schlüssels zum Vergleichen' } },
  { en: 'secure session id', de: 'sichere Sitzungs-ID', definition: { en: 'OTR: 64 bits derived from the AKE secret, the same on both ends', de: 'OTR: 64 Bit aus dem AKE-Geheimnis, an beiden Enden gleich' } },
  { en: 'instance tag', de: 'Instance-Tag', definition: { en: 'OTR v3: a 32-bit identifier of one client', de: 'OTR v3: 32-Bit-Kennung eines Clients' } },
  { en: 'query message', de: 'Query-Nachricht', definition: { en: 'OTR: “?OTRv3?” asks the peer to start an OTR session', de: 'OTR: „?OTRv3?“ bittet die Gegenseite, OTR zu starten' } },
  { en: 'whitespace tag', de: 'Whitespace-Tag', definition: { en: 'OTR: invisible spaces and tabs saying “I can speak OTR”', de: 'OTR: unsichtbare Leerzeichen und Tabs: „Ich kann OTR“' } },
  { en: 'forward secrecy', de: 'Perfect Forward Secrecy', definition: { en: 'old messages stay secret even after keys are stolen', de: 'alte Nachrichten bleiben geheim, auch wenn Schlüssel gestohlen werden' } },
  { en: 'post-compromise security', de: 'Post-Compromise Security', definition: { en: 'security returns after a compromise, once keys are renewed', de: 'Sicherheit kehrt nach einer Kompromittierung zurück, sobald Schlüssel erneuert sind' } },
  { en: 'key rotation', de: 'Schlüsselwechsel', definition: { en: 'replacing keys during a conversation and forgetting the old ones', de: 'Schlüssel während des Gesprächs ersetzen und die alten vergessen' } },
  { en: 'deniability', de: 'Abstreitbarkeit', definition: { en: 'no proof of authorship that convinces a third party', de: 'kein Urheberbeweis, der Dritte überzeugt' } },
  { en: 'non-repudiation', de: 'Nichtabstreitbarkeit', definition: { en: 'the sender cannot deny having sent a message', de: 'der Absender kann nicht abstreiten, gesendet zu haben' } },
  { en: 'malleable encryption', de: 'formbare Verschlüsselung', definition: { en: 'ciphertext that can be edited with a predictable effect', de: 'Geheimtext lässt sich mit vorhersehbarer Wirkung verändern' } },
  { en: 'forgery', de: 'Fälschung', definition: { en: 'a message made by someone other than its claimed sender', de: 'Nachricht, die nicht vom angeblichen Absender stammt' } },
  { en: 'man-in-the-middle attack', de: 'Man-in-the-Middle-Angriff', definition: { en: 'an attacker relays between two parties and reads or alters', de: 'Angreifer schaltet sich zwischen zwei Parteien, liest mit oder ändert' } },
  { en: "socialist millionaires' protocol", term: "Socialist Millionaires' Protocol", de: "Socialist Millionaires' Protocol", definition: { en: 'tests whether two secrets are equal and reveals nothing more', de: 'prüft, ob zwei Geheimnisse gleich sind, und verrät sonst nichts' } },
  { en: 'zero-knowledge proof', de: 'Zero-Knowledge-Beweis', definition: { en: 'proves a claim without revealing anything else', de: 'beweist eine Aussage, ohne sonst etwas preiszugeben' } },
  { en: 'trust on first use', term: 'Trust on First Use', de: 'Trust on First Use', definition: { en: 'trust the first key you see for a contact', de: 'dem ersten gesehenen Schlüssel eines Kontakts vertrauen' } },
  // xmpp-history (lesson 3)
  { en: 'xep', term: 'XEP', de: 'XEP (XMPP Extension Protocol)', definition: { en: 'an extension specification of the XSF, numbered, with a type and a state', de: 'Erweiterungsspezifikation der XSF, nummeriert, mit Typ und Status' } },
  // presence-rosters (lesson 4)
  { en: 'presence subscription', de: 'Präsenzabonnement', definition: { en: 'permission to see presence', de: 'Erlaubnis, die Präsenz zu sehen' } },
  { en: 'roster push', de: 'Roster-Push', definition: { en: 'the server sends a changed roster item to each device', de: 'der Server schickt einen geänderten Roster-Eintrag an jedes Gerät' } },
  { en: 'presence probe', de: 'Presence-Probe', definition: { en: "a server's request for a contact's current presence", de: 'Anfrage eines Servers nach der aktuellen Präsenz eines Kontakts' } },
  { en: 'directed presence', de: 'gerichtete Präsenz', definition: { en: 'presence sent to one address without a subscription', de: 'Präsenz an eine einzelne Adresse, ohne Abonnement' } },
  { en: 'delayed delivery', de: 'verzögerte Zustellung', definition: { en: 'timestamp for stored stanzas', de: 'Zeitstempel gespeicherter Stanzas' } },
  // security-requirements (lesson 5)
  { en: 'confidentiality', de: 'Vertraulichkeit', definition: { en: 'only the intended parties can read it', de: 'nur die vorgesehenen Parteien können es lesen' } },
  { en: 'integrity', de: 'Integrität', definition: { en: 'a change on the way is detected', de: 'eine Veränderung unterwegs fällt auf' } },
  { en: 'authenticity', de: 'Authentizität', definition: { en: 'it really comes from whom it claims', de: 'es stammt wirklich vom angegebenen Absender' } },
  { en: 'authorization', de: 'Autorisierung', definition: { en: 'granting rights after authentication', de: 'Rechtevergabe nach der Authentifizierung' } },
  { en: 'data minimisation', de: 'Datenminimierung', definition: { en: 'collect and keep only what the service needs', de: 'nur erheben und speichern, was der Dienst braucht' } },
  { en: 'message carbons', term: 'Message Carbons', de: 'Message Carbons', definition: { en: 'XEP-0280: copies of a chat to all of the user’s own clients', de: 'XEP-0280: Kopien eines Chats an alle eigenen Clients' } },
  // summary (lesson 14)
  { en: 'data retention', de: 'Vorratsdatenspeicherung', definition: { en: 'mandated storage of traffic data without suspicion', de: 'verpflichtende, anlasslose Speicherung von Verkehrsdaten' } },
  { en: 'sealed sender', de: 'Sealed Sender', definition: { en: 'Signal: the sender is hidden from the server inside the encryption', de: 'Signal: der Absender steckt verschlüsselt in der Nachricht, der Server sieht ihn nicht' } },
  // otr-limits (lesson 13)
  { en: 'double ratchet', term: 'Double Ratchet', de: 'Double-Ratchet-Verfahren', definition: { en: 'a new key for every message, and new Diffie–Hellman keys with every reply', de: 'neuer Schlüssel für jede Nachricht und neue Diffie-Hellman-Schlüssel mit jeder Antwort' } },
  { en: 'prekey bundle', de: 'Prekey-Bundle', definition: { en: 'keys a device publishes so that others can start a session while it is offline', de: 'Schlüssel, die ein Gerät veröffentlicht, damit andere auch offline eine Sitzung beginnen können' } },
  { en: 'device list', de: 'Geräteliste', definition: { en: 'the OMEMO devices of a user, published on their server', de: 'die OMEMO-Geräte eines Nutzers, auf dessen Server veröffentlicht' } },
  // tls (lesson 6)
  { en: 'handshake', de: 'Handshake', definition: { en: 'TLS: agreeing on keys and parameters, with the server proving who it is', de: 'TLS: Aushandlung von Schlüsseln und Parametern, bei der sich der Server ausweist' } },
  { en: 'key share', de: 'Schlüsselanteil', definition: { en: 'TLS 1.3: the public half of a Diffie–Hellman exchange, sent in a hello', de: 'TLS 1.3: die öffentliche Hälfte eines Diffie-Hellman-Austauschs, im Hello verschickt' } },
  { en: 'server name indication', term: 'Server Name Indication', de: 'Server Name Indication (SNI)', definition: { en: 'the domain a TLS client asks for, sent in clear in its ClientHello', de: 'die Domain, die ein TLS-Client anfragt; steht im Klartext in seinem ClientHello' } },
  { en: 'cipher suite', de: 'Cipher-Suite', definition: { en: 'the combination of algorithms a TLS connection uses', de: 'die Algorithmenkombination einer TLS-Verbindung' } },
  { en: 'key derivation function', de: 'Schlüsselableitungsfunktion', definition: { en: 'derives keys from a secret, one per label', de: 'leitet aus einem Geheimnis Schlüssel ab, je einen pro Label' } },
  { en: 'key schedule', de: 'Key Schedule', definition: { en: 'TLS 1.3: how every secret and key is derived from the shared secret and the transcript', de: 'TLS 1.3: wie jedes Geheimnis und jeder Schlüssel aus dem gemeinsamen Geheimnis und dem Mitschnitt des Handshakes entsteht' } },
  { en: 'aead', term: 'AEAD', de: 'authentifizierte Verschlüsselung (AEAD)', definition: { en: 'encryption and an integrity tag in one step', de: 'Verschlüsselung und Integritätsschutz in einem Schritt' } },
  { en: 'tls record', term: 'TLS record', de: 'TLS-Record', definition: { en: 'one unit on the wire: type, length, and (encrypted) content', de: 'eine Einheit auf der Leitung: Typ, Länge und (verschlüsselter) Inhalt' } },
  // certificates (lesson 8)
  { en: 'certificate authority', de: 'Zertifizierungsstelle', definition: { en: 'an issuer whose signature on a certificate clients trust', de: 'Aussteller, dessen Signatur auf einem Zertifikat Clients vertrauen' } },
  { en: 'trust anchor', de: 'Vertrauensanker', definition: { en: 'a CA a client trusts from the start; every chain must end at one', de: 'eine CA, der ein Client von vornherein vertraut; jede Kette muss bei einer enden' } },
];

const byEnglish = new Map(glossaryEntries.map((e) => [e.en, e]));
const byGerman = new Map(glossaryEntries.map((e) => [e.de.toLowerCase(), e]));

/** The English term as a reader should see it. */
export const englishTerm = (e: GlossaryEntry): string => e.term ?? e.en;

/** Finds an entry by its English or German term (case-insensitive; a trailing plural "s" is tolerated). */
export function lookupTerm(term: string): GlossaryEntry | undefined {
  const k = term.trim().toLowerCase().replace(/\s+/g, ' ');
  return byEnglish.get(k) ?? byGerman.get(k) ?? byEnglish.get(k.replace(/s$/, '')) ?? byGerman.get(k.replace(/s$/, ''));
}
