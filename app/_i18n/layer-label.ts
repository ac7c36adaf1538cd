/**
 * A recorded layer's label (`Layer.label`, made in lib/ in English, the language of the specs) in the
 * page's language. lib/ stays free of UI language; here each layer type has the few shapes its label
 * takes, and German words replace the English ones around the protocol's own names and values (SCRAM
 * attributes, `g^x`, `?OTRv23?`, cipher names stay as the specs write them). A label of an unknown shape
 * is shown as it is: still correct, just English.
 * @module
 */
import type { Layer } from '../../lib/sim/types';
import type { Locale } from './locales';

type Rule = readonly [RegExp, string];

/** German for every label shape the engine makes, by layer type. Applied in order, each at most once. */
const DE: Partial<Record<Layer['layer'], readonly Rule[]>> = {
  tls: [
    [/X25519 key share/, 'X25519-Schlüsselanteil'],
    [/^TLS record: handshake, /, 'TLS-Record: Handshake, '],
    [/^TLS record: application_data, (\d+) bytes/, 'TLS-Record: application_data, $1 Bytes'],
    [/^TLS record: alert, /, 'TLS-Record: Alert, '],
    [/^TLS record: type (\d+), (\d+) bytes/, 'TLS-Record: Typ $1, $2 Bytes'],
    [/^TLS handshake: (\w+) \((.+), issued by (.+)\)$/, 'TLS-Handshake: $1 ($2, ausgestellt von $3)'],
    [/ \((Ed25519|ECDSA P-256) signature\)$/, ' ($1-Signatur)'],
    [/^TLS handshake: /, 'TLS-Handshake: '],
    [/^TLS alert: /, 'TLS-Alert: '],
  ],
  sasl: [[/^SASL PLAIN: (.+) \+ password$/, 'SASL PLAIN: $1 + Passwort']],
  otr: [
    [/^OTR Query Message (“[^”]*”) \(offers versions (\d+) and (\d+)\) and a line for clients without OTR/, 'OTR-Query-Nachricht $1 (bietet die Versionen $2 und $3 an) und eine Zeile für Clients ohne OTR'],
    [/^OTR D-H Commit \(AKE (\d\/\d)\): (\S+) and (\S+)/, 'OTR D-H Commit (AKE $1): $2 und $3'],
    [/^OTR D-H Key \(AKE (\d\/\d)\): g\^y in the clear/, 'OTR D-H Key (AKE $1): g^y im Klartext'],
    [
      /^OTR Reveal Signature \(AKE (\d\/\d)\): r, then pub key, keyid and signature encrypted under (\S+), MAC under (\S+?)(?=;|$)/,
      'OTR Reveal Signature (AKE $1): r, dann öffentlicher Schlüssel, Schlüssel-ID und Signatur, verschlüsselt mit $2, MAC mit $3',
    ],
    [
      /^OTR Signature \(AKE (\d\/\d)\): pub key, keyid and signature encrypted under (\S+), MAC under (\S+?)(?=;|$)/,
      'OTR Signature (AKE $1): öffentlicher Schlüssel, Schlüssel-ID und Signatur, verschlüsselt mit $2, MAC mit $3',
    ],
    [/^OTR data message, keys (\d+\/\d+), counter (\d+)/, 'OTR-Datennachricht, Schlüssel $1, Zähler $2'],
    [/, reveals 1 old MAC key/, ', legt 1 alten MAC-Schlüssel offen'],
    [/, reveals (\d+) old MAC keys/, ', legt $1 alte MAC-Schlüssel offen'],
    [/; made by the operator of (\S+)$/, '; erzeugt vom Betreiber von $1'],
    [/; passed on unchanged by the operator of (\S+)$/, '; vom Betreiber von $1 unverändert weitergereicht'],
  ],
};

/** The label of `layer` for a reader of `locale`. */
export function layerLabel(locale: Locale, layer: Pick<Layer, 'layer' | 'label'>): string {
  if (locale !== 'de') return layer.label;
  let text = layer.label;
  for (const [re, to] of DE[layer.layer] ?? []) text = text.replace(re, to);
  return text;
}
