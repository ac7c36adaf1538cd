/**
 * The scenario's settings: transport security, SASL, and the servers' limits. Defaults stated here
 * are the engine's own (lib/xmpp/server/state.ts, lib/xmpp/stream/client.ts) so an editor can show them.
 * @module
 */
import { boolean, integer, list, object, oneOf, optional, type Infer } from './dsl';
import { saslMechanism } from './actions';
import { L } from './label';

export const settings = object(
  { label: L('Settings', 'Einstellungen') },
  {
    tls: oneOf(
      {
        label: L('Transport security', 'Transportsicherheit'),
        description: L(
          'RFC 6120 §5: none = no STARTTLS offered; starttls = offered and used by the clients; required = offered with <required/>. TLS 1.3 as RFC 8446 specifies it (lib/tls), certificates from the scenario’s lab CA.',
          'RFC 6120 §5: none = kein STARTTLS angeboten; starttls = angeboten und von den Clients genutzt; required = mit <required/> angeboten. TLS 1.3 nach RFC 8446 (lib/tls), Zertifikate von der Labor-CA des Szenarios.',
        ),
      },
      ['none', 'starttls', 'required'],
      { none: L('No TLS', 'Ohne TLS'), starttls: L('STARTTLS offered and used', 'STARTTLS angeboten und genutzt'), required: L('STARTTLS required', 'STARTTLS verlangt') },
    ),
    s2sTls: optional(
      oneOf(
        {
          label: L('Transport security between servers', 'Transportsicherheit zwischen Servern'),
          description: L(
            'The same choice for server-to-server streams (RFC 6120 §5); absent: as for the clients’ streams.',
            'Dieselbe Wahl für Server-zu-Server-Streams (RFC 6120 §5); fehlt sie: wie bei den Streams der Clients.',
          ),
        },
        ['none', 'starttls', 'required'],
        { none: L('No TLS', 'Ohne TLS'), starttls: L('STARTTLS offered and used', 'STARTTLS angeboten und genutzt'), required: L('STARTTLS required', 'STARTTLS verlangt') },
      ),
    ),
    sasl: { ...saslMechanism, meta: { ...saslMechanism.meta, label: L('SASL mechanism of the clients', 'SASL-Mechanismus der Clients') } },
    serverMechanisms: optional(
      list(
        { label: L('Mechanisms the servers offer', 'Mechanismen, die die Server anbieten'), default: ['SCRAM-SHA-256', 'SCRAM-SHA-1', 'PLAIN'] },
        saslMechanism,
        1,
      ),
    ),
    allowPlainWithoutTls: optional(
      boolean({
        label: L('PLAIN without TLS', 'PLAIN ohne TLS'),
        description: L('Teaching the anti-pattern: offer and send PLAIN on a stream without TLS (RFC 6120 §13.8 forbids it).', 'Das Gegenbeispiel zeigen: PLAIN auf einem Stream ohne TLS anbieten und senden (RFC 6120 §13.8 verbietet es).'),
        default: false,
      }),
    ),
    // RFC 7677 §4: at least 4096 iterations; clients refuse fewer. Above 100 000 a page would stall.
    scramIterations: optional(integer({ label: L('SCRAM iterations', 'SCRAM-Iterationen'), description: L('Iteration count the servers store (RFC 7677 minimum: 4096).', 'Iterationszahl, die die Server speichern (Minimum nach RFC 7677: 4096).'), default: 4096 }, 4096, 100_000)),
    maxAuthAttempts: optional(
      integer({ label: L('Login attempts per stream', 'Anmeldeversuche je Stream'), description: L('Failed SASL attempts before <policy-violation/> (RFC 6120 §6.4.5).', 'Fehlgeschlagene SASL-Versuche vor <policy-violation/> (RFC 6120 §6.4.5).'), default: 3 }, 1, 10),
    ),
    offlineLimit: optional(
      integer({ label: L('Offline messages per account', 'Offline-Nachrichten je Konto'), description: L('Messages a server stores for an offline account (XEP-0160); beyond that: service-unavailable.', 'Nachrichten, die ein Server für ein Konto ohne Verbindung speichert (XEP-0160); darüber hinaus: service-unavailable.'), default: 50 }, 0, 1000),
    ),
  },
);

export type Settings = Infer<typeof settings>;
