/**
 * The topology: servers with their accounts, clients, the links between them with their latency, the
 * observers, and extra DNS records. Addresses come from the documentation ranges of RFC 5737.
 * @module
 */
import { boolean, integer, list, number, object, oneOf, optional, record, text, type Infer } from './dsl';
import { L } from './label';
import { observer } from './observers';
import { saslMechanism } from './actions';

const nodeId = (en: string, de: string) => text({ label: L('Id', 'Kennung'), description: L(en, de) }, { format: 'id' });
const ip = text({ label: L('IPv4 address', 'IPv4-Adresse'), description: L('From a documentation range (RFC 5737), shown in the TCP layer.', 'Aus einem Dokumentationsbereich (RFC 5737), gezeigt in der TCP-Schicht.') }, { format: 'ipv4' });
const password = text({ label: L('Password', 'Passwort') });

const account = object(
  { label: L('Account', 'Konto') },
  { user: text({ label: L('Username', 'Benutzername'), description: L('The localpart, as registered on the server.', 'Der Lokalteil, wie er auf dem Server registriert ist.') }, { format: 'localpart' }), password },
);

const server = object(
  { label: L('Server', 'Server') },
  {
    id: nodeId('Node id; by convention the server’s domain.', 'Knotenkennung; üblicherweise die Domain des Servers.'),
    domain: text({ label: L('Domain', 'Domain') }, { format: 'domain' }),
    ip,
    accounts: list({ label: L('Accounts', 'Konten') }, account),
    down: optional(boolean({ label: L('Switched off', 'Ausgeschaltet'), description: L('The server answers nothing (remote-server-timeout).', 'Der Server antwortet nicht (remote-server-timeout).'), default: false })),
    certificate: optional(
      oneOf(
        {
          label: L('TLS certificate', 'TLS-Zertifikat'),
          description: L(
            'What the server presents in the TLS handshake. valid: issued by the scenario’s lab CA for its domain; the others are made wrong on purpose, and a client refuses them.',
            'Was der Server im TLS-Handshake vorzeigt. gültig: von der Labor-CA des Szenarios für seine Domain ausgestellt; die anderen sind absichtlich falsch, und ein Client lehnt sie ab.',
          ),
        },
        ['valid', 'wrong-name', 'expired', 'unknown-ca'],
        {
          valid: L('valid', 'gültig'),
          'wrong-name': L('for another name', 'für einen anderen Namen'),
          expired: L('expired', 'abgelaufen'),
          'unknown-ca': L('from an unknown CA', 'von einer unbekannten CA'),
        },
      ),
    ),
  },
);

const client = object(
  { label: L('Client', 'Client') },
  {
    id: nodeId('Node id, e.g. alice.', 'Knotenkennung, etwa alice.'),
    jid: text({ label: L('Account (JID)', 'Konto (JID)'), description: L('The account’s bare JID, on its server’s domain.', 'Die reine JID des Kontos, auf der Domain seines Servers.') }, { format: 'bare-jid' }),
    password,
    server: text({ label: L('Server', 'Server'), description: L('Id of the server node this client connects to.', 'Kennung des Servers, mit dem sich dieser Client verbindet.'), ref: 'server' }),
    resource: optional(text({ label: L('Resource', 'Ressource'), description: L('Asked for when binding; absent: the server chooses.', 'Wird beim Binden erbeten; fehlt sie: der Server wählt.') }, { format: 'resource' })),
    ip,
    // The client's own TLS policy (RFC 6120 §13.8): what stops a STARTTLS-stripping attacker is the client, not the server.
    tlsPolicy: optional(
      oneOf(
        {
          label: L('TLS policy', 'TLS-Richtlinie'),
          description: L(
            'require: no TLS, no login (the default whenever the scenario uses TLS); lax: use TLS when the server offers it, otherwise log in without — what an attacker who removes the offer exploits.',
            'verlangen: ohne TLS keine Anmeldung (die Voreinstellung, sobald das Szenario TLS nutzt); nachlässig: TLS nutzen, wenn der Server es anbietet, sonst ohne anmelden – genau das nutzt ein Angreifer aus, der das Angebot entfernt.',
          ),
          default: 'require',
        },
        ['require', 'lax'],
        { require: L('Require TLS', 'TLS verlangen'), lax: L('Use TLS when offered', 'TLS nutzen, wenn angeboten') },
      ),
    ),
    mechanisms: optional(
      list(
        {
          label: L('SASL mechanisms it accepts', 'SASL-Mechanismen, die er akzeptiert'),
          description: L(
            'Absent: only the scenario’s SASL mechanism. A client that accepts several takes the strongest the server offers — and a weaker one if an attacker removes the strong ones from the offer.',
            'Fehlt die Liste: nur der SASL-Mechanismus des Szenarios. Ein Client, der mehrere akzeptiert, nimmt den stärksten, den der Server anbietet – und einen schwächeren, wenn ein Angreifer die starken aus dem Angebot entfernt.',
          ),
        },
        saslMechanism,
        1,
      ),
    ),
    certificateErrors: optional(
      oneOf(
        {
          label: L('Certificate warnings', 'Zertifikatswarnungen'),
          description: L(
            'refuse: a certificate that does not check out ends the connection (the default); override: the user clicks “connect anyway”, and the client trusts whoever answered.',
            'ablehnen: ein Zertifikat, das die Prüfung nicht besteht, beendet die Verbindung (die Voreinstellung); übergehen: der Nutzer klickt „trotzdem verbinden“, und der Client vertraut dem, der geantwortet hat.',
          ),
          default: 'refuse',
        },
        ['refuse', 'override'],
        { refuse: L('Refuse the connection', 'Verbindung ablehnen'), override: L('User overrides the warning', 'Nutzer übergeht die Warnung') },
      ),
    ),
  },
);

