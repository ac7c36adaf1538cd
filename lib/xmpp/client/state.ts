/**
 * The XMPP client's plain-data state and the small helpers every part of it shares: its stanza
 * sender, notes and facts, stanza ids, and `go`, which moves the negotiation phase along the table
 * in lib/xmpp/stream/client-table.ts — and reports a move the table refuses as an engine error,
 * never ignores it.
 * @module
 */
import type { NoteKey } from '../../narration/notes';
import { fact } from '../../sim/facts';
import type { Action, ClientSpec, HostContext, HostOutput, Note, SaslMechanismSetting, Scenario } from '../../sim/types';
import { serialize, serializeOpenTag } from '../../xml/serialize';
import { x, type XmlElement } from '../../xml/element';
import { createStreamParser, type StreamParserState } from '../../xml/stream-parser';
import type { E2eScheme } from '../../e2e/scheme';
import { NS_CLIENT, NS_STREAM } from '../namespaces';
import type { ScramClientState } from '../sasl/scram';
import type { TlsChannel } from '../tls-channel/channel';
import { labAnchor, pkiSeed } from '../tls-channel/pki';
import { clientPort, sendOutput, type TcpEndpoints, type WirePiece } from '../wire';
import { nextClientPhase, type ClientPhase, type ClientTrigger } from '../stream/client-table';
import type { ClientRoom } from './muc';

export interface ReceivedMessage {
  from: string;
  body: string;
  time: number;
  /** XEP-0203 stamp when the server held it. */
  delayed?: string;
  /** End-to-end encrypted (OTR, or the static-key contrast); `verified` after a successful SMP. */
  encrypted?: boolean;
  verified?: boolean;
}

export interface ContactPresence {
  jid: string;
  available: boolean;
  show?: string;
  status?: string;
}

export interface ClientRosterItem {
  jid: string;
  subscription: string;
  ask?: string;
  name?: string;
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
  linkId: string;
  tcp: TcpEndpoints;
  parser: StreamParserState;
  tls: TlsChannel | null;
  /** The certificate authority this client trusts (DER): the scenario's lab CA; null without TLS. */
  trustAnchor: Uint8Array | null;
  /** `tlsLayer: 'external'`: real TLS outside the machine (lib/io); absent = lib/tls in the simulator. */
  policy: {
    tls: Scenario['settings']['tls'];
    mechanism: SaslMechanismSetting;
    allowPlainWithoutTls: boolean;
    tlsLayer?: 'modelled' | 'external';
    /** `tlsPolicy: lax`: log in without TLS when the server offers none (what STARTTLS stripping exploits). */
    lax?: true;
    /** `certificateErrors: override`: the user accepts a certificate that does not check out. */
    override?: true;
    /** The client's own list of mechanisms it accepts (`mechanisms` in its spec), instead of `mechanism` alone. */
    mechanisms?: SaslMechanismSetting[];
  };
  /** Mechanisms the server offered last (for a retry). */
  offered: string[];
  scram: ScramClientState | null;
  /** The full JID the server bound, once online. */
  boundJid: string | null;
  streamId: string | null;
  nextId: number;
  /** What the user asked for before the session was ready (bounded). */
  outbox: Action[];
  /** The latest messages received, as the client's screen shows them (the trace keeps them all). */
  inbox: ReceivedMessage[];
  roster: Record<string, ClientRosterItem>;
  /** Presence seen, by full JID (bounded). */
  presence: Record<string, ContactPresence>;
  /** Subscription requests waiting for the user's answer (bare JIDs). */
  requests: string[];
  /** Own presence settings, sent with the initial presence too. */
  own: { show?: string; status?: string; priority?: number };
  /** Outstanding iq requests by id: what they asked. */
  pending: Record<string, string>;
  /**
   * Each end-to-end scheme's state by scheme id (lib/e2e/registry.ts): `otr` (conversations and the
   * long-term DSA key, lib/xmpp/im/otr-client.ts), `static` (lib/xmpp/im/static-client.ts), `signed`
   * (lib/xmpp/im/signed-client.ts).
   */
  e2e: Record<string, unknown>;
  /** XEP-0045 rooms we entered or are entering, by room JID (lib/xmpp/client/muc.ts; bounded). */
  rooms: Record<string, ClientRoom>;
}

/** State stays small so that checkpoints cost the same at step 10 and at step 100,000. */
export const INBOX_SHOWN = 20;
export const OUTBOX_MAX = 20;
export const PRESENCE_MAX = 50;
const PENDING_MAX = 20;

