/**
 * Handshake messages (RFC 8446 §4): the framing `struct { HandshakeType msg_type; uint24 length; … }
 * Handshake;` and the bodies of ClientHello (§4.1.2), ServerHello (§4.1.3), EncryptedExtensions
 * (§4.3.1), Certificate (§4.4.2), CertificateRequest (§4.3.2), CertificateVerify (§4.4.3),
 * Finished (§4.4.4), NewSessionTicket (§4.6.1) and KeyUpdate (§4.6.3). Encode and decode,
 * strict: decoding returns a value or the reason it failed, never throws.
 * @module
 */
import { HandshakeType } from './constants';
import { readExtensions, encodeExtensions, type Extension } from './extensions';
import { DecodeFailure, Reader, Writer } from './reader';

export interface ClientHello {
  type: 'client_hello';
  /** "ProtocolVersion legacy_version = 0x0303;" */
  legacyVersion: number;
  random: Uint8Array;
  legacySessionId: Uint8Array;
  cipherSuites: number[];
  legacyCompressionMethods: Uint8Array;
  extensions: Extension[];
}
export interface ServerHello {
  type: 'server_hello';
  legacyVersion: number;
  random: Uint8Array;
  legacySessionIdEcho: Uint8Array;
  cipherSuite: number;
  legacyCompressionMethod: number;
  extensions: Extension[];
}
export interface EncryptedExtensions {
  type: 'encrypted_extensions';
  extensions: Extension[];
}
/** §4.4.2 `struct { opaque cert_data<1..2^24-1>; Extension extensions<0..2^16-1>; } CertificateEntry;` — cert_data is X.509 DER, opaque here. */
export interface CertificateEntry {
  certData: Uint8Array;
  extensions: Extension[];
}
export interface Certificate {
  type: 'certificate';
  certificateRequestContext: Uint8Array;
  certificateList: CertificateEntry[];
}
/** §4.3.2 `struct { opaque certificate_request_context<0..2^8-1>; Extension extensions<2..2^16-1>; } CertificateRequest;` */
export interface CertificateRequest {
  type: 'certificate_request';
  certificateRequestContext: Uint8Array;
  extensions: Extension[];
}
export interface CertificateVerify {
  type: 'certificate_verify';
  algorithm: number;
  signature: Uint8Array;
}
export interface Finished {
  type: 'finished';
  verifyData: Uint8Array;
}
/** §4.6.3 `struct { KeyUpdateRequest request_update; } KeyUpdate;` — update_not_requested(0), update_requested(1) */
export interface KeyUpdate {
  type: 'key_update';
  requestUpdate: number;
}
export interface NewSessionTicket {
  type: 'new_session_ticket';
  ticketLifetime: number;
  ticketAgeAdd: number;
  ticketNonce: Uint8Array;
  ticket: Uint8Array;
  extensions: Extension[];
}
/** A message we frame and carry but do not parse (CertificateRequest, KeyUpdate …). */
export interface OtherHandshake {
  type: 'other';
  msgType: number;
  body: Uint8Array;
}
export type HandshakeMessage =
  | ClientHello
  | ServerHello
  | EncryptedExtensions
  | Certificate
  | CertificateRequest
  | CertificateVerify
  | Finished
  | NewSessionTicket
  | KeyUpdate
  | OtherHandshake;

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

function body(m: HandshakeMessage): { msgType: number; body: Uint8Array } {
  const w = new Writer();
  switch (m.type) {
    case 'client_hello': {
      const suites = new Writer();
      for (const s of m.cipherSuites) suites.u16(s);
      w.u16(m.legacyVersion).bytes(m.random).vector(1, m.legacySessionId).vector(2, suites.finish());
      w.vector(1, m.legacyCompressionMethods).bytes(encodeExtensions(m.extensions));
      return { msgType: HandshakeType.client_hello, body: w.finish() };
    }
    case 'server_hello':
      w.u16(m.legacyVersion).bytes(m.random).vector(1, m.legacySessionIdEcho).u16(m.cipherSuite);
      w.u8(m.legacyCompressionMethod).bytes(encodeExtensions(m.extensions));
      return { msgType: HandshakeType.server_hello, body: w.finish() };
    case 'encrypted_extensions':
      return { msgType: HandshakeType.encrypted_extensions, body: encodeExtensions(m.extensions) };
    case 'certificate': {
      const list = new Writer();
      for (const e of m.certificateList) list.vector(3, e.certData).bytes(encodeExtensions(e.extensions));
      w.vector(1, m.certificateRequestContext).vector(3, list.finish());
      return { msgType: HandshakeType.certificate, body: w.finish() };
    }
    case 'certificate_request':
      w.vector(1, m.certificateRequestContext).bytes(encodeExtensions(m.extensions));
      return { msgType: HandshakeType.certificate_request, body: w.finish() };
    case 'certificate_verify':
      w.u16(m.algorithm).vector(2, m.signature);
      return { msgType: HandshakeType.certificate_verify, body: w.finish() };
    case 'finished':
      return { msgType: HandshakeType.finished, body: m.verifyData };
    case 'new_session_ticket':
      w.u32(m.ticketLifetime).u32(m.ticketAgeAdd).vector(1, m.ticketNonce).vector(2, m.ticket);
      w.bytes(encodeExtensions(m.extensions));
      return { msgType: HandshakeType.new_session_ticket, body: w.finish() };
    case 'key_update':
      return { msgType: HandshakeType.key_update, body: Uint8Array.of(m.requestUpdate) };
    case 'other':
      return { msgType: m.msgType, body: m.body };
  }
}

