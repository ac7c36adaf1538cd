/**
 * The simulator's data model: a Scenario goes in, a Trace comes out.
 * Everything here is plain, serialisable data (no classes, closures or promises), so that
 * states can be checkpointed with structuredClone, compared, replayed and shown in the inspector.
 * @module
 */
import type { Fact } from './facts';
import type { RngState } from './rng';

// ---------------------------------------------------------------------------------------------
// Scenarios: topology + settings + a timed script. Validated on load (lib/scenarios/validate.ts).
// ---------------------------------------------------------------------------------------------

export interface LocalizedText {
  en: string;
  de: string;
}

export interface Account {
  /** The localpart, as registered on the server (`alice`). */
  user: string;
  password: string;
}

export interface ServerSpec {
  /** Node id; by convention the server's domain (`a.example`). */
  id: string;
  domain: string;
  /** IPv4 address from a documentation range (RFC 5737), shown in the TCP layer. */
  ip: string;
  accounts: Account[];
  /**
   * The operator runs a man in the middle on OTR between two of its accounts (bare JIDs):
   * lib/xmpp/server/otr-mitm.ts. Absent = an honest server.
   */
  otrMitm?: { between: [string, string] };
}

export interface ClientSpec {
  /** Node id (`alice`). */
  id: string;
  /** The account's bare JID (`alice@a.example`). */
  jid: string;
  password: string;
  /** Id of the server node this client connects to. */
  server: string;
  /** The resource the client asks for when binding; absent = let the server choose. */
  resource?: string;
  ip: string;
}

export interface LinkSpec {
  /** `alice~a.example`: the two endpoint ids joined by `~`, in the order given. */
  id: string;
  a: string;
  b: string;
  /** One-way latency in virtual milliseconds. */
  latencyMs: number;
}

export interface TapSpec {
  /** Observer name (`tap:alice~a.example`). */
  id: string;
  link: string;
}

/** What a thief can take from a device (lib/knowledge/thief.ts). */
export type StolenKind = 'long-term-keys' | 'otr-session' | 'static-key';

export interface TheftSpec {
  /** The client node whose device is robbed. */
  node: string;
  /** Virtual ms: the thief gets what the node held at this moment. */
  at: number;
  what: StolenKind[];
}

/**
 * A thief: records one link like a tap, and steals keys from devices. With the stolen keys it opens
 * whatever it recorded (and records later) that those keys open — past and future.
 */
export interface ThiefSpec {
  /** Observer name (`thief`). */
  id: string;
  link: string;
  steals: TheftSpec[];
}

/** An edit of a recorded message: replace `find` by `replace` (same length in UTF-8 bytes). */
export interface ForgerEdit {
  /** Index into the forger's recorded messages (OTR Data Messages and signed messages, in order), from 0. */
  message: number;
  find: string;
  replace: string;
  /** The plaintext the forger knows or guesses the message holds (it cannot decrypt OTR); absent: `find` starts it. */
  known?: string;
}

/**
 * A forger: records one link like a tap, then edits recorded messages and checks whether the
 * forgeries verify (OTR: with MAC keys revealed later; signed messages: with the signer's key).
 */
export interface ForgerSpec {
  /** Observer name (`forger`). */
  id: string;
  link: string;
  edits: ForgerEdit[];
}

/** A DNS SRV record (RFC 2782), as `_xmpp-server._tcp.b.example. SRV 0 5 5269 xmpp.b.example.` */
export interface SrvRecord {
  /** `_xmpp-server._tcp.b.example` */
  name: string;
  priority: number;
  weight: number;
  port: number;
  /** Host name the record points to; resolved with an A record. */
  target: string;
}

/** A DNS A record: a host name and its IPv4 address. */
export interface ARecord {
  name: string;
  ip: string;
}

/**
 * The simulated DNS (RFC 6120 §3.2: SRV lookup of `_xmpp-server._tcp.<domain>`, fallback to the
 * domain's A record and port 5269). Every server's own domain has an implicit A record for its IP;
 * these records come on top.
 */
export interface DnsZone {
  srv: SrvRecord[];
  a: ARecord[];
}

