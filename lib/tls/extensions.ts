/**
 * Extensions (RFC 8446 §4.2): `struct { ExtensionType extension_type; opaque extension_data<0..2^16-1>; }`
 * and the bodies of the ones we act on — supported_versions (§4.2.1), signature_algorithms (§4.2.3),
 * supported_groups (§4.2.7), key_share (§4.2.8), and server_name (RFC 6066 §3). Others are carried
 * as opaque data. §4.2: "There MUST NOT be more than one extension of the same type in a given
 * extension block."
 * @module
 */
import { ExtensionType } from './constants';
import { DecodeFailure, Reader, Writer } from './reader';

export interface Extension {
  type: number;
  data: Uint8Array;
}

export function encodeExtensions(exts: readonly Extension[]): Uint8Array {
  const body = new Writer();
  for (const e of exts) body.u16(e.type).vector(2, e.data);
  return new Writer().vector(2, body.finish()).finish();
}

/** Reads `Extension extensions<0..2^16-1>` from r; duplicates are a decode failure here (the caller maps it). */
export function readExtensions(r: Reader, what: string): Extension[] {
  const block = new Reader(r.vector(2, what));
  const out: Extension[] = [];
  while (block.remaining > 0) {
    const type = block.u16(`${what}: extension_type`);
    const data = block.vector(2, `${what}: extension_data`);
    if (out.some((e) => e.type === type)) throw new DecodeFailure(`${what}: extension ${type} appears twice`);
    out.push({ type, data });
  }
  return out;
}

export const findExtension = (exts: readonly Extension[], type: number): Uint8Array | undefined =>
  exts.find((e) => e.type === type)?.data;

/** A list of uint16 values behind a length of `width` octets (versions: 1, groups and schemes: 2). */
function u16List(width: 1 | 2, values: readonly number[]): Uint8Array {
  const w = new Writer();
  for (const v of values) w.u16(v);
  return new Writer().vector(width, w.finish()).finish();
}
function readU16List(data: Uint8Array, width: 1 | 2, what: string): number[] {
  const r = new Reader(data);
  const list = new Reader(r.vector(width, what, 2));
  r.end(what);
  const out: number[] = [];
  while (list.remaining > 0) out.push(list.u16(what));
  return out;
}

/** §4.2.1 ClientHello: `ProtocolVersion versions<2..254>`; ServerHello: `ProtocolVersion selected_version`. */
export const supportedVersionsClient = (versions: readonly number[]): Extension => ({
  type: ExtensionType.supported_versions,
  data: u16List(1, versions),
});
export const supportedVersionsServer = (version: number): Extension => ({
  type: ExtensionType.supported_versions,
  data: new Writer().u16(version).finish(),
});
export const readSupportedVersionsClient = (d: Uint8Array) => readU16List(d, 1, 'supported_versions');
export function readSupportedVersionsServer(d: Uint8Array): number {
  const r = new Reader(d);
  const v = r.u16('selected_version');
  r.end('supported_versions');
  return v;
}

/** §4.2.3 `SignatureScheme supported_signature_algorithms<2..2^16-2>` */
export const signatureAlgorithms = (schemes: readonly number[]): Extension => ({
  type: ExtensionType.signature_algorithms,
  data: u16List(2, schemes),
});
export const readSignatureAlgorithms = (d: Uint8Array) => readU16List(d, 2, 'signature_algorithms');

/** §4.2.7 `NamedGroup named_group_list<2..2^16-1>` */
export const supportedGroups = (groups: readonly number[]): Extension => ({
  type: ExtensionType.supported_groups,
  data: u16List(2, groups),
});
export const readSupportedGroups = (d: Uint8Array) => readU16List(d, 2, 'supported_groups');

/** §4.2.8 `struct { NamedGroup group; opaque key_exchange<1..2^16-1>; } KeyShareEntry;` */
export interface KeyShareEntry {
  group: number;
  keyExchange: Uint8Array;
}
const writeEntry = (w: Writer, e: KeyShareEntry) => w.u16(e.group).vector(2, e.keyExchange);
const readEntry = (r: Reader): KeyShareEntry => ({
  group: r.u16('KeyShareEntry.group'),
  keyExchange: r.vector(2, 'KeyShareEntry.key_exchange', 1),
});

/** KeyShareClientHello: `KeyShareEntry client_shares<0..2^16-1>;` */
export function keyShareClient(entries: readonly KeyShareEntry[]): Extension {
  const list = new Writer();
  for (const e of entries) writeEntry(list, e);
  return { type: ExtensionType.key_share, data: new Writer().vector(2, list.finish()).finish() };
}
export function readKeyShareClient(d: Uint8Array): KeyShareEntry[] {
  const r = new Reader(d);
  const list = new Reader(r.vector(2, 'client_shares'));
  r.end('key_share');
  const out: KeyShareEntry[] = [];
  while (list.remaining > 0) {
    const e = readEntry(list);
    // §4.2.8: "Clients MUST NOT offer multiple KeyShareEntry values for the same group."
    if (out.some((o) => o.group === e.group)) throw new DecodeFailure('key_share: group offered twice');
    out.push(e);
  }
  return out;
}
/** KeyShareServerHello: `KeyShareEntry server_share;` */
export const keyShareServer = (e: KeyShareEntry): Extension => ({
  type: ExtensionType.key_share,
  data: writeEntry(new Writer(), e).finish(),
});
export function readKeyShareServer(d: Uint8Array): KeyShareEntry {
  const r = new Reader(d);
  const e = readEntry(r);
  r.end('key_share');
  return e;
}

/**
 * RFC 6066 §3: `struct { NameType name_type; select (name_type) { case host_name: HostName; } name; }
 * ServerName; struct { ServerName server_name_list<1..2^16-1> } ServerNameList;` — host_name is 0.
 * The server's acknowledgement is the extension with empty data.
 */
export function serverName(host: string): Extension {
  const name = new TextEncoder().encode(host);
  const entry = new Writer().u8(0).vector(2, name).finish();
  return { type: ExtensionType.server_name, data: new Writer().vector(2, entry).finish() };
}
export function readServerName(d: Uint8Array): string | null {
  const r = new Reader(d);
  const list = new Reader(r.vector(2, 'server_name_list', 1));
  r.end('server_name');
  let host: string | null = null;
  while (list.remaining > 0) {
    const type = list.u8('name_type');
    const name = list.vector(2, 'HostName', 1);
    if (type === 0 && host === null) host = new TextDecoder().decode(name);
  }
  return host;
}
export const serverNameAck = (): Extension => ({ type: ExtensionType.server_name, data: new Uint8Array(0) });

/** §4.2.8 in a HelloRetryRequest: `struct { NamedGroup selected_group; } KeyShareHelloRetryRequest;` */
export const keyShareHelloRetry = (group: number): Extension => ({ type: ExtensionType.key_share, data: new Writer().u16(group).finish() });
export function readKeyShareHelloRetry(d: Uint8Array): number {
  const r = new Reader(d);
  const group = r.u16('selected_group');
  r.end('key_share');
  return group;
}

/** §4.2.2 `struct { opaque cookie<1..2^16-1>; } Cookie;` */
export const cookie = (value: Uint8Array): Extension => ({ type: ExtensionType.cookie, data: new Writer().vector(2, value).finish() });
export function readCookie(d: Uint8Array): Uint8Array {
  const r = new Reader(d);
  const value = r.vector(2, 'cookie', 1);
  r.end('cookie');
  return value;
}
