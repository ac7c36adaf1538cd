/**
 * The course glossary (from /work/shared/FACTS.md §11): the same term for the same thing everywhere.
 * Keyed by the English term, lowercase. `<Term>` shows the translation and, on focus or hover, the definition.
 * @module
 */
import type { Locale } from '../../_i18n/locales';

export interface GlossaryEntry {
  en: string;
  de: string;
  definition: Record<Locale, string>;
}

const entries: GlossaryEntry[] = [
  { en: 'instant messaging', de: 'Instant Messaging', definition: { en: 'near-real-time text exchange', de: 'Nachrichtenaustausch nahezu in Echtzeit' } },
  { en: 'federation', de: 'Föderation', definition: { en: 'independent servers interconnect', de: 'unabhängige Server tauschen Nachrichten aus' } },
  { en: 'centralised service', de: 'zentralisierter Dienst', definition: { en: 'one operator runs all servers', de: 'ein Betreiber kontrolliert alle Server' } },
  { en: 'client-to-server', de: 'Client-zu-Server', definition: { en: 'link from a client to its server', de: 'Verbindung zwischen Client und eigenem Server' } },
  { en: 'server-to-server', de: 'Server-zu-Server', definition: { en: "link between two domains' servers", de: 'Verbindung zwischen den Servern zweier Domains' } },
  { en: 'jabber id', de: 'Jabber-ID', definition: { en: 'address localpart@domain/resource', de: 'Adresse lokalteil@domain/ressource' } },
  { en: 'bare jid', de: 'bare JID', definition: { en: 'a JID without resource: localpart@domain', de: 'JID ohne Ressource: lokalteil@domain' } },
  { en: 'full jid', de: 'full JID', definition: { en: 'a JID with resource: localpart@domain/resource', de: 'JID mit Ressource: lokalteil@domain/ressource' } },
  { en: 'resource', de: 'Ressource', definition: { en: 'identifies one client session', de: 'kennzeichnet eine Client-Sitzung' } },
  { en: 'resource binding', de: 'Ressourcenbindung', definition: { en: 'the server assigns a resource after SASL', de: 'der Server vergibt die Ressource nach SASL' } },
  { en: 'xml stream', de: 'XML-Stream', definition: { en: 'one-way XML container on TCP', de: 'gerichteter XML-Container über TCP' } },
  { en: 'stream features', de: 'Stream-Features', definition: { en: 'what must or can be negotiated next', de: 'was als Nächstes auszuhandeln ist' } },
  { en: 'stanza', de: 'Stanza', definition: { en: 'a message, presence or iq element', de: 'ein message-, presence- oder iq-Element' } },
  { en: 'presence', de: 'Präsenz', definition: { en: 'availability status', de: 'Online- bzw. Verfügbarkeitsstatus' } },
  { en: 'roster', de: 'Roster', definition: { en: 'server-stored contact list', de: 'serverseitige Kontaktliste' } },
  { en: 'offline storage', de: 'Offline-Speicherung', definition: { en: 'the server holds a message until login', de: 'der Server hält eine Nachricht bis zur Anmeldung' } },
  { en: 'metadata', de: 'Metadaten', definition: { en: 'who, when, where, how often', de: 'wer, wann, wo, wie oft' } },
  { en: 'hop-by-hop encryption', de: 'Transportverschlüsselung', definition: { en: 'each link encrypted, relays see plaintext', de: 'je Teilstrecke verschlüsselt; Zwischenstationen sehen Klartext' } },
  { en: 'end-to-end encryption', de: 'Ende-zu-Ende-Verschlüsselung', definition: { en: 'only the endpoints can decrypt', de: 'nur die Endpunkte können entschlüsseln' } },
  { en: 'sasl mechanism', de: 'SASL-Mechanismus', definition: { en: 'a pluggable login method', de: 'austauschbares Anmeldeverfahren' } },
  { en: 'authentication', de: 'Authentifizierung', definition: { en: 'proving and verifying identity', de: 'Identität nachweisen (Authentisierung) und prüfen (Authentifizierung)' } },
  { en: 'starttls', de: 'STARTTLS', definition: { en: 'upgrade a plain stream to TLS', de: 'Aufstufung eines Klartext-Streams auf TLS' } },
  { en: 'traffic analysis', de: 'Verkehrsanalyse', definition: { en: 'inferring from metadata', de: 'Rückschlüsse aus Metadaten' } },
  { en: 'server dialback', de: 'Server-Dialback', definition: { en: 'DNS-based check of a server’s domain', de: 'DNS-basierte Prüfung der Domain eines Servers' } },
  { en: 'direct tls', de: 'Direct TLS', definition: { en: 'TLS from the first byte', de: 'TLS ab dem ersten Byte' } },
  { en: 'certificate', de: 'Zertifikat', definition: { en: 'a signed binding of a key to a name', de: 'signierte Bindung eines Schlüssels an einen Namen' } },
  { en: 'salt', de: 'Salt', definition: { en: 'random per-user value mixed in before hashing', de: 'zufälliger Wert pro Nutzer, der vor dem Hashen beigemischt wird' } },
  { en: 'iteration count', de: 'Iterationszahl', definition: { en: 'PBKDF2 work factor: how many rounds each guess costs', de: 'Arbeitsfaktor von PBKDF2: so viele Runden kostet jeder Rateversuch' } },
  { en: 'dictionary attack', de: 'Wörterbuchangriff', definition: { en: 'testing likely passwords one by one', de: 'wahrscheinliche Passwörter der Reihe nach durchprobieren' } },
  { en: 'channel binding', de: 'Kanalbindung', definition: { en: 'ties a login to its TLS channel', de: 'bindet die Anmeldung an den TLS-Kanal' } },
];

const byEnglish = new Map(entries.map((e) => [e.en, e]));
const byGerman = new Map(entries.map((e) => [e.de.toLowerCase(), e]));

/** Finds an entry by its English or German term (case-insensitive; a trailing plural "s" is tolerated). */
export function lookupTerm(term: string): GlossaryEntry | undefined {
  const k = term.trim().toLowerCase().replace(/\s+/g, ' ');
  return byEnglish.get(k) ?? byGerman.get(k) ?? byEnglish.get(k.replace(/s$/, '')) ?? byGerman.get(k.replace(/s$/, ''));
}