export interface Topology {
  servers: ServerSpec[];
  clients: ClientSpec[];
  links: LinkSpec[];
  taps: TapSpec[];
  /** Key thieves (observers of kind 'thief'); absent = none. */
  thieves?: ThiefSpec[];
  /** Forgers (observers of kind 'forger', lib/knowledge/forger.ts); absent = none. */
  forgers?: ForgerSpec[];
  /** Extra DNS records; absent = only the implicit A records of the servers' domains. */
  dns?: DnsZone;
  /** Ids of server nodes that are switched off: they answer nothing (a remote-server-timeout lesson). */
  down?: string[];
  /** Active boxes on links: an attacker, a NAT (lib/sim/middlebox.ts); absent = none. */
  middleboxes?: MiddleboxSpec[];
}

/** The SASL mechanisms of RFC 6120 §6 that the engine speaks (lib/xmpp/sasl/mechanisms.ts). */
export type SaslMechanismSetting = 'SCRAM-SHA-256' | 'SCRAM-SHA-1' | 'PLAIN';

export interface Settings {
  /**
   * Transport security on client and server links (RFC 6120 §5): 'none' = no STARTTLS offered;
   * 'starttls' = offered and used by the clients; 'required' = offered with <required/>.
   * TLS is modelled (lib/xmpp/tls-model) until the TLS engine lands.
   */
  tls: 'none' | 'starttls' | 'required';
  /** SASL mechanism the clients use. */
  sasl: SaslMechanismSetting;
  /** Mechanisms the servers enable; absent = all three. */
  serverMechanisms?: SaslMechanismSetting[];
  /** Teaching the anti-pattern: offer and send PLAIN on a stream without TLS (RFC 6120 §13.8 forbids it). */
  allowPlainWithoutTls?: boolean;
  /** SCRAM iteration count the servers store (default 4096, the RFC 7677 minimum). */
  scramIterations?: number;
  /** Failed SASL attempts a server allows on one stream before <policy-violation/> (RFC 6120 §6.4.5; default 3). */
  maxAuthAttempts?: number;
  /** Messages a server stores per offline account (XEP-0160; default 50); beyond that: service-unavailable. */
  offlineLimit?: number;
}

/** The `show` values of RFC 6121 §4.7.2.1. */
export type PresenceShow = 'away' | 'chat' | 'dnd' | 'xa';

/** Message types of RFC 6121 §5.2.2. */
export type MessageType = 'chat' | 'normal' | 'headline' | 'groupchat';

/** What a person (or the script) asks a node to do. */
export type Action =
  | { type: 'connect' }
  | { type: 'send-message'; to: string; body: string; messageType?: MessageType }
  | { type: 'disconnect' }
  /** Retry SASL on the open stream after a failure, with another password and/or mechanism. */
  | { type: 'retry-login'; password?: string; mechanism?: SaslMechanismSetting }
  | { type: 'set-presence'; show?: PresenceShow; status?: string; priority?: number; unavailable?: boolean }
  /** Roster set (RFC 6121 §2.3) followed by a subscription request (§3.1). */
  | { type: 'add-contact'; jid: string; name?: string }
  | { type: 'subscribe'; jid: string }
  | { type: 'unsubscribe'; jid: string }
  | { type: 'approve-subscription'; jid: string }
  | { type: 'deny-subscription'; jid: string }
  | { type: 'remove-contact'; jid: string }
  | { type: 'roster-get' }
  /** XEP-0030 disco#info; absent `to` = the own server. */
  | { type: 'disco-info'; to?: string }
  | { type: 'disco-items'; to?: string }
  /** XEP-0199; absent `to` = the own server. */
  | { type: 'ping'; to?: string }
  /** Bytes a user typed, sent as they are on the stream (inside TLS when TLS is up). */
  | { type: 'send-raw'; text: string }
  /** OTR (lib/xmpp/im/otr-*.ts): send a Query Message "?OTRv23?" to `to` (bare or full JID). */
  | { type: 'otr-start'; to: string }
  /** End the OTR conversation with `to` (TLV 1, then forget the session keys). */
  | { type: 'otr-end'; to: string }
  /** Start the Socialist Millionaires' Protocol in the encrypted session with `to`. */
  | { type: 'smp-start'; to: string; secret: string; question?: string }
  /** Answer an SMP request from `to` with our secret. */
  | { type: 'smp-respond'; to: string; secret: string }
  /** The static-key contrast (lib/contrast/static-key.ts, modelled, not OpenPGP): send our public key to `to`. */
  | { type: 'static-publish'; to: string }
  /** Encrypt `body` to the static public key of `to` (which must have been published to us) and send it. */
  | { type: 'send-static'; to: string; body: string }
  /** Not for scripts: the kernel adds one at each theft of `topology.thieves`, on the robbed device, so the trace shows the theft. */
  | { type: 'keys-stolen'; thief: string; what: StolenKind[] }
  /** The signed-message contrast (lib/contrast/signed.ts, modelled): `body` signed with our Ed25519 key, in clear. */
  | { type: 'send-signed'; to: string; body: string };

