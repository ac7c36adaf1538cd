/**
 * pcapng blocks, as the PCAP Next Generation draft (draft-ietf-opsawg-pcapng, "General Block
 * Structure", "Options", "Section Header Block", "Interface Description Block", "Enhanced Packet
 * Block", "Decryption Secrets Block") lays them out. Bytes out only: one function per block, every
 * number little-endian (the draft lets a writer pick its byte order and says which with the Byte-Order
 * Magic; we always write the same, so the same trace gives the same file on any machine).
 * @module
 */

/** "the integer corresponding to the 4-char string "\n\r\r\n" (0x0A0D0D0A)" — palindromic, so readable before the byte order is known. */
export const BLOCK_SHB = 0x0a0d0d0a;
/** "The block type of the Interface Description Block is 1." */
export const BLOCK_IDB = 0x00000001;
/** "The block type of the Enhanced Packet Block is 6." */
export const BLOCK_EPB = 0x00000006;
/** "The block type of the Decryption Secrets Block is 10." */
export const BLOCK_DSB = 0x0000000a;
/** "an unsigned magic number, whose value is the hexadecimal number 0x1A2B3C4D" */
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
/** LINKTYPE_RAW (101): "Raw IP; begins with an IPv4 or IPv6 header" — no link layer to invent. */
export const LINKTYPE_RAW = 101;
/** Secrets Type 0x544c534b ("TLSK"): "TLS Key Log … described at NSS Key Log Format". */
export const SECRETS_TLS_KEY_LOG = 0x544c534b;

/** Option codes this writer uses ("Options"; SHB and IDB option tables). */
const OPT_ENDOFOPT = 0;
const OPT_COMMENT = 1;
const SHB_USERAPPL = 4;
const IF_NAME = 2;
const IF_DESCRIPTION = 3;
const IF_TSRESOL = 9;

export interface PcapngOption {
  code: number;
  value: Uint8Array;
}

/** "padded to 32 bits": the length rounded up to a multiple of 4 (the padding octets are zero). */
export function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** A little-endian writer over a buffer of known size; unwritten octets stay zero (the padding). */
class Out {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private at = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u16(v: number): this {
    this.view.setUint16(this.at, v, true);
    this.at += 2;
    return this;
  }
  u32(v: number): this {
    this.view.setUint32(this.at, v >>> 0, true);
    this.at += 4;
    return this;
  }
  /** A 64-bit value as the draft's "upper 32 bits and lower 32 bits" (EPB timestamps) — both little-endian words. */
  u32pair(v: number): this {
    return this.u32(Math.floor(v / 2 ** 32)).u32(v % 2 ** 32);
  }
  /** A signed 64-bit little-endian integer (the SHB's Section Length). */
  i64(v: bigint): this {
    this.view.setBigInt64(this.at, v, true);
    this.at += 8;
    return this;
  }
  raw(b: Uint8Array, paddedTo = b.length): this {
    this.bytes.set(b, this.at);
    this.at += paddedTo;
    return this;
  }
}

/**
 * "Options are a list of Type - Length - Value fields": 16-bit code, 16-bit length "without the padding
 * octets", the value "padded to a 32-bit boundary"; the list ends with opt_endofopt (code 0, length 0).
 * No options at all: nothing (not even opt_endofopt), as the draft allows.
 */
export function encodeOptions(options: readonly PcapngOption[]): Uint8Array {
  if (options.length === 0) return new Uint8Array(0);
  let size = 4; // opt_endofopt
  for (const o of options) {
    if (o.value.length > 0xffff) throw new Error('pcapng/blocks: an option value longer than 65535 octets');
    size += 4 + pad4(o.value.length);
  }
  const out = new Out(size);
  for (const o of options) out.u16(o.code).u16(o.value.length).raw(o.value, pad4(o.value.length));
  out.u16(OPT_ENDOFOPT).u16(0);
  return out.bytes;
}

