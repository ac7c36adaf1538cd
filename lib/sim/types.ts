/**
 * The simulator's data model: a Scenario goes in, a Trace comes out.
 * Everything here is plain, serialisable data (no classes, closures or promises), so that
 * states can be checkpointed with structuredClone, compared, replayed and shown in the inspector.
 * @module
 */
import type { NoteKey } from '../narration/notes';
import type { Fact } from './facts';
import type { RngState } from './rng';

// ---------------------------------------------------------------------------------------------
// Scenarios: declared once, as a schema (lib/scenarios/schema/*). The types come from it, the loader
// validates and migrates against it (lib/scenarios/load.ts), an editor reads its labels and defaults.
// Only types cross here; lib/sim imports no value from lib/scenarios.
// ---------------------------------------------------------------------------------------------

import type { Action, MessageType, PresenceShow, SaslMechanismSetting, ScriptStep, StolenKind } from '../scenarios/schema/actions';
import type { LocalizedText } from '../scenarios/schema/localized';
import type { ForgerEdit, ForgerSpec, MitmSpec, ObserverSpec, TapSpec, TheftSpec, ThiefSpec } from '../scenarios/schema/observers';
import type { Scenario } from '../scenarios/schema/scenario';
import type { Settings } from '../scenarios/schema/settings';
import type { ARecord, Account, ClientSpec, DnsZone, LinkSpec, ServerSpec, SrvRecord, Topology } from '../scenarios/schema/topology';
import type { MiddleboxSpec } from '../scenarios/schema/topology';

export type { Action, MessageType, PresenceShow, SaslMechanismSetting, ScriptStep, StolenKind };
export type { LocalizedText };
export type { ForgerEdit, ForgerSpec, MitmSpec, ObserverSpec, TapSpec, TheftSpec, ThiefSpec };
export type { Scenario, Settings };
export type { ARecord, Account, ClientSpec, DnsZone, LinkSpec, ServerSpec, SrvRecord, Topology };

// ---------------------------------------------------------------------------------------------
// Notes: narration as i18n keys with parameters; the UI translates, the CLI prints English.
// ---------------------------------------------------------------------------------------------

/**
 * A note names its sentence by a key the narration has in both languages (lib/narration/notes/*.ts):
 * a key that does not exist is a type error where the note is written.
 */
export interface Note {
  key: NoteKey;
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
  /**
   * Randomness shared by every host of the run: the same label gives every host the same bytes for
   * the same seed (lib/sim/rng.ts `derivedRng`), without moving the main stream. Absent outside the
   * kernel (lib/io, unit tests): callers fall back to a fixed stream.
   */
  sharedRandom?(label: string): (n: number) => Uint8Array;
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

/**
 * A middlebox in a scenario (`topology.middleboxes`, declared in the schema): its node `id`, the `machine`
 * that runs it (a key of the run's Machines), the `link` it sits on, and plain-data `config` for its machine.
 */
export type { MiddleboxSpec };

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
  /** For bytes a middlebox touched: the trace's view (the receiver's `input.transport` plus the boxes' marks); absent: that one. */
  transport?: WireTransport;
  /** For bytes a middlebox dropped: its id; the event shows the loss and nobody receives them. */
  dropped?: string;
  /** For bytes: what the middleboxes on the way said, shown first among the event's effects. */
  boxNotes?: Note[];
  /** For bytes: the facts the middleboxes on the way emitted, first among the event's facts. */
  boxFacts?: Fact[];
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
  /** For timer events: the name the host gave its timer (`dns:b.example`, `s2s-timeout`). */
  timer?: string;
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