export interface ScriptStep {
  /** Virtual time in ms at which the action happens. */
  at: number;
  /** Id of the node that acts. */
  node: string;
  action: Action;
}

export interface Scenario {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  topology: Topology;
  settings: Settings;
  script: ScriptStep[];
}

// ---------------------------------------------------------------------------------------------
// Notes: narration as i18n keys with parameters; the UI translates, the CLI prints English.
// ---------------------------------------------------------------------------------------------

export interface Note {
  key: string;
  params?: Record<string, string | number>;
}

// ---------------------------------------------------------------------------------------------
// Hosts: sans-I/O state machines. The kernel feeds inputs; the host returns outputs.
// ---------------------------------------------------------------------------------------------

/**
 * `conn` names one TCP connection when two nodes hold more than one between them (a server's own
 * outgoing s2s stream and the peer's incoming one, XEP-0220 §2.1.3). Both ends use the same id;
 * absent = the single default connection of the pair (clients).
 */
export type HostInput =
  /** `transport`: how the bytes came (addresses, the kernel's connection, whether it is a new one); absent only from drivers that predate it. */
  | { type: 'bytes'; from: string; data: Uint8Array; conn?: string; transport?: Delivery }
  | { type: 'action'; action: Action }
  | { type: 'timer'; name: string };

/** A layer the sender put on the wire, as a byte range of the payload. */
export interface Layer {
  layer: 'tcp' | 'tls' | 'sasl' | 'xml' | 'otr' | 'plaintext';
  start: number;
  end: number;
  /** Short label: `TCP 192.0.2.10:49152 → 198.51.100.10:5222`, `<message/>`, `SASL PLAIN`. */
  label: string;
  /** Name of the key needed to open this layer; absent = readable by anyone who sees the bytes. */
  key?: string;
}

export type HostOutput =
  /** `transport` absent: TCP between the two nodes' addresses, port 0, opened by the first send (lib/sim/transport.ts). */
  | { type: 'send'; to: string; data: Uint8Array; note: Note; layers: Layer[]; conn?: string; transport?: SendTransport }
  | { type: 'timer'; name: string; after: number }
  | { type: 'note'; note: Note }
  /** A typed fact for other modules (lib/sim/facts.ts); never narration. */
  | { type: 'fact'; fact: Fact };

/** Everything a host may use besides its own state and its input. Time and randomness come only from here. */
export interface HostContext {
  readonly now: number;
  readonly self: string;
  randomBytes(n: number): Uint8Array;
}

/**
 * A protocol host: `init` makes its plain-data state; `handle` takes one input, may update the
 * state in place (the kernel owns it and checkpoints it), and returns what to do.
 * It must never read a clock, a random source or a global.
 */
export interface HostMachine<S = unknown> {
  init(node: ServerSpec | ClientSpec, scenario: Scenario, ctx: HostContext): S;
  handle(state: S, input: HostInput, ctx: HostContext): HostOutput[];
}

/** The nodes that run a HostMachine: the ends of connections. */
export type HostKind = 'client' | 'server';

/** Every kind of node: hosts, and middleboxes that sit on a link (lib/sim/middlebox.ts). */
export type NodeKind = HostKind | 'middlebox';