export function initClient(spec: ClientSpec, scenario: Scenario, schemes: readonly E2eScheme[], ctx: HostContext): ClientState {
  const [localpart = '', domain = ''] = spec.jid.split('@');
  const server = scenario.topology.servers.find((s) => s.id === spec.server);
  const link = scenario.topology.links.find((l) => (l.a === spec.id && l.b === spec.server) || (l.b === spec.id && l.a === spec.server));
  const st = scenario.settings;
  return {
    id: spec.id,
    phase: 'offline',
    jid: spec.jid,
    domain,
    localpart,
    password: spec.password,
    resource: spec.resource ?? null,
    serverNode: spec.server,
    linkId: link?.id ?? `${spec.id}~${spec.server}`,
    tcp: { srcIp: spec.ip, srcPort: clientPort(spec.id), dstIp: server?.ip ?? '0.0.0.0', dstPort: 5222 },
    parser: createStreamParser(),
    tls: null,
    trustAnchor: st.tls !== 'none' ? labAnchor(pkiSeed(ctx)) : null,
    policy: {
      tls: st.tls,
      mechanism: st.sasl,
      allowPlainWithoutTls: st.allowPlainWithoutTls ?? false,
      ...(spec.tlsPolicy === 'lax' ? { lax: true as const } : {}),
      ...(spec.certificateErrors === 'override' ? { override: true as const } : {}),
      ...(spec.mechanisms ? { mechanisms: [...spec.mechanisms] } : {}),
    },
    offered: [],
    scram: null,
    boundJid: null,
    streamId: null,
    nextId: 1,
    outbox: [],
    inbox: [],
    roster: {},
    presence: {},
    requests: [],
    own: {},
    pending: {},
    e2e: Object.fromEntries(schemes.map((scheme) => [scheme.id, scheme.init()])),
    rooms: {},
  };
}

const XML_DECL = "<?xml version='1.0'?>";

export function streamHeader(domain: string): WirePiece {
  const attrs = { to: domain, version: '1.0', 'xml:lang': 'en', xmlns: NS_CLIENT, 'xmlns:stream': NS_STREAM };
  return { text: XML_DECL + serializeOpenTag('stream:stream', attrs), label: 'stream header' };
}

export const STREAM_CLOSE: WirePiece = { text: '</stream:stream>', label: 'stream close' };

export function piece(el: XmlElement, inner?: WirePiece['inner']): WirePiece {
  return { text: serialize(el), label: `<${el.name}/>`, ...(inner ? { inner } : {}) };
}

export function send(s: ClientState, pieces: WirePiece[], note: Note): HostOutput {
  return sendOutput(s.serverNode, pieces, s.tcp, note, s.tls);
}

export function note(key: NoteKey, params: Record<string, string | number>): HostOutput {
  return { type: 'note', note: { key, params } };
}

/** A fresh stanza id: `alice-7`. */
export function id(s: ClientState): string {
  return `${s.id}-${s.nextId++}`;
}

/** An iq request, remembered by id so that its result can be read (lib/xmpp/client/services.ts). */
export function request(s: ClientState, type: 'get' | 'set', what: string, to: string | undefined, payload: XmlElement): XmlElement {
  const i = id(s);
  if (Object.keys(s.pending).length >= PENDING_MAX) delete s.pending[Object.keys(s.pending)[0]!];
  s.pending[i] = what;
  return x('iq', { type, id: i, to }, payload);
}

export function tlsUp(s: ClientState): boolean {
  return s.tls !== null && s.tls.phase === 'open';
}

/** The stream has ended (or never began): bytes and most actions have nothing to act on. */
export const streamDown = (s: ClientState): boolean => s.phase === 'offline' || s.phase === 'closed' || s.phase === 'failed';

/** The login ended without a session (lib/io's XmppClient waits for this or for 'session-online'). */
export function loginFailed(s: ClientState, reason: string): HostOutput {
  return fact({ type: 'login-failed', node: s.id, reason });
}

/** A stream that dies: a failed login when it dies before the session was bound. */
export function loginFailedUnlessOnline(s: ClientState, reason: string): HostOutput {
  return s.boundJid === null ? loginFailed(s, reason) : fact({ type: 'stream-ended', node: s.id, reason });
}

/** Whether the table has a row for this trigger now: for inputs from the user or the peer, which may come at any time. */
export function accepts(s: ClientState, on: ClientTrigger): boolean {
  return nextClientPhase(s.phase, on) !== null;
}

/**
 * Take a step the code believes the table allows. When it does not, that is a defect of this engine,
 * not of the peer: the phase stays, and an 'engine-error' fact and a note say which step was refused
 * (tests assert none ever occurs).
 */
export function go(s: ClientState, on: ClientTrigger): HostOutput[] {
  const next = nextClientPhase(s.phase, on);
  if (next !== null) {
    s.phase = next;
    return [];
  }
  return [fact({ type: 'engine-error', node: s.id, machine: 'xmpp-client', from: s.phase, trigger: on }), note('client.impossible-transition', { client: s.id, phase: s.phase, trigger: on })];
}
