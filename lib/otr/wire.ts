/**
 * The header every encoded OTR v2/v3 message starts with (OTR v3 spec, "Encoded messages"):
 * protocol version (SHORT), message type (BYTE), and in v3 the sender and receiver instance tags
 * (INT each; spec "Instance Tags": the smallest valid tag is 0x00000100, 0 = "not known yet").
 * @module
 */
import { CodecError, Reader, Writer } from './codec';

export type OtrVersion = 2 | 3;

/** Message types. */
export const MSG_DH_COMMIT = 0x02;
export const MSG_DATA = 0x03;
export const MSG_DH_KEY = 0x0a;
export const MSG_REVEAL_SIGNATURE = 0x11;
export const MSG_SIGNATURE = 0x12;

export const MIN_INSTANCE_TAG = 0x100;

export interface MessageHeader {
  version: OtrVersion;
  type: number;
  /** 0 in v2 messages (no instance tags on the wire). */
  senderInstance: number;
  receiverInstance: number;
}

export function writeHeader(w: Writer, h: MessageHeader): Writer {
  w.short(h.version).byte(h.type);
  if (h.version === 3) w.int(h.senderInstance).int(h.receiverInstance);
  return w;
}

/** Read a v2/v3 header; CodecError for other versions (v1 is not supported). */
export function readHeader(r: Reader): MessageHeader {
  const version = r.short();
  if (version !== 2 && version !== 3) throw new CodecError(`unsupported protocol version ${version}`);
  const type = r.byte();
  if (version === 3) return { version, type, senderInstance: r.int(), receiverInstance: r.int() };
  return { version, type, senderInstance: 0, receiverInstance: 0 };
}

export const messageTypeName = (t: number): string =>
  ({ 2: 'DH-Commit', 3: 'Data', 10: 'DH-Key', 17: 'Reveal-Signature', 18: 'Signature' })[t] ?? `unknown(${t})`;
