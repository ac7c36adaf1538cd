/**
 * An XMPP client host (RFC 6120 c2s, RFC 6121 messages and presence) as a sans-I/O state machine:
 * bytes and user intents in, bytes and notes out. Follows the transitions in client-table.ts.
 * This is the foundation's slice (SASL PLAIN, no TLS); the full engine extends it.
 * @module
 */
import { toBase64 } from '../../bytes/base64';
import { utf8 } from '../../bytes/hex';
import type { ClientSpec, HostInput, HostMachine, HostOutput, Note, Scenario } from '../../sim/types';
import { child, text, x, type XmlElement } from '../../xml/element';
import { serialize, serializeOpenTag } from '../../xml/serialize';
import { createStreamParser, feed, restartStream, type StreamParserState } from '../../xml/stream-parser';
import { NS_BIND, NS_CLIENT, NS_SASL, NS_STREAM } from '../namespaces';
import { clientPort, sendOutput, type TcpEndpoints, type WirePiece } from '../wire';
import { nextClientPhase, type ClientPhase, type ClientTrigger } from './client-table';

export interface ReceivedMessage {
  from: string;
  body: string;
  time: number;
}

export interface ClientState {
  id: string;
  phase: ClientPhase;
  jid: string;
  domain: string;
  localpart: string;
  password: string;
  resource: string | null;
  serverNode: string;
  tcp: TcpEndpoints;
  parser: StreamParserState;
  /** The full JID the server bound, once online. */
  boundJid: string | null;
  streamId: string | null;
  nextId: number;
  /** Messages the user asked to send before the session was ready. */
  outbox: { to: string; body: string }[];
  /** The latest messages received, as the client's screen shows them (the trace keeps them all). */
  inbox: ReceivedMessage[];
}

/** State stays small so that checkpoints cost the same at step 10 and at step 100,000. */
export const INBOX_SHOWN = 20;

const XML_DECL = "<?xml version='1.0'?>";

function streamHeader(domain: string): WirePiece {
  const attrs = { to: domain, version: '1.0', 'xml:lang': 'en', xmlns: NS_CLIENT, 'xmlns:stream': NS_STREAM };
  return { text: XML_DECL + serializeOpenTag('stream:stream', attrs), label: 'stream header' };
}

function piece(el: XmlElement, inner?: WirePiece['inner']): WirePiece {
  return { text: serialize(el), label: `<${el.name}/>`, ...(inner ? { inner } : {}) };
}

function send(s: ClientState, pieces: WirePiece[], note: Note): HostOutput {
  return sendOutput(s.serverNode, pieces, s.tcp, note);
}

function initClient(spec: ClientSpec, scenario: Scenario): ClientState {
  const [localpart = '', domain = ''] = spec.jid.split('@');
  const server = scenario.topology.servers.find((s) => s.id === spec.server);
  return {
    id: spec.id,
    phase: 'offline',
    jid: spec.jid,
    domain,
    localpart,
    password: spec.password,
    resource: spec.resource ?? null,
    serverNode: spec.server,
    tcp: { srcIp: spec.ip, srcPort: clientPort(spec.id), dstIp: server?.ip ?? '0.0.0.0', dstPort: 5222 },
    parser: createStreamParser(),
    boundJid: null,
    streamId: null,
    nextId: 1,
    outbox: [],
    inbox: [],
  };
}

function go(s: ClientState, on: ClientTrigger): boolean {
  const next = nextClientPhase(s.phase, on);
  if (next === null) return false;
  s.phase = next;
  return true;
}

function messageStanza(s: ClientState, to: string, body: string): XmlElement {
  return x('message', { type: 'chat', to, id: `${s.id}-${s.nextId++}` }, x('body', null, body));
}

function handleAction(s: ClientState, input: Extract<HostInput, { type: 'action' }>): HostOutput[] {
  const a = input.action;
  switch (a.type) {
    case 'connect':
      if (!go(s, 'connect')) return [{ type: 'note', note: { key: 'client.already-connected', params: { client: s.id } } }];
      return [send(s, [streamHeader(s.domain)], { key: 'client.stream-open', params: { client: s.id, server: s.domain } })];
    case 'send-message': {
      if (s.phase !== 'online') {
        s.outbox.push({ to: a.to, body: a.body });
        return [{ type: 'note', note: { key: 'client.message-queued', params: { client: s.id, to: a.to } } }];
      }
      return [send(s, [piece(messageStanza(s, a.to, a.body))], { key: 'client.message-send', params: { client: s.id, to: a.to, server: s.domain } })];
    }
    case 'disconnect':
      if (!go(s, 'disconnect')) return [];
      return [send(s, [{ text: '</stream:stream>', label: 'stream close' }], { key: 'client.stream-close', params: { client: s.id } })];
  }
}