/**
 * General Block Structure: Block Type, Block Total Length, the body "padded to 32 bits", and the Block
 * Total Length again ("duplicated to permit backward file navigation"). "This value MUST be a multiple of 4."
 */
export function encodeBlock(type: number, body: Uint8Array): Uint8Array {
  const total = 12 + pad4(body.length);
  return new Out(total).u32(type).u32(total).raw(body, pad4(body.length)).u32(total).bytes;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * Section Header Block: Byte-Order Magic, Major Version 1, Minor Version 0, Section Length -1 ("the size
 * of the section is not specified" — we write in one pass), then options (shb_userappl).
 */
export function sectionHeaderBlock(userappl?: string): Uint8Array {
  const opts = encodeOptions(userappl ? [{ code: SHB_USERAPPL, value: utf8(userappl) }] : []);
  const body = new Out(16 + opts.length).u32(BYTE_ORDER_MAGIC).u16(1).u16(0).i64(-1n).raw(opts).bytes;
  return encodeBlock(BLOCK_SHB, body);
}

/**
 * Interface Description Block: LinkType (16 bits), Reserved ("MUST be filled with 0"), SnapLen ("A value of
 * zero indicates no limit"), options: if_name, if_description, and if_tsresol = 6 (microseconds; also the
 * default "If this option is not present", written anyway so that a reader need not know the default).
 */
export function interfaceDescriptionBlock(linkType: number, o: { name?: string; description?: string } = {}): Uint8Array {
  const list: PcapngOption[] = [];
  if (o.name) list.push({ code: IF_NAME, value: utf8(o.name) });
  if (o.description) list.push({ code: IF_DESCRIPTION, value: utf8(o.description) });
  list.push({ code: IF_TSRESOL, value: Uint8Array.of(6) });
  const opts = encodeOptions(list);
  const body = new Out(8 + opts.length).u16(linkType).u16(0).u32(0).raw(opts).bytes;
  return encodeBlock(BLOCK_IDB, body);
}

/**
 * Enhanced Packet Block: Interface ID, the timestamp as "upper 32 bits and lower 32 bits of a 64-bit
 * timestamp" in if_tsresol units "since 1970-01-01 00:00:00 UTC", Captured and Original Packet Length
 * (equal: nothing is cut), the packet "padded to 32 bits", an optional comment.
 */
export function enhancedPacketBlock(interfaceId: number, timestampUs: number, packet: Uint8Array, comment?: string): Uint8Array {
  if (!Number.isSafeInteger(timestampUs) || timestampUs < 0) throw new Error('pcapng/blocks: a timestamp must be a whole number of microseconds ≥ 0');
  const opts = encodeOptions(comment ? [{ code: OPT_COMMENT, value: utf8(comment) }] : []);
  const body = new Out(20 + pad4(packet.length) + opts.length)
    .u32(interfaceId)
    .u32pair(timestampUs)
    .u32(packet.length)
    .u32(packet.length)
    .raw(packet, pad4(packet.length))
    .raw(opts).bytes;
  return encodeBlock(BLOCK_EPB, body);
}

/**
 * Decryption Secrets Block: Secrets Type, Secrets Length "without any padding octets", the data "padded to a
 * 32 bit boundary". "Multiple DSBs can exist in a pcapng file, but they SHOULD be written before packet
 * blocks that require those secrets."
 */
export function decryptionSecretsBlock(secretsType: number, data: Uint8Array): Uint8Array {
  const body = new Out(8 + pad4(data.length)).u32(secretsType).u32(data.length).raw(data, pad4(data.length)).bytes;
  return encodeBlock(BLOCK_DSB, body);
}

/**
 * A TLS key log as a DSB: one NSS key log line per secret, each "properly terminated with … linefeed ('\n')".
 * No lines: no block.
 */
export function tlsKeyLogBlock(lines: readonly string[]): Uint8Array | null {
  if (lines.length === 0) return null;
  return decryptionSecretsBlock(SECRETS_TLS_KEY_LOG, utf8(lines.map((l) => `${l}\n`).join('')));
}
