/** A small hand-made trace for the layout tests: two domains, three clients, a tap, wire and local events. */
import type { Trace, TraceEvent } from '../../../lib/sim/types';

const enc = (s: string) => new TextEncoder().encode(s);

function wire(seq: number, from: string, to: string, link: string, sentAt: number, time: number, text: string, layers: TraceEvent['layers'] = []): TraceEvent {
  const bytes = enc(text);
  return { seq, time, kind: 'wire', from, to, link, sentAt, wire: bytes, layers: layers.length ? layers : [{ layer: 'tcp', start: 0, end: bytes.length, label: 'TCP' }, { layer: 'xml', start: 0, end: bytes.length, label: 'xml' }], note: { key: 'wire.bytes' }, effects: [], facts: [] };
}

export const fixture: Trace = {
  scenarioId: 'fixture',
  seed: 1,
  nodes: [
    { id: 'a.example', kind: 'server', label: 'a.example', ip: '198.51.100.10', domain: 'a.example' },
    { id: 'b.example', kind: 'server', label: 'b.example', ip: '203.0.113.10', domain: 'b.example' },
    { id: 'alice', kind: 'client', label: 'alice@a.example', ip: '192.0.2.10', server: 'a.example', domain: 'a.example' },
    { id: 'carol', kind: 'client', label: 'carol@a.example', ip: '192.0.2.30', server: 'a.example', domain: 'a.example' },
    { id: 'bob', kind: 'client', label: 'bob@b.example', ip: '192.0.2.20', server: 'b.example', domain: 'b.example' },
  ],
  links: [
    { id: 'alice~a.example', a: 'alice', b: 'a.example', latencyMs: 20 },
    { id: 'carol~a.example', a: 'carol', b: 'a.example', latencyMs: 25 },
    { id: 'a.example~b.example', a: 'a.example', b: 'b.example', latencyMs: 40 },
    { id: 'bob~b.example', a: 'bob', b: 'b.example', latencyMs: 30 },
  ],
  taps: [{ id: 'tap:alice~a.example', kind: 'tap', link: 'alice~a.example' }],
  events: [
    { seq: 0, time: 0, kind: 'action', from: 'alice', to: 'alice', layers: [], note: { key: 'action.connect', params: { node: 'alice' } }, effects: [], facts: [], action: { type: 'connect' } },
    wire(1, 'alice', 'a.example', 'alice~a.example', 0, 20, "<?xml version='1.0'?><stream:stream to='a.example' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>"),
    wire(2, 'a.example', 'alice', 'alice~a.example', 20, 40, "<stream:stream from='a.example' version='1.0'><stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms></stream:features>"),
    wire(3, 'alice', 'a.example', 'alice~a.example', 40, 60, "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFsaWNlAHdvbmRlcmxhbmQ=</auth>", [
      { layer: 'tcp', start: 0, end: 88, label: 'TCP' },
      { layer: 'xml', start: 0, end: 88, label: '<auth/>' },
      { layer: 'sasl', start: 65, end: 81, label: 'SASL PLAIN' },
    ]),
    { seq: 4, time: 1000, kind: 'action', from: 'alice', to: 'alice', layers: [], note: { key: 'action.send-message', params: { node: 'alice', to: 'bob@b.example', body: 'Hi' } }, effects: [], facts: [], action: { type: 'send-message', to: 'bob@b.example', body: 'Hi' } },
    wire(5, 'alice', 'a.example', 'alice~a.example', 1000, 1020, "<message to='bob@b.example' type='chat'><body>Hi</body></message>"),
    wire(6, 'a.example', 'b.example', 'a.example~b.example', 1020, 1060, "<message from='alice@a.example' to='bob@b.example' type='chat'><body>Hi</body></message>"),
    wire(7, 'b.example', 'bob', 'bob~b.example', 1060, 1090, "<message from='alice@a.example' to='bob@b.example' type='chat'><body>Hi</body></message><presence/>"),
    wire(8, 'bob', 'b.example', 'bob~b.example', 1090, 1120, '</stream:stream>'),
  ],
  truncated: false,
};
