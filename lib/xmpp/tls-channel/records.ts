/**
 * The dissection of TLS records as this end wrote them, for the trace's layers: which record carries
 * which handshake message, alert or application data. What anyone on the link can read is the record
 * header (type, version, length) and, in clear, ClientHello and ServerHello — with the server name the
 * client asked for (RFC 6066 server_name is not encrypted in TLS 1.3). A protected record's outer type
 * is always application_data (RFC 8446 §5.2); what is inside — EncryptedExtensions, Certificate,
 * CertificateVerify, Finished, an alert or XML — is a layer that names the key needed to open it.
 * @module
 */
import type { Layer } from '../../sim/types';
import type { HandshakeMessage } from '../../tls/handshake-codec';
import type { TlsEvent } from '../../tls/state';
import { commonName, decodeCertificate } from '../../x509/certificate';

/** RFC 8446 §5.1 record header length, and the AEAD tag + inner content type a protected record adds (§5.2). */
const RECORD_HEADER = 5;
const PROTECTION_OVERHEAD = 17;

const NAMES: Record<string, string> = {
  client_hello: 'ClientHello',
  server_hello: 'ServerHello',
  encrypted_extensions: 'EncryptedExtensions',
  certificate: 'Certificate',
  certificate_request: 'CertificateRequest',
  certificate_verify: 'CertificateVerify',
  finished: 'Finished',
  new_session_ticket: 'NewSessionTicket',
  key_update: 'KeyUpdate',
};

/** `client_hello` → `ClientHello`, as RFC 8446's prose names the messages. */
const messageName = (m: HandshakeMessage): string => NAMES[m.type] ?? m.type;

/** What a handshake message says that a student should see at a glance (never a secret). */
function detail(m: HandshakeMessage, serverName: string | null): string {
  switch (m.type) {
    case 'client_hello':
      return ` (${serverName !== null ? `server_name ${serverName}, ` : ''}X25519 key share, TLS_AES_128_GCM_SHA256)`;
    case 'server_hello':
      return ' (X25519 key share, TLS_AES_128_GCM_SHA256)';
    case 'certificate': {
      const leaf = m.certificateList[0] ? decodeCertificate(m.certificateList[0].certData) : null;
      if (!leaf?.ok) return '';
      return ` (${commonName(leaf.cert.subject) ?? '?'}, issued by ${commonName(leaf.cert.issuer) ?? '?'})`;
    }
    case 'certificate_verify':
      return m.algorithm === 0x0807 ? ' (Ed25519 signature)' : m.algorithm === 0x0403 ? ' (ECDSA P-256 signature)' : '';
    default:
      return '';
  }
}

export interface DissectedRecords {
  data: Uint8Array;
  /** TLS layers, offsets within `data` (no TCP layer: the sender adds it). */
  layers: Layer[];
  /** Byte ranges of the application-data records' content within `data`, in order. */
  appData: { start: number; length: number }[];
}

/**
 * Records in the order written, with the events of the same step (the handshake messages and alerts
 * this end sent, in order). A protected record carries the handshake messages that fill its content
 * length, else the next alert, else application data.
 */
export function dissect(records: readonly Uint8Array[], events: readonly TlsEvent[], keyName: string, serverName: string | null): DissectedRecords {
  const messages = events.flatMap((e) => (e.type === 'handshake' && e.direction === 'sent' ? [e] : []));
  const alerts = events.flatMap((e) => (e.type === 'alert' && e.sent ? [e.alert.name] : []));
  const layers: Layer[] = [];
  const appData: DissectedRecords['appData'] = [];
  const data = new Uint8Array(records.reduce((n, r) => n + r.length, 0));
  let at = 0;
  /** Messages whose bytes fill `length` octets, taken from the front of the queue. */
  const take = (length: number): typeof messages => {
    const got: typeof messages = [];
    let n = 0;
    while (messages.length > 0 && n + messages[0]!.bytes.length <= length) {
      n += messages[0]!.bytes.length;
      got.push(messages.shift()!);
    }
    return got;
  };
  for (const rec of records) {
    data.set(rec, at);
    const type = rec[0]!;
    const length = rec.length - RECORD_HEADER;
    const end = at + rec.length;
    if (type === 22) {
      const got = take(length);
      const names = got.map((m) => messageName(m.message) + detail(m.message, serverName)).join(' + ');
      layers.push({ layer: 'tls', start: at, end, label: `TLS record: handshake, ${names || `${length} bytes`}` });
    } else if (type === 21) {
      layers.push({ layer: 'tls', start: at, end, label: `TLS record: alert, ${alerts.shift() ?? 'unknown'}` });
    } else if (type === 23) {
      layers.push({ layer: 'tls', start: at, end, label: `TLS record: application_data, ${length} bytes`, key: keyName });
      const inner = length - PROTECTION_OVERHEAD;
      const got = take(inner);
      let o = at + RECORD_HEADER;
      if (got.length > 0) {
        for (const m of got) {
          layers.push({ layer: 'tls', start: o, end: o + m.bytes.length, label: `TLS handshake: ${messageName(m.message)}${detail(m.message, serverName)}`, key: keyName });
          o += m.bytes.length;
        }
      } else if (alerts.length > 0 && inner === 2) {
        layers.push({ layer: 'tls', start: o, end: o + 2, label: `TLS alert: ${alerts.shift()!}`, key: keyName });
      } else appData.push({ start: o, length: inner });
    } else {
      layers.push({ layer: 'tls', start: at, end, label: `TLS record: type ${type}, ${length} bytes` });
    }
    at = end;
  }
  return { data, layers, appData };
}