function onElement(s: ClientState, el: XmlElement): HostOutput[] {
  if (el.name === 'stream:features') {
    const mechs = child(el, 'mechanisms', NS_SASL);
    if (mechs && go(s, 'features-sasl')) {
      // RFC 4616: message = [authzid] UTF8NUL authcid UTF8NUL passwd
      const payload = toBase64(utf8(`\u0000${s.localpart}\u0000${s.password}`));
      const auth = x('auth', { xmlns: NS_SASL, mechanism: 'PLAIN' }, payload);
      return [
        send(s, [piece(auth, { layer: 'sasl', text: payload, label: `SASL PLAIN: ${s.localpart} + password` })], {
          key: 'client.sasl-plain',
          params: { client: s.id, server: s.domain },
        }),
      ];
    }
    if (child(el, 'bind', NS_BIND) && go(s, 'features-bind')) {
      const bind = x('bind', { xmlns: NS_BIND }, s.resource ? x('resource', null, s.resource) : null);
      const iq = x('iq', { type: 'set', id: `${s.id}-bind-${s.nextId++}` }, bind);
      return [send(s, [piece(iq)], { key: 'client.bind', params: { client: s.id, resource: s.resource ?? '' } })];
    }
    return [{ type: 'note', note: { key: 'client.unexpected', params: { client: s.id, element: el.name } } }];
  }
  if (el.name === 'success' && el.attrs.xmlns === NS_SASL && go(s, 'sasl-success')) {
    // RFC 6120 §6.4.6: on success both sides discard the old stream and start a new one on the same TCP connection.
    restartStream(s.parser);
    return [send(s, [streamHeader(s.domain)], { key: 'client.stream-restart', params: { client: s.id } })];
  }
  if (el.name === 'failure' && el.attrs.xmlns === NS_SASL && go(s, 'sasl-failure')) {
    const condition = el.children.find((c) => typeof c !== 'string');
    return [{ type: 'note', note: { key: 'client.sasl-failed', params: { client: s.id, condition: condition && typeof condition !== 'string' ? condition.name : 'unknown' } } }];
  }
  if (el.name === 'iq' && s.phase === 'binding' && el.attrs.type === 'result') {
    const jid = text(child(child(el, 'bind', NS_BIND) ?? { name: '', attrs: {}, children: [] }, 'jid'));
    if (!go(s, 'bind-result')) return [];
    s.boundJid = jid;
    // RFC 6121 §4.2: initial presence announces availability; the outbox is flushed after it.
    const out: HostOutput[] = [send(s, [piece(x('presence'))], { key: 'client.initial-presence', params: { client: s.id, jid } })];
    for (const m of s.outbox.splice(0)) {
      out.push(send(s, [piece(messageStanza(s, m.to, m.body))], { key: 'client.message-send', params: { client: s.id, to: m.to, server: s.domain } }));
    }
    return out;
  }
  if (el.name === 'message') {
    const body = text(child(el, 'body'));
    const from = el.attrs.from ?? s.domain;
    if (body) {
      s.inbox.push({ from, body, time: 0 });
      if (s.inbox.length > INBOX_SHOWN) s.inbox.shift();
    }
    return [{ type: 'note', note: { key: body ? 'client.message-received' : 'client.stanza-received', params: { client: s.id, from, body, element: el.name } } }];
  }
  if (el.name === 'presence') {
    return [{ type: 'note', note: { key: 'client.presence-received', params: { client: s.id, from: el.attrs.from ?? s.domain } } }];
  }
  return [{ type: 'note', note: { key: 'client.unexpected', params: { client: s.id, element: el.name } } }];
}

function handleBytes(s: ClientState, data: Uint8Array, now: number): HostOutput[] {
  const out: HostOutput[] = [];
  for (const ev of feed(s.parser, data)) {
    switch (ev.type) {
      case 'stream-open':
        if (go(s, 'stream-header')) s.streamId = ev.attrs.id ?? null;
        break;
      case 'element': {
        const produced = onElement(s, ev.element);
        for (const o of produced) if (o.type === 'note' && o.note.key === 'client.message-received') s.inbox[s.inbox.length - 1]!.time = now;
        out.push(...produced);
        break;
      }
      case 'stream-close':
        go(s, 'stream-close');
        out.push({ type: 'note', note: { key: 'client.stream-closed', params: { client: s.id } } });
        break;
      case 'error':
        go(s, 'stream-error');
        out.push({ type: 'note', note: { key: 'client.stream-error', params: { client: s.id, condition: ev.condition } } });
        break;
    }
  }
  return out;
}

export const xmppClient: HostMachine<ClientState> = {
  init: (spec, scenario) => initClient(spec as ClientSpec, scenario),
  handle(state, input, ctx) {
    switch (input.type) {
      case 'action':
        return handleAction(state, input);
      case 'bytes':
        return handleBytes(state, input.data, ctx.now);
      case 'timer':
        return [];
    }
  },
};
