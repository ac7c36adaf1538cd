// IPv4, TCP and UDP headers for the capture: layouts and checksums (RFC 791, RFC 9293, RFC 768, RFC 1071).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { internetChecksum, ipv4Octets, ipv4Packet, PROTO_TCP, PROTO_UDP, TCP_ACK, TCP_SYN, tcpSegment, udpDatagram } from '../../../lib/pcapng/ip-packet';

const fromHex = (h: string) => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex'));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** The pseudo header of RFC 9293 §3.1 / RFC 768, written out here independently of the module. */
function pseudo(src: string, dst: string, proto: number, length: number): Uint8Array {
  return Uint8Array.from([...ipv4Octets(src), ...ipv4Octets(dst), 0, proto, length >> 8, length & 0xff]);
}

describe('the Internet checksum (RFC 1071)', () => {
  it('§3 "Numerical Examples": 00 01 f2 03 f4 f5 f6 f7 sums to ddf2, so the checksum is 220d', () => {
    expect(internetChecksum(fromHex('0001 f203 f4f5 f6f7'))).toBe(0x220d);
  });

  it('pads an odd last octet with zero', () => {
    expect(internetChecksum(fromHex('01'))).toBe(internetChecksum(fromHex('0100')));
  });

  it('a buffer with its checksum inserted sums to zero (the receiver\'s check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 2, maxLength: 300 }), (bytes) => {
        const b = bytes.length % 2 ? Uint8Array.from([...bytes, 0]) : Uint8Array.from(bytes);
        b[0] = 0;
        b[1] = 0;
        const sum = internetChecksum(b);
        b[0] = sum >> 8;
        b[1] = sum & 0xff;
        return internetChecksum(b) === 0;
      }),
    );
  });
});

describe('IPv4 header (RFC 791 §3.1)', () => {
  it('reproduces a known header and its checksum: 4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7', () => {
    const p = ipv4Packet({ src: '192.168.0.1', dst: '192.168.0.199', protocol: PROTO_UDP, id: 0 }, new Uint8Array(0x73 - 20));
    expect(hex(p.subarray(0, 20))).toBe('45000073000040004011b861c0a80001c0a800c7');
  });

  it('refuses an address that is not IPv4', () => {
    expect(() => ipv4Octets('192.0.2')).toThrow(/IPv4/);
    expect(() => ipv4Octets('192.0.2.256')).toThrow(/IPv4/);
  });
});

describe('TCP header (RFC 9293 §3.1)', () => {
  const f = { src: '192.0.2.10', dst: '198.51.100.10', srcPort: 54247, dstPort: 5222, seq: 0x01020304, ack: 0, flags: TCP_SYN, window: 65535, mss: 1460 };

  it('a SYN with the MSS option: data offset 6, flags, window, option 02 04 05b4', () => {
    const s = tcpSegment(f, new Uint8Array(0));
    expect(s.length).toBe(24);
    expect(hex(s.subarray(0, 4))).toBe('d3e71466'); // 54247, 5222
    expect(hex(s.subarray(4, 8))).toBe('01020304');
    expect(s[12]).toBe(0x60);
    expect(s[13]).toBe(0x02);
    expect(hex(s.subarray(14, 16))).toBe('ffff');
    expect(hex(s.subarray(20))).toBe('020405b4');
  });

  it('the checksum covers pseudo header, header and data (the receiver\'s sum is zero), known for one segment', () => {
    const s = tcpSegment({ ...f, flags: TCP_ACK, ack: 7, mss: undefined }, new TextEncoder().encode('<presence/>'));
    expect(internetChecksum(pseudo(f.src, f.dst, PROTO_TCP, s.length), s)).toBe(0);
    // The whole segment, its checksum (a358) computed independently (a few lines of Python over the same octets).
    expect(hex(s)).toBe('d3e7146601020304000000075010ffff' + 'a358' + '0000' + '3c70726573656e63652f3e');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(0xffffffff), (data, seq) => {
        const t = tcpSegment({ ...f, seq, flags: TCP_ACK, mss: undefined }, data);
        return internetChecksum(pseudo(f.src, f.dst, PROTO_TCP, t.length), t) === 0;
      }),
    );
  });
});

describe('UDP header (RFC 768)', () => {
  it('length includes the header; the checksum verifies; a zero checksum is sent as all ones', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (data) => {
        const d = udpDatagram({ src: '192.0.2.10', dst: '203.0.113.5', srcPort: 3478, dstPort: 50000 }, data);
        const len = (d[4]! << 8) | d[5]!;
        const sum = (d[6]! << 8) | d[7]!;
        return len === data.length + 8 && sum !== 0 && internetChecksum(pseudo('192.0.2.10', '203.0.113.5', PROTO_UDP, d.length), d) === 0;
      }),
    );
  });
});