/** §4: `msg_type` (1 octet), `length` (uint24), then the body. */
export function encodeHandshake(m: HandshakeMessage): Uint8Array {
  const b = body(m);
  return new Writer().u8(b.msgType).vector(3, b.body).finish();
}

/**
 * Decodes one whole handshake message (header included). `finishedLength` is Hash.length: a
 * Finished body is exactly that long (§4.4.4 `opaque verify_data[Hash.length]`).
 */
export function decodeHandshake(bytes: Uint8Array, finishedLength = 32): Decoded<HandshakeMessage> {
  try {
    const outer = new Reader(bytes);
    const msgType = outer.u8('msg_type');
    const r = new Reader(outer.vector(3, 'Handshake.length'));
    outer.end('Handshake');
    const value = decodeBody(msgType, r, finishedLength);
    r.end(`handshake ${msgType}`);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof DecodeFailure) return { ok: false, reason: e.message };
    throw e;
  }
}

function decodeBody(msgType: number, r: Reader, finishedLength: number): HandshakeMessage {
  switch (msgType) {
    case HandshakeType.client_hello: {
      const legacyVersion = r.u16('legacy_version');
      const random = r.bytesOf(32, 'random');
      const legacySessionId = r.vector(1, 'legacy_session_id');
      if (legacySessionId.length > 32) throw new DecodeFailure('legacy_session_id: longer than 32');
      const suites = new Reader(r.vector(2, 'cipher_suites', 2));
      const cipherSuites: number[] = [];
      while (suites.remaining > 0) cipherSuites.push(suites.u16('cipher_suites'));
      const legacyCompressionMethods = r.vector(1, 'legacy_compression_methods', 1);
      const extensions = readExtensions(r, 'ClientHello.extensions');
      return { type: 'client_hello', legacyVersion, random, legacySessionId, cipherSuites, legacyCompressionMethods, extensions };
    }
    case HandshakeType.server_hello: {
      const legacyVersion = r.u16('legacy_version');
      const random = r.bytesOf(32, 'random');
      const legacySessionIdEcho = r.vector(1, 'legacy_session_id_echo');
      if (legacySessionIdEcho.length > 32) throw new DecodeFailure('legacy_session_id_echo: longer than 32');
      const cipherSuite = r.u16('cipher_suite');
      const legacyCompressionMethod = r.u8('legacy_compression_method');
      const extensions = readExtensions(r, 'ServerHello.extensions');
      return { type: 'server_hello', legacyVersion, random, legacySessionIdEcho, cipherSuite, legacyCompressionMethod, extensions };
    }
    case HandshakeType.encrypted_extensions:
      return { type: 'encrypted_extensions', extensions: readExtensions(r, 'EncryptedExtensions') };
    case HandshakeType.certificate: {
      const certificateRequestContext = r.vector(1, 'certificate_request_context');
      const list = new Reader(r.vector(3, 'certificate_list'));
      const certificateList: CertificateEntry[] = [];
      while (list.remaining > 0) {
        const certData = list.vector(3, 'cert_data', 1);
        certificateList.push({ certData, extensions: readExtensions(list, 'CertificateEntry.extensions') });
      }
      return { type: 'certificate', certificateRequestContext, certificateList };
    }
    case HandshakeType.certificate_request:
      return {
        type: 'certificate_request',
        certificateRequestContext: r.vector(1, 'certificate_request_context'),
        extensions: readExtensions(r, 'CertificateRequest.extensions'),
      };
    case HandshakeType.certificate_verify:
      return { type: 'certificate_verify', algorithm: r.u16('algorithm'), signature: r.vector(2, 'signature') };
    case HandshakeType.finished:
      return { type: 'finished', verifyData: r.bytesOf(finishedLength, 'verify_data') };
    case HandshakeType.key_update:
      return { type: 'key_update', requestUpdate: r.u8('request_update') };
    case HandshakeType.new_session_ticket:
      return {
        type: 'new_session_ticket',
        ticketLifetime: r.u32('ticket_lifetime'),
        ticketAgeAdd: r.u32('ticket_age_add'),
        ticketNonce: r.vector(1, 'ticket_nonce'),
        ticket: r.vector(2, 'ticket', 1),
        extensions: readExtensions(r, 'NewSessionTicket.extensions'),
      };
    default:
      return { type: 'other', msgType, body: r.bytesOf(r.remaining, 'body') };
  }
}

/**
 * Splits a stream of handshake bytes into whole messages (§5.1: "Handshake messages MAY be coalesced
 * into a single TLSPlaintext record or fragmented across several records"). Returns the whole
 * messages and what is left over, waiting for more.
 */
export function splitHandshakes(buffer: Uint8Array): { messages: Uint8Array[]; rest: Uint8Array } {
  const messages: Uint8Array[] = [];
  let pos = 0;
  while (buffer.length - pos >= 4) {
    const len = (buffer[pos + 1]! << 16) | (buffer[pos + 2]! << 8) | buffer[pos + 3]!;
    if (buffer.length - pos < 4 + len) break;
    messages.push(buffer.slice(pos, pos + 4 + len));
    pos += 4 + len;
  }
  return { messages, rest: buffer.slice(pos) };
}
