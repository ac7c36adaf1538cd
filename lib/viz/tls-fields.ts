/**
 * One TLS 1.3 handshake message (RFC 8446 §4) laid out field by field for the Handshake view: every byte
 * belongs to exactly one field (offset, length, the value as shown), fields sit in groups (an extension, a
 * certificate entry, the X.509 certificate inside it). Values come from lib/tls's codec and lib/x509's
 * decoder; offsets follow from the decoded lengths (§3 "Presentation Language": each vector is its length
 * prefix, then its bytes). Where an extension's decoded value does not re-encode to the same bytes, it is
 * shown as one opaque field rather than guessed at — this module never parses bytes itself.
 * Field names and meanings in English and German live in app/_i18n/tls-fields.ts, keyed by `FieldKind`.
 * @module
 */
import { toHex } from '../bytes/hex';
import { ExtensionType, HandshakeType } from '../tls/constants';
import {
  keyShareClient,
  keyShareServer,
  readKeyShareClient,
  readKeyShareServer,
  readServerName,
  readSignatureAlgorithms,
  readSupportedGroups,
  readSupportedVersionsClient,
  readSupportedVersionsServer,
  serverName,
  signatureAlgorithms,
  supportedGroups,
  supportedVersionsClient,
  supportedVersionsServer,
  type Extension,
} from '../tls/extensions';
import { decodeHandshake, encodeHandshake, type HandshakeMessage } from '../tls/handshake-codec';
import { decodeCertificate, commonName, type Certificate } from '../x509/certificate';
import { readOne, Reader as DerReader, Tag, ctxTag, type Tlv } from '../x509/der';

