// pcapng block layouts (draft-ietf-opsawg-pcapng): lengths, 32-bit padding, the byte-order magic, options.
import { describe, expect, it } from 'vitest';
import {
  BLOCK_DSB,
  BLOCK_EPB,
  BLOCK_IDB,
  BLOCK_SHB,
  decryptionSecretsBlock,
  encodeBlock,
  encodeOptions,
  enhancedPacketBlock,
  interfaceDescriptionBlock,
  LINKTYPE_RAW,
  pad4,
  sectionHeaderBlock,
  SECRETS_TLS_KEY_LOG,
  tlsKeyLogBlock,
} from '../../../lib/pcapng/blocks';
import { readBlocks, readEpb } from '../../helpers/pcapng-reader';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);
const u16 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint16(at, true);

describe('the general block structure', () => {
  it('pads to 32 bits and repeats the total length at the end', () => {
    for (const n of [0, 1, 2, 3, 4, 5]) {
      const b = encodeBlock(0x0bad, new Uint8Array(n).fill(0xee));
      expect(b.length).toBe(12 + pad4(n));
      expect(b.length % 4).toBe(0);
      expect(u32(b, 4)).toBe(b.length);
      expect(u32(b, b.length - 4)).toBe(b.length);
      // "The alignment octets … MUST be filled with zeroes."
      expect([...b.subarray(8 + n, 8 + pad4(n))].every((x) => x === 0)).toBe(true);
    }
  });

  it('a block without a body is 12 octets', () => {
    expect(encodeBlock(1, new Uint8Array(0)).length).toBe(12);
  });

  it('options: code, length without padding, value padded, opt_endofopt last; none at all writes nothing', () => {
    const o = encodeOptions([{ code: 1, value: new TextEncoder().encode('hello') }]);
    expect(hex(o)).toBe('0100' + '0500' + '68656c6c6f000000' + '00000000');
    expect(encodeOptions([]).length).toBe(0);
  });
});

describe('Section Header Block', () => {
  const shb = sectionHeaderBlock('Messenger Lab');

  it('starts with 0x0A0D0D0A and the byte-order magic 0x1A2B3C4D, little-endian (4d 3c 2b 1a)', () => {
    expect(hex(shb.subarray(0, 4))).toBe('0a0d0d0a');
    expect(u32(shb, 0)).toBe(BLOCK_SHB);
    expect(hex(shb.subarray(8, 12))).toBe('4d3c2b1a');
  });

  it('version 1.0, section length -1 (not specified), then shb_userappl', () => {
    expect(u16(shb, 12)).toBe(1);
    expect(u16(shb, 14)).toBe(0);
    expect(hex(shb.subarray(16, 24))).toBe('ffffffffffffffff');
    expect(u16(shb, 24)).toBe(4);
    expect(u16(shb, 26)).toBe('Messenger Lab'.length);
    expect(shb.length % 4).toBe(0);
  });
});

describe('Interface Description Block', () => {
  it('LINKTYPE_RAW, reserved 0, snaplen 0 (no limit), if_tsresol 6', () => {
    const idb = interfaceDescriptionBlock(LINKTYPE_RAW, { name: 'sim' });
    const [b] = readBlocks(idb);
    expect(b!.type).toBe(BLOCK_IDB);
    expect(u16(b!.body, 0)).toBe(101);
    expect(u16(b!.body, 2)).toBe(0);
    expect(u32(b!.body, 4)).toBe(0);
    // if_name 'sim' (3, padded to 4), then if_tsresol = 6 (1, padded to 4), then opt_endofopt
    expect(hex(b!.body.subarray(8))).toBe('0200' + '0300' + '73696d00' + '0900' + '0100' + '06000000' + '00000000');
  });
});

describe('Enhanced Packet Block', () => {
  it('splits the timestamp into upper and lower 32 bits and pads the packet', () => {
    const ts = 1_767_225_600_123_456; // µs, above 2^32
    const epb = enhancedPacketBlock(0, ts, Uint8Array.of(1, 2, 3, 4, 5));
    const [b] = readBlocks(epb);
    expect(b!.type).toBe(BLOCK_EPB);
    expect(u32(b!.body, 4)).toBe(Math.floor(ts / 2 ** 32));
    expect(u32(b!.body, 8)).toBe(ts % 2 ** 32);
    const e = readEpb(b!.body);
    expect(e.timestampUs).toBe(ts);
    expect(e.captured).toBe(5);
    expect(e.original).toBe(5);
    expect([...e.packet]).toEqual([1, 2, 3, 4, 5]);
    expect(epb.length).toBe(12 + 20 + 8);
  });

  it('carries a comment option', () => {
    const e = readEpb(readBlocks(enhancedPacketBlock(0, 0, new Uint8Array(4), 'step 7'))[0]!.body);
    expect(e.comment).toBe('step 7');
  });

  it('refuses a timestamp that is not a whole number of microseconds', () => {
    expect(() => enhancedPacketBlock(0, 1.5, new Uint8Array(0))).toThrow(/timestamp/);
  });
});

describe('Decryption Secrets Block', () => {
  it('type 10, secrets type TLSK, length without padding', () => {
    const dsb = decryptionSecretsBlock(SECRETS_TLS_KEY_LOG, Uint8Array.of(1, 2, 3));
    const [b] = readBlocks(dsb);
    expect(b!.type).toBe(BLOCK_DSB);
    expect(hex(b!.body.subarray(0, 4))).toBe('4b534c54'); // 0x544c534b little-endian: "KSLT"
    expect(u32(b!.body, 4)).toBe(3);
    expect(dsb.length).toBe(12 + 8 + 4);
  });

  it('the key log: each line ends with a linefeed; no lines, no block', () => {
    const b = tlsKeyLogBlock(['A 00 11', 'B 00 22'])!;
    const body = readBlocks(b)[0]!.body;
    expect(new TextDecoder().decode(body.subarray(8, 8 + u32(body, 4)))).toBe('A 00 11\nB 00 22\n');
    expect(tlsKeyLogBlock([])).toBeNull();
  });
});