const link = object(
  { label: L('Link', 'Leitung') },
  {
    id: nodeId('By convention the two ends joined by ~ (alice~a.example).', 'Üblicherweise die beiden Enden, mit ~ verbunden (alice~a.example).'),
    a: text({ label: L('End A', 'Ende A'), ref: 'node' }),
    b: text({ label: L('End B', 'Ende B'), ref: 'node' }),
    latencyMs: number({ label: L('Latency (ms)', 'Latenz (ms)'), description: L('One-way, in virtual milliseconds.', 'In eine Richtung, in virtuellen Millisekunden.') }, 0, 60_000),
  },
);

const port = (en: string, de: string) => integer({ label: L(en, de) }, 0, 65535);

/** A DNS SRV record (RFC 2782): `_xmpp-server._tcp.b.example. SRV 0 5 5269 xmpp.b.example.` */
const srvRecord = object(
  { label: L('SRV record', 'SRV-Eintrag') },
  {
    name: text({ label: L('Name', 'Name') }, { format: 'srv-name' }),
    priority: port('Priority', 'Priorität'),
    weight: port('Weight', 'Gewicht'),
    port: integer({ label: L('Port', 'Port') }, 1, 65535),
    target: text({ label: L('Target host', 'Zielhost'), description: L('Resolved with an A record.', 'Wird über einen A-Eintrag aufgelöst.') }, { format: 'host' }),
  },
);

/** A DNS A record: a host name and its IPv4 address. */
const aRecord = object({ label: L('A record', 'A-Eintrag') }, { name: text({ label: L('Host name', 'Hostname') }, { format: 'host' }), ip });

/**
 * The simulated DNS (RFC 6120 §3.2): every server's own domain has an implicit A record for its IP;
 * these records come on top.
 */
const dnsZone = object(
  { label: L('DNS records', 'DNS-Einträge') },
  { srv: list({ label: L('SRV records', 'SRV-Einträge') }, srvRecord), a: list({ label: L('A records', 'A-Einträge') }, aRecord) },
);

/** An active box on a link: an attacker, a NAT (lib/sim/middlebox.ts). */
const middlebox = object(
  { label: L('Middlebox', 'Middlebox'), description: L('An active box on a link that may rewrite, drop, delay or inject packets.', 'Ein aktiver Kasten auf einer Leitung, der Pakete umschreiben, verwerfen, verzögern oder einschleusen kann.') },
  {
    id: nodeId('Node id, e.g. nat or mallory.', 'Knotenkennung, etwa nat oder mallory.'),
    machine: text({ label: L('Machine', 'Maschine'), description: L('The machine that runs it, by name (nat, strip-starttls …).', 'Die Maschine, die ihn betreibt, beim Namen (nat, strip-starttls …).') }),
    link: text({ label: L('Link', 'Leitung'), description: L('The link it sits on; boxes on one link are met in list order from the link’s end A to B.', 'Die Leitung, auf der er sitzt; Kästen auf einer Leitung werden in Listenreihenfolge von Ende A nach B durchlaufen.'), ref: 'link' }),
    config: optional(record({ label: L('Configuration', 'Konfiguration'), description: L('Settings for its machine.', 'Einstellungen für seine Maschine.') })),
  },
);

export const topology = object(
  { label: L('Topology', 'Topologie') },
  {
    servers: list({ label: L('Servers', 'Server') }, server, 1),
    clients: list({ label: L('Clients', 'Clients') }, client),
    links: list({ label: L('Links', 'Leitungen') }, link),
    observers: list({ label: L('Observers', 'Beobachter'), description: L('Taps, thieves, forgers and men in the middle.', 'Lauscher, Diebe, Fälscher und Men-in-the-Middle.') }, observer),
    dns: optional(dnsZone),
    middleboxes: optional(list({ label: L('Middleboxes', 'Middleboxen') }, middlebox)),
  },
);

export type Account = Infer<typeof account>;
export type ServerSpec = Infer<typeof server>;
export type ClientSpec = Infer<typeof client>;
export type LinkSpec = Infer<typeof link>;
export type SrvRecord = Infer<typeof srvRecord>;
export type ARecord = Infer<typeof aRecord>;
export type DnsZone = Infer<typeof dnsZone>;
export type MiddleboxSpec = Infer<typeof middlebox>;
export type Topology = Infer<typeof topology>;
