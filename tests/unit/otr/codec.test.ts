import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesToHex } from '@noble/hashes/utils.js';
import { armor, CodecError, dearmor, encodeMpi, Reader, Writer } from '../../../lib/otr/codec';

describe('otr/codec', () => {
  it('MPI uses the minimum-length encoding (spec: "no leading 0x00 bytes")', () => {
    expect(bytesToHex(encodeMpi(0n))).toBe('00000000');
    expect(bytesToHex(encodeMpi(0xffn))).toBe('00000001ff');
    expect(bytesToHex(encodeMpi(0x0100n))).toBe('000000020100');
  });

  it('SHORT, INT, DATA, CTR, MAC encode big-endian with 4-byte lengths', () => {
    const b = new Writer().short(0x0203).int(0xdeadbeef).data(Uint8Array.of(9, 8)).ctr(new Uint8Array(8).fill(1)).bytes();
    expect(bytesToHex(b)).toBe('0203deadbeef000000020908' + '01'.repeat(8));
    expect(() => new Writer().short(70000)).toThrow(/otr\/codec/);
    expect(() => new Writer().mac(new Uint8Array(19))).toThrow(/otr\/codec/);
  });

  it('round-trips every type (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.bigInt({ min: 0n, max: (1n << 1600n) - 1n }),
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
        (s, i, m, d, c, mac) => {
          const r = new Reader(new Writer().short(s).int(i).mpi(m).data(d).ctr(c).mac(mac).bytes());
          expect(r.short()).toBe(s);
          expect(r.int()).toBe(i);
          expect(r.mpi()).toBe(m);
          expect(r.data()).toEqual(d);
          expect(r.ctr()).toEqual(c);
          expect(r.mac()).toEqual(mac);
          r.end();
        },
      ),
    );
  });

  it('a short buffer gives a CodecError, never a RangeError', () => {
    const r = new Reader(Uint8Array.of(0, 0, 0, 9, 1));
    expect(() => r.data()).toThrow(CodecError);
    expect(() => new Reader(new Uint8Array(1)).int()).toThrow(CodecError);
  });

  it('armor: "?OTR:" ‖ base64 ‖ "."', () => {
    const a = armor(Uint8Array.of(0, 3, 3));
    expect(a).toBe('?OTR:AAMD.');
    expect(dearmor(a)).toEqual(Uint8Array.of(0, 3, 3));
    expect(dearmor('?OTR:AA*D.')).toBeNull();
    expect(dearmor('?OTR:AAMD')).toBeNull();
  });
});
