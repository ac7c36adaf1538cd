/**
 * An XMPP server host for one domain as a sans-I/O state machine: c2s streams from client nodes
 * (lib/xmpp/server/c2s.ts and router.ts), s2s streams from peer servers (server/s2s.ts), timers for
 * DNS answers and connection timeouts. A server marked down in the topology drops everything.
 * Which is which, and when a connection is new, the transport says (HostInput `transport`): bytes to
 * the client port are c2s (RFC 6120 §14.7), any other port s2s; `opened` marks a new TCP connection.
 * @module
 */
import type { HostInput, HostMachine, HostOutput, ServerSpec } from '../../sim/types';
import { createStreamParser, feed } from '../../xml/stream-parser';
import { channelReceive, keyParams, tlsKeysFact } from '../tls-channel/channel';
import { LAB_CA_NAME, SIM_EPOCH_MS } from '../tls-channel/pki';
import { fact } from '../../sim/facts';
import { answering, closing, sendRecords } from '../wire';
import { newSession, onNegotiation, onStreamOpen, step, streamError } from '../server/c2s';
import { note, STREAM_CLOSE, toSession } from '../server/out';
import { endSession } from '../server/presence';
import { serverContext, sessionStanza, type RouterContext } from '../server/router';
import { checkServices, type ServerService } from '../server/service';
import { SERVER_SERVICES } from '../server/services';
import { s2sBytes, s2sTimer, tlsFailedOutputs } from '../server/s2s';
import { initServer, type ServerState } from '../server/state';

export type { ServerState, Session, StoredMessage, AccountState, RosterItem, S2sConn } from '../server/state';

function c2sBytes(s: ServerState, input: Extract<HostInput, { type: 'bytes' }>, ctx: RouterContext): HostOutput[] {
  const out: HostOutput[] = [];
  let sess = s.sessions[input.from];
  if (input.transport?.opened) {
    // A new TCP connection from this node: a new session. One still open on the old connection ends with it.
    if (sess && sess.phase !== 'closed') out.push(...endSession(s, sess, ctx));
    sess = s.sessions[input.from] = newSession(input.from, answering(input.transport));
  } else if (!sess || sess.phase === 'closed') {
    // Late bytes of a connection whose session has ended (a close crossing ours): never answered.
    return [note('server.late-bytes', { server: s.domain, client: input.from })];
  }
  let chunks: Uint8Array[] = [input.data];
  if (sess.tls) {
    const r = channelReceive(sess.tls, input.data, SIM_EPOCH_MS + ctx.now);
    if (r.failure) return [...out, ...tlsFailedOutputs(s, sess.tls, sess.node, sess.node, r), ...step(s, sess, 'stream-error'), ...endSession(s, sess, ctx)];
    if (r.reply) out.push(sendRecords(sess.node, r.reply, sess.tcp, { key: 'tls.server-flight', params: { node: s.domain, peer: sess.node, ca: LAB_CA_NAME } }));
    // C1: the server holds all five secrets when it sends its Finished.
    if (r.keysReady) out.push(fact(tlsKeysFact(sess.tls, s.id, sess.node)));
    if (r.established) {
      out.push(note('tls.established', { node: s.id, peer: sess.node, ...keyParams(sess.tls) }));
      out.push(...step(s, sess, 'tls-established'));
      sess.parser = createStreamParser();
    }
    chunks = r.plaintext;
  }
  for (const chunk of chunks) {
    for (const ev of feed(sess.parser, chunk)) {
      if (sess.phase === 'closed') break;
      switch (ev.type) {
        case 'stream-open':
          out.push(...onStreamOpen(s, sess, ev.attrs, ctx));
          break;
        case 'element':
          if (sess.phase !== 'established') out.push(...onNegotiation(s, sess, ev.element, ctx));
          // RFC 6120 §4.9.3.24: a first-level element that is not a stanza of the content namespace.
          else if (!['message', 'presence', 'iq'].includes(ev.element.name)) out.push(...streamError(s, sess, 'unsupported-stanza-type', ctx));
          else out.push(...sessionStanza(s, sess, ev.element, ctx));
          break;
        case 'stream-close':
          out.push(closing(toSession(sess, [STREAM_CLOSE], { key: 'server.stream-close', params: { server: s.domain, client: sess.node } })));
          out.push(...endSession(s, sess, ctx));
          break;
        case 'error':
          out.push(...streamError(s, sess, ev.condition, ctx));
          break;
      }
    }
  }
  return out;
}

/** A server host running these services (lib/xmpp/server/service.ts); tests add their own to the list. */
export function createXmppServer(list: readonly ServerService[]): HostMachine<ServerState> {
  const services = checkServices(list);
  return {
    init: (spec, scenario, ctx) => initServer(spec as ServerSpec, scenario, ctx),
    handle(state, input, hostCtx) {
      if (state.down) return input.type === 'bytes' ? [note('server.down', { server: state.domain, from: input.from })] : [];
      const ctx = serverContext(state, hostCtx, services);
      switch (input.type) {
        case 'bytes':
          return input.transport?.dst.port === state.c2sPort ? c2sBytes(state, input, ctx) : s2sBytes(state, input, ctx);
        case 'timer':
          return s2sTimer(state, input.name, ctx);
        case 'action':
          return [];
      }
    },
  };
}

export const xmppServer: HostMachine<ServerState> = createXmppServer(SERVER_SERVICES);