/** Every kind of field the view names; app/_i18n/tls-fields.ts has a name and a meaning for each, EN and DE. */
export const FIELD_KINDS = [
  'msg_type',
  'length',
  'legacy_version',
  'random',
  'session_id_length',
  'session_id',
  'session_id_echo',
  'cipher_suites_length',
  'cipher_suite',
  'selected_cipher_suite',
  'compression_methods_length',
  'compression_method',
  'extensions_length',
  'extension_type',
  'extension_length',
  'extension_data',
  'server_name_list_length',
  'server_name_type',
  'server_name_length',
  'server_name',
  'versions_length',
  'version',
  'selected_version',
  'groups_length',
  'group',
  'signature_algorithms_length',
  'signature_algorithm',
  'client_shares_length',
  'key_share_group',
  'key_exchange_length',
  'key_exchange',
  'request_context_length',
  'request_context',
  'certificate_list_length',
  'cert_data_length',
  'cert_sequence',
  'tbs_sequence',
  'x509_version',
  'x509_serial',
  'x509_signature_inner',
  'x509_issuer',
  'x509_validity',
  'x509_subject',
  'x509_public_key',
  'x509_unique_id',
  'x509_extensions',
  'x509_signature_algorithm',
  'x509_signature',
  'cert_der',
  'verify_algorithm',
  'signature_length',
  'signature',
  'verify_data',
  'body',
  'record_type',
  'record_version',
  'record_length',
  'encrypted_record',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Containers of fields; named in app/_i18n/tls-fields.ts too. */
export const GROUP_KINDS = ['header', 'cipher_suites', 'extensions', 'extension', 'certificate_list', 'certificate_entry', 'x509', 'tbs'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface HsField {
  kind: FieldKind;
  /** offset within the message (the 4-octet handshake header included) */
  start: number;
  end: number;
  /** the value as shown: a number with its RFC name, text, or hex */
  value: string;
  /** index into `groups` of the innermost group holding it, -1 for none */
  group: number;
}
export interface HsGroup {
  kind: GroupKind;
  start: number;
  end: number;
  /** what this one is (an extension's name), '' when the kind says it all */
  detail: string;
  /** the enclosing group, -1 for none */
  parent: number;
}
export interface FieldLayout {
  fields: HsField[];
  groups: HsGroup[];
}

// ------------------------------------------------------------ names of code points (the RFC's own words)

const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;
const named = (names: Record<number, string>, n: number) => `${hex4(n)} ${names[n] ?? '(unknown)'}`;

const HANDSHAKE_NAMES: Record<number, string> = Object.fromEntries(Object.entries(HandshakeType).map(([k, v]) => [v, k]));
const EXTENSION_NAMES: Record<number, string> = {
  ...Object.fromEntries(Object.entries(ExtensionType).map(([k, v]) => [v, k])),
  16: 'application_layer_protocol_negotiation',
  23: 'extended_master_secret',
  65281: 'renegotiation_info',
};
const SUITES: Record<number, string> = { 0x1301: 'TLS_AES_128_GCM_SHA256', 0x1302: 'TLS_AES_256_GCM_SHA384', 0x1303: 'TLS_CHACHA20_POLY1305_SHA256' };
const GROUPS: Record<number, string> = { 0x001d: 'x25519', 0x0017: 'secp256r1', 0x0018: 'secp384r1', 0x001e: 'x448' };
const SCHEMES: Record<number, string> = {
  0x0403: 'ecdsa_secp256r1_sha256',
  0x0503: 'ecdsa_secp384r1_sha384',
  0x0807: 'ed25519',
  0x0804: 'rsa_pss_rsae_sha256',
  0x0805: 'rsa_pss_rsae_sha384',
  0x0401: 'rsa_pkcs1_sha256',
};
const VERSIONS: Record<number, string> = { 0x0304: 'TLS 1.3', 0x0303: 'TLS 1.2', 0x0302: 'TLS 1.1', 0x0301: 'TLS 1.0' };

const ALGORITHMS: Record<string, string> = { '1.3.101.112': 'Ed25519', '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256' };
const algorithm = (oid: string) => (ALGORITHMS[oid] ? `${ALGORITHMS[oid]} (${oid})` : oid);

/** ISO date and time (UTC) of a certificate time, minutes precision. */
const isoMinute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

// ------------------------------------------------------------ the layout builder

class Layout {
  readonly fields: HsField[] = [];
  readonly groups: HsGroup[] = [];
  at = 0;
  private stack: number[] = [];
  private get top() {
    return this.stack.at(-1) ?? -1;
  }
  field(kind: FieldKind, length: number, value: string): void {
    if (length === 0) return;
    this.fields.push({ kind, start: this.at, end: this.at + length, value, group: this.top });
    this.at += length;
  }
  open(kind: GroupKind, length: number, detail = ''): void {
    this.groups.push({ kind, start: this.at, end: this.at + length, detail, parent: this.top });
    this.stack.push(this.groups.length - 1);
  }
  close(): void {
    const g = this.groups[this.stack.pop()!]!;
    // Our own arithmetic, not the peer's bytes: a mismatch is a bug here.
    if (g.end !== this.at) throw new Error(`viz/tls-fields: group ${g.kind} ends at ${this.at}, expected ${g.end}`);
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const count = (n: number, unit: string) => `${n} ${unit}`;

/** A list of u16 code points behind a length prefix of `width` octets. */
function u16List(l: Layout, lengthKind: FieldKind, itemKind: FieldKind, width: 1 | 2, items: readonly number[], names: Record<number, string>): void {
  l.field(lengthKind, width, count(items.length * 2, 'bytes'));
  for (const v of items) l.field(itemKind, 2, named(names, v));
}

/** The body of one extension, when its decoded value re-encodes to exactly its bytes; else null. */
function extensionBody(ext: Extension, where: 'client_hello' | 'server_hello' | 'encrypted_extensions'): ((l: Layout) => void) | null {
  const d = ext.data;
  const tryRead = <T>(read: () => T, encode: (v: T) => Uint8Array, lay: (l: Layout, v: T) => void) => {
    try {
      const v = read();
      return sameBytes(encode(v), d) ? (l: Layout) => lay(l, v) : null;
    } catch {
      return null; // not the shape we know: shown opaque
    }
  };
  switch (ext.type) {
    case ExtensionType.server_name:
      if (d.length === 0) return () => {}; // the server's acknowledgement (RFC 6066 §3)
      return tryRead(
        () => readServerName(d),
        (host) => (host === null ? new Uint8Array(0) : serverName(host).data),
        (l, host) => {
          const n = new TextEncoder().encode(host ?? '').length;
          l.field('server_name_list_length', 2, count(n + 3, 'bytes'));
          l.field('server_name_type', 1, '0 host_name');
          l.field('server_name_length', 2, count(n, 'bytes'));
          l.field('server_name', n, host ?? '');
        },
      );
    case ExtensionType.supported_versions:
      if (where === 'client_hello')
        return tryRead(() => readSupportedVersionsClient(d), (v) => supportedVersionsClient(v).data, (l, v) => u16List(l, 'versions_length', 'version', 1, v, VERSIONS));
      return tryRead(() => readSupportedVersionsServer(d), (v) => supportedVersionsServer(v).data, (l, v) => l.field('selected_version', 2, named(VERSIONS, v)));
    case ExtensionType.supported_groups:
      return tryRead(() => readSupportedGroups(d), (v) => supportedGroups(v).data, (l, v) => u16List(l, 'groups_length', 'group', 2, v, GROUPS));
    case ExtensionType.signature_algorithms:
      return tryRead(() => readSignatureAlgorithms(d), (v) => signatureAlgorithms(v).data, (l, v) => u16List(l, 'signature_algorithms_length', 'signature_algorithm', 2, v, SCHEMES));
    case ExtensionType.key_share: {
      const entry = (l: Layout, e: { group: number; keyExchange: Uint8Array }) => {
        l.field('key_share_group', 2, named(GROUPS, e.group));
        l.field('key_exchange_length', 2, count(e.keyExchange.length, 'bytes'));
        l.field('key_exchange', e.keyExchange.length, toHex(e.keyExchange));
      };
      if (where === 'client_hello')
        return tryRead(
          () => readKeyShareClient(d),
          (v) => keyShareClient(v).data,
          (l, v) => {
            l.field('client_shares_length', 2, count(d.length - 2, 'bytes'));
            for (const e of v) entry(l, e);
          },
        );
      return tryRead(() => readKeyShareServer(d), (v) => keyShareServer(v).data, entry);
    }
    default:
      return null;
  }
}

function extensions(l: Layout, exts: readonly Extension[], where: 'client_hello' | 'server_hello' | 'encrypted_extensions'): void {
  const total = exts.reduce((n, e) => n + 4 + e.data.length, 0);
  l.field('extensions_length', 2, count(total, 'bytes'));
  l.open('extensions', total);
  for (const e of exts) {
    const name = EXTENSION_NAMES[e.type] ?? `${e.type}`;
    l.open('extension', 4 + e.data.length, name);
    l.field('extension_type', 2, named(EXTENSION_NAMES, e.type));
    l.field('extension_length', 2, count(e.data.length, 'bytes'));
    const body = extensionBody(e, where);
    if (body) body(l);
    else l.field('extension_data', e.data.length, toHex(e.data));
    l.close();
  }
  l.close();
}

/** The certificate's main fields (RFC 5280 §4.1), each a whole DER element, with values from lib/x509's decoder. */
function x509(l: Layout, der: Uint8Array): void {
  const decoded = decodeCertificate(der);
  if (!decoded.ok) return l.field('cert_der', der.length, toHex(der));
  const c: Certificate = decoded.cert;
  const off = (t: Tlv) => t.raw.byteOffset - der.byteOffset;
  const headerLength = (t: Tlv) => t.raw.length - t.value.length;
  const outer = readOne(der);
  const body = DerReader.of(outer, Tag.SEQUENCE);
  const tbs = body.next(Tag.SEQUENCE);
  const sigAlg = body.next(Tag.SEQUENCE);
  const sigValue = body.next();
  const base = l.at;
  const element = (kind: FieldKind, t: Tlv, value: string) => {
    if (base + off(t) !== l.at) throw new Error('viz/tls-fields: certificate fields out of order');
    l.field(kind, t.raw.length, value);
  };
  l.open('x509', der.length, commonName(c.subject) ?? '');
  l.field('cert_sequence', headerLength(outer), count(outer.value.length, 'bytes'));
  l.open('tbs', tbs.raw.length);
  l.field('tbs_sequence', headerLength(tbs), count(tbs.value.length, 'bytes'));
  const r = DerReader.of(tbs, Tag.SEQUENCE);
  const names = (n: Certificate['subject']) => n.attributes.map((a) => a.value).join(', ');
  const version = r.optional(ctxTag(0, true));
  if (version) element('x509_version', version, `v${c.version}`);
  element('x509_serial', r.next(), toHex(c.serial));
  element('x509_signature_inner', r.next(), algorithm(c.signatureAlgorithm));
  element('x509_issuer', r.next(), names(c.issuer));
  element('x509_validity', r.next(), `${isoMinute(c.notBefore)} – ${isoMinute(c.notAfter)}`);
  element('x509_subject', r.next(), names(c.subject));
  const key = c.publicKey.type === 'unsupported' ? c.publicKey.algorithm : `${c.publicKey.type === 'p256' ? 'P-256' : 'Ed25519'} ${toHex(c.publicKey.bytes)}`;
  element('x509_public_key', r.next(), key);
  for (const t of [r.optional(ctxTag(1, false)), r.optional(ctxTag(2, false))]) if (t) element('x509_unique_id', t, toHex(t.value));
  const exts = r.optional(ctxTag(3, true));
  if (exts) {
    const san = c.subjectAltName;
    const sanText = san ? [...san.dns.map((d) => `DNS:${d}`), ...san.xmppAddrs.map((x) => `XmppAddr:${x}`)].join(', ') : '';
    const ca = c.basicConstraints?.ca ? 'CA' : '';
    element('x509_extensions', exts, [sanText, ca, `${c.extensions.length} extensions`].filter(Boolean).join(' · '));
  }
  l.close();
  element('x509_signature_algorithm', sigAlg, algorithm(c.signatureAlgorithm));
  element('x509_signature', sigValue, toHex(c.signature));
  l.close();
}

/**
 * A protected record as anyone on the link sees it (RFC 8446 §5.2 TLSCiphertext): the five-octet header in
 * clear, then `encrypted_record` — the AEAD output, its 16-octet tag included, of content, type and padding.
 */
export function layoutRecord(record: Uint8Array): FieldLayout {
  const l = new Layout();
  const type = record[0]!;
  l.open('header', 5);
  l.field('record_type', 1, type === 23 ? '23 application_data' : type === 22 ? '22 handshake' : type === 21 ? '21 alert' : `${type}`);
  l.field('record_version', 2, named(VERSIONS, (record[1]! << 8) | record[2]!));
  l.field('record_length', 2, count(record.length - 5, 'bytes'));
  l.close();
  l.field('encrypted_record', record.length - 5, toHex(record.subarray(5)));
  return { fields: l.fields, groups: l.groups };
}

/**
 * The fields of one whole handshake message (header included); null when lib/tls cannot decode it.
 * Every byte of `bytes` lies in exactly one field.
 */
export function layoutHandshake(bytes: Uint8Array): FieldLayout | null {
  const decoded = decodeHandshake(bytes);
  if (!decoded.ok) return null;
  const m: HandshakeMessage = decoded.value;
  // The codec is strict and canonical: re-encoding gives the same bytes, so lengths computed from the value are the bytes' own.
  if (!sameBytes(encodeHandshake(m), bytes)) return null;
  const l = new Layout();
  l.open('header', 4);
  l.field('msg_type', 1, `${bytes[0]} ${HANDSHAKE_NAMES[bytes[0]!] ?? '(unknown)'}`);
  l.field('length', 3, count(bytes.length - 4, 'bytes'));
  l.close();
  switch (m.type) {
    case 'client_hello':
      l.field('legacy_version', 2, named(VERSIONS, m.legacyVersion));
      l.field('random', 32, toHex(m.random));
      l.field('session_id_length', 1, count(m.legacySessionId.length, 'bytes'));
      l.field('session_id', m.legacySessionId.length, toHex(m.legacySessionId));
      l.field('cipher_suites_length', 2, count(m.cipherSuites.length * 2, 'bytes'));
      l.open('cipher_suites', m.cipherSuites.length * 2);
      for (const s of m.cipherSuites) l.field('cipher_suite', 2, named(SUITES, s));
      l.close();
      l.field('compression_methods_length', 1, count(m.legacyCompressionMethods.length, 'bytes'));
      for (const c of m.legacyCompressionMethods) l.field('compression_method', 1, c === 0 ? '0 null' : `${c}`);
      extensions(l, m.extensions, 'client_hello');
      break;
    case 'server_hello':
      l.field('legacy_version', 2, named(VERSIONS, m.legacyVersion));
      l.field('random', 32, toHex(m.random));
      l.field('session_id_length', 1, count(m.legacySessionIdEcho.length, 'bytes'));
      l.field('session_id_echo', m.legacySessionIdEcho.length, toHex(m.legacySessionIdEcho));
      l.field('selected_cipher_suite', 2, named(SUITES, m.cipherSuite));
      l.field('compression_method', 1, m.legacyCompressionMethod === 0 ? '0 null' : `${m.legacyCompressionMethod}`);
      extensions(l, m.extensions, 'server_hello');
      break;
    case 'encrypted_extensions':
      extensions(l, m.extensions, 'encrypted_extensions');
      break;
    case 'certificate': {
      l.field('request_context_length', 1, count(m.certificateRequestContext.length, 'bytes'));
      l.field('request_context', m.certificateRequestContext.length, toHex(m.certificateRequestContext));
      const listLength = m.certificateList.reduce((n, e) => n + 3 + e.certData.length + 2 + e.extensions.reduce((k, x) => k + 4 + x.data.length, 0), 0);
      l.field('certificate_list_length', 3, count(listLength, 'bytes'));
      l.open('certificate_list', listLength);
      for (const e of m.certificateList) {
        const extLength = e.extensions.reduce((k, x) => k + 4 + x.data.length, 0);
        l.open('certificate_entry', 3 + e.certData.length + 2 + extLength);
        l.field('cert_data_length', 3, count(e.certData.length, 'bytes'));
        x509(l, e.certData);
        extensions(l, e.extensions, 'encrypted_extensions');
        l.close();
      }
      l.close();
      break;
    }
    case 'certificate_verify':
      l.field('verify_algorithm', 2, named(SCHEMES, m.algorithm));
      l.field('signature_length', 2, count(m.signature.length, 'bytes'));
      l.field('signature', m.signature.length, toHex(m.signature));
      break;
    case 'finished':
      l.field('verify_data', m.verifyData.length, toHex(m.verifyData));
      break;
    default:
      l.field('body', bytes.length - 4, toHex(bytes.subarray(4)));
  }
  if (l.at !== bytes.length) throw new Error(`viz/tls-fields: laid out ${l.at} of ${bytes.length} bytes`);
  return { fields: l.fields, groups: l.groups };
}