/**
 * The machines a run uses, by name: `client` and `server` for the hosts, and under any other name the
 * middlebox machines that `topology.middleboxes[].machine` names. A new kind of box is a new entry here,
 * not an edit of the kernel.
 */
export interface Machines {
  client: HostMachine<any>;
  server: HostMachine<any>;
  [machine: string]: HostMachine<any> | MiddleboxMachine<any>;
}

// ---------------------------------------------------------------------------------------------
// Transport: addresses, ports and connections (lib/sim/transport.ts keeps the connection table).
// ---------------------------------------------------------------------------------------------

export type Proto = 'tcp' | 'udp';

export interface Endpoint {
  ip: string;
  port: number;
}

/** What a sender says about one send. TCP bytes ride a connection; a UDP datagram stands alone. */
export interface SendTransport {
  proto: Proto;
  src: Endpoint;
  dst: Endpoint;
  /** TCP: these bytes open a new connection (the SYN rides with them); an old one between the same addresses is gone. */
  open?: true;
  /** TCP: the sender closes its side after these bytes (FIN). */
  close?: true;
}

/** What a receiver is told about bytes that reach it: `src` is the peer as it appears here (after any NAT). */
export interface Delivery {
  proto: Proto;
  src: Endpoint;
  dst: Endpoint;
  /** TCP: the kernel's name for the connection (`tcp-3`), the same at both ends; absent for UDP. */
  conn?: string;
  /** TCP: the first bytes of a connection the peer opened. A receiver needs no other sign of a new connection. */
  opened?: true;
  /** TCP: the peer closed its side after these bytes. */
  closed?: true;
}

/** A middlebox that changed a packet's fate, in the trace. */
export interface MiddleboxMark {
  middlebox: string;
  did: 'rewrite' | 'delay' | 'drop' | 'inject';
}

/** The transport of a wire event: what arrived, and what the middleboxes on the way did to it. */
export interface WireTransport extends Delivery {
  /** As the sender put it on the link, when a middlebox changed its addresses or bytes. */
  sent?: { src: Endpoint; dst: Endpoint; data?: Uint8Array };
  via?: MiddleboxMark[];
}

// ---------------------------------------------------------------------------------------------
// Middleboxes: sans-I/O machines on a link that see every segment and datagram crossing it.
// ---------------------------------------------------------------------------------------------

/** A middlebox in a scenario (`topology.middleboxes`). */
export interface MiddleboxSpec {
  /** Node id (`nat`, `mallory`). */
  id: string;
  /** The machine that runs it: a key of the run's Machines (`nat`, `strip-starttls` …). */
  machine: string;
  /** The link it sits on. Boxes on one link are met in list order going from the link's `a` to its `b`. */
  link: string;
  /** Settings for its machine, plain data (a NAT's inside node and public address …). */
  config?: Record<string, string | number | boolean>;
}

/** One TCP segment or UDP datagram as it crosses a link. */
export interface Packet {
  proto: Proto;
  src: Endpoint;
  dst: Endpoint;
  /** The link's ends it travels between: `from` sent it (or is made to seem to), `to` gets it. */
  from: string;
  to: string;
  data: Uint8Array;
  layers: Layer[];
  /** The hosts' own name of the connection (HostOutput `conn`), carried through. */
  conn?: string;
  /** The sender's TCP flags (SendTransport). */
  open?: true;
  close?: true;
  /** The sender's narration of it. */
  note: Note;
}

export type MiddleboxInput = { type: 'packet'; packet: Packet } | { type: 'timer'; name: string };

/**
 * What a middlebox does. For a packet: each `forward` lets a packet go on toward its `to` (the one it
 * got, or a changed copy: bytes, layers, addresses), `after` ms later than the link alone would take;
 * no `forward` drops it. `inject` sends a packet of its own to a node at an end of its link.
 */
export type MiddleboxOutput =
  | { type: 'forward'; packet: Packet; after?: number; note?: Note }
  | { type: 'drop'; note: Note }
  | { type: 'inject'; packet: Packet; note?: Note }
  | { type: 'timer'; name: string; after: number }
  | { type: 'note'; note: Note }
  | { type: 'fact'; fact: Fact };

