/**
 * The attackers on a link in clear — the STARTTLS stripper (lib/attacks/starttls-strip.ts), the SASL
 * downgrade (lib/attacks/sasl-downgrade.ts) — and their scalpel (lib/attacks/packet-edit.ts): the offer
 * goes, every other byte and layer stays where it belongs, and packets they cannot read pass.
 */
import { describe, expect, it } from 'vitest';
import { cutMatches } from '@/lib/attacks/packet-edit';
import { saslDowngrade } from '@/lib/attacks/sasl-downgrade';
import { starttlsStrip } from '@/lib/attacks/starttls-strip';
import type { HostContext, Layer, MiddleboxOutput, Packet } from '@/lib/sim/types';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const ctx: HostContext = { now: 0, self: 'mallory', randomBytes: () => new Uint8Array(0) };

function packet(pieces: string[], tls = false): Packet {
  const layers: Layer[] = [];
  let at = 0;
  for (const p of pieces) {
    const n = enc(p).length;
    layers.push({ layer: 'xml', start: at, end: at + n, label: p.slice(0, 12) });
    at += n;
  }
  layers.unshift({ layer: 'tcp', start: 0, end: at, label: 'TCP' });
  if (tls) layers.push({ layer: 'tls', start: 0, end: at, label: 'record', key: 'tls:x' });
  return { proto: 'tcp', src: { ip: '198.51.100.10', port: 5222 }, dst: { ip: '192.0.2.10', port: 49152 }, from: 'a.example', to: 'alice', data: enc(pieces.join('')), layers, note: { key: 'server.stream-header', params: {} } };
}

const HEADER = "<stream:stream from='a.example'>";
const FEATURES = "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls><mechanisms><mechanism>PLAIN</mechanism></mechanisms></stream:features>";

function forwarded(out: MiddleboxOutput[]): Extract<MiddleboxOutput, { type: 'forward' }> {
  expect(out).toHaveLength(1);
  expect(out[0]!.type).toBe('forward');
  return out[0] as Extract<MiddleboxOutput, { type: 'forward' }>;
}

describe('cutMatches', () => {
  it('cuts the match out and keeps each layer over the bytes it described', () => {
    const p = packet([HEADER, FEATURES]);
    const cut = cutMatches(p, /<starttls\b[\s\S]*?<\/starttls>/g)!;
    expect(dec(cut.data)).toBe(HEADER + "<stream:features><mechanisms><mechanism>PLAIN</mechanism></mechanisms></stream:features>");
    const [tcp, head, feats] = cut.layers;
    expect(tcp).toMatchObject({ start: 0, end: cut.data.length });
    expect(dec(cut.data.slice(head!.start, head!.end))).toBe(HEADER);
    expect(dec(cut.data.slice(feats!.start, feats!.end))).toMatch(/^<stream:features>.*<\/stream:features>$/);
  });

  it('drops a layer that lay wholly inside the cut, counts bytes not characters, and says null when nothing matches', () => {
    const p = packet(['<a>ü</a>', '<b/>', '<c/>']);
    const cut = cutMatches(p, /<b\/>/g)!;
    expect(dec(cut.data)).toBe('<a>ü</a><c/>');
    expect(cut.layers.map((l) => [l.layer, l.start, l.end])).toEqual([['tcp', 0, 13], ['xml', 0, 9], ['xml', 9, 13]]);
    expect(cutMatches(p, /<d\/>/g)).toBeNull();
  });
});

describe('the stripper', () => {
  it('removes <starttls/> (with <required/>) from stream features and says so', () => {
    const s = starttlsStrip.init({ id: 'mallory', machine: 'strip-starttls', link: 'alice~a.example' }, undefined as never, ctx);
    const f = forwarded(starttlsStrip.handle(s, { type: 'packet', packet: packet([HEADER, FEATURES]) }, ctx));
    expect(dec(f.packet.data)).not.toContain('starttls');
    expect(dec(f.packet.data)).toContain('<mechanism>PLAIN</mechanism>');
    expect(f.note).toEqual({ key: 'attack.starttls-stripped', params: { middlebox: 'mallory', server: 'a.example', client: 'alice' } });
    expect(s.stripped).toBe(1);
  });

  it('lets everything else pass untouched: features without the offer, and TLS records it cannot read', () => {
    const s = starttlsStrip.init({ id: 'mallory', machine: 'strip-starttls', link: 'alice~a.example' }, undefined as never, ctx);
    const plain = packet(["<stream:features><mechanisms><mechanism>PLAIN</mechanism></mechanisms></stream:features>"]);
    expect(forwarded(starttlsStrip.handle(s, { type: 'packet', packet: plain }, ctx)).packet).toBe(plain);
    const sealed = packet([FEATURES], true);
    expect(forwarded(starttlsStrip.handle(s, { type: 'packet', packet: sealed }, ctx)).packet).toBe(sealed);
    expect(s.stripped).toBe(0);
  });
});

describe('the SASL downgrade box', () => {
  const spec = (stripStarttls: boolean) => ({ id: 'mallory', machine: 'sasl-downgrade', link: 'alice~a.example', ...(stripStarttls ? { config: { stripStarttls } } : {}) });
  const OFFER = "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/><mechanisms><mechanism>SCRAM-SHA-256-PLUS</mechanism><mechanism>SCRAM-SHA-256</mechanism><mechanism>PLAIN</mechanism></mechanisms></stream:features>";

  it('removes every SCRAM mechanism (and with stripStarttls the STARTTLS offer too)', () => {
    const keep = saslDowngrade.init(spec(false), undefined as never, ctx);
    const f = forwarded(saslDowngrade.handle(keep, { type: 'packet', packet: packet([HEADER, OFFER]) }, ctx));
    expect(dec(f.packet.data)).toBe(HEADER + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/><mechanisms><mechanism>PLAIN</mechanism></mechanisms></stream:features>");
    expect(f.note?.key).toBe('attack.sasl-downgraded');
    const strip = saslDowngrade.init(spec(true), undefined as never, ctx);
    const g = forwarded(saslDowngrade.handle(strip, { type: 'packet', packet: packet([HEADER, OFFER]) }, ctx));
    expect(dec(g.packet.data)).toBe(HEADER + '<stream:features><mechanisms><mechanism>PLAIN</mechanism></mechanisms></stream:features>');
    expect(g.note?.key).toBe('attack.downgrade-and-strip');
  });

  it('inside TLS it is blind: the first record is narrated once, nothing is changed', () => {
    const s = saslDowngrade.init(spec(false), undefined as never, ctx);
    const sealed = packet([OFFER], true);
    const first = forwarded(saslDowngrade.handle(s, { type: 'packet', packet: sealed }, ctx));
    expect(first.packet).toBe(sealed);
    expect(first.note?.key).toBe('attack.downgrade-blind');
    expect(forwarded(saslDowngrade.handle(s, { type: 'packet', packet: sealed }, ctx)).note).toBeUndefined();
  });
});