/** A middlebox machine: like a HostMachine, plain-data state, time and randomness only from the context. */
export interface MiddleboxMachine<S = unknown> {
  readonly role: 'middlebox';
  init(spec: MiddleboxSpec, scenario: Scenario, ctx: HostContext): S;
  handle(state: S, input: MiddleboxInput, ctx: HostContext): MiddleboxOutput[];
}

// ---------------------------------------------------------------------------------------------
// The kernel's own state and the trace it produces.
// ---------------------------------------------------------------------------------------------

export interface QueueItem {
  time: number;
  /** Insertion order; breaks ties between items at the same time. */
  seq: number;
  node: string;
  input: HostInput;
  /** For bytes: the link and when they left the sender, plus the sender's narration and layers. */
  link?: string;
  sentAt?: number;
  note?: Note;
  layers?: Layer[];
  /** For bytes: how they travel (what the receiver is told, plus the middleboxes' marks). */
  transport?: WireTransport;
  /** For bytes a middlebox dropped: its id; the event shows the loss and nobody receives them. */
  dropped?: string;
  /** For bytes: what the middleboxes on the way said, shown first among the event's effects. */
  boxNotes?: Note[];
}

export interface SimState {
  time: number;
  /** Next insertion sequence number for the queue. */
  nextSeq: number;
  /** How many queue items have been processed; one processed item is one trace event. */
  tick: number;
  rng: RngState;
  /** Pending items, kept sorted by (time, seq). Script actions wait in the world until due. */
  queue: QueueItem[];
  /** How many script steps have been taken into the run. */
  scriptIndex: number;
  /** Each node's protocol state, by node id (hosts and middleboxes). */
  nodes: Record<string, unknown>;
  /** The open TCP connections (lib/sim/transport.ts); small: closed ones are forgotten. */
  conns: ConnTable;
}

/**
 * The kernel's TCP connections, seen from each end: a socket is `node proto local remote hostConn`,
 * so a connection whose addresses a NAT rewrites is found from both sides.
 */
export interface ConnTable {
  next: number;
  sockets: Record<string, { conn: string; fin?: true; peer?: string }>;
}

export type EventKind = 'wire' | 'action' | 'timer';

export interface TraceEvent {
  /** Index in the trace, from 0; equals the kernel tick that produced it. */
  seq: number;
  /** Virtual time in ms when the event happened (for wire: when the bytes arrived). */
  time: number;
  kind: EventKind;
  /** Node ids. For wire events sender and receiver; for local events both are the acting node. */
  from: string;
  to: string;
  link?: string;
  /** For wire events: which connection on the link carried the bytes (HostInput `conn`); absent = the default one. */
  conn?: string;
  /** For wire events: when the bytes left the sender. */
  sentAt?: number;
  /** The bytes that crossed the link (TCP payload), for wire events. */
  wire?: Uint8Array;
  layers: Layer[];
  /** The narration sentence for this step. */
  note: Note;
  /** What the receiving or acting node did in response (stored a message, refused a login …). */
  effects: Note[];
  /** What the handling node did, as typed facts (keys made and forgotten, messages shown …). */
  facts: Fact[];
  /** For action events: the action itself (the note is only its narration). */
  action?: Action;
  /** For wire events: protocol, addresses and ports as they arrived, the kernel's connection, middleboxes on the way. */
  transport?: WireTransport;
}

export interface NodeInfo {
  id: string;
  kind: HostKind;
  label: string;
  ip: string;
  /** For clients: the server node; for servers: the domain. */
  server?: string;
  domain: string;
}

export interface Checkpoint {
  tick: number;
  state: SimState;
}

export interface Trace {
  scenarioId: string;
  seed: number;
  nodes: NodeInfo[];
  links: LinkSpec[];
  taps: TapSpec[];
  /** The middleboxes on links; absent when there are none. */
  middleboxes?: MiddleboxSpec[];
  events: TraceEvent[];
  /** True when the run stopped at the event limit rather than running out of work. */
  truncated: boolean;
}
