/**
 * A TURN client over UDP, RFC 8656, sans-I/O: Allocate with long-term credentials (§7, the 401 and
 * nonce dance of RFC 8489 §9.2), Refresh (§8, LIFETIME 0 deletes), CreatePermission (§10),
 * ChannelBind (§12), and the data path — Send indications or ChannelData out, Data indications or
 * ChannelData in (§11, §12). Every request runs as a STUN client transaction (lib/stun), so
 * retransmissions follow RFC 8489 §6.2.1. The caller sends each `send` output to the server, arms a
 * timer at `timer.at` and calls `onTimer`, and hands every datagram from the server to `onDatagram`.
 * Errors are values (`failed` with the code); state is plain data.
 * @module
 */
import { ATTR, decodeXorMappedAddress, encodeXorMappedAddress, textValue, type TransportAddress } from '../stun/attributes';
import { formatAddress, newTransactionId, reflexiveAddress, type RandomBytes } from '../stun/binding';
import { onDatagram as txDatagram, onTimer as txTimer, startTransaction, type ClientTransaction } from '../stun/client-transaction';
import { checkIntegrity, encodeSigned } from '../stun/integrity';
import { decodeMessage, findAttribute, type DecodedMessage, type StunAttribute } from '../stun/message';
import {
  decodeLifetime,
  encodeChannelNumber,
  encodeLifetime,
  encodeRequestedTransport,
  ERROR_NAMES,
  METHOD,
  PERMISSION_LIFETIME_S,
  PROTOCOL_UDP,
  TURN_ATTR,
} from './attributes';
import { CHANNEL_MAX, CHANNEL_MIN, decodeChannelData, encodeChannelData, isChannelData } from './channel-data';
import { challengeOf, credentialsFor, withCredentials, type Credentials } from './credentials';

/** What a request asks for; its attributes are rebuilt for each transaction ID (the XOR-encoded ones depend on it). */
export type Operation =
  | { readonly kind: 'allocate'; readonly lifetime?: number }
  | { readonly kind: 'refresh'; readonly lifetime: number }
  | { readonly kind: 'create-permission'; readonly peers: readonly TransportAddress[] }
  | { readonly kind: 'channel-bind'; readonly peer: TransportAddress; readonly channel: number };

interface Pending {
  readonly op: Operation;
  readonly tx: ClientTransaction;
  /** Sent with USERNAME, REALM, NONCE and MESSAGE-INTEGRITY. */
  readonly authenticated: boolean;
  /** 438 retries so far for this operation. */
  readonly staleRetries: number;
}

export interface TurnClient {
  readonly username: string;
  readonly password: string;
  readonly software?: string;
  readonly rto: number;
  /** Known after the first 401: realm, nonce and the long-term key. */
  readonly credentials?: Credentials;
  readonly allocation: 'none' | 'requested' | 'allocated' | 'deleted' | 'failed';
  readonly relayed?: TransportAddress;
  readonly mapped?: TransportAddress;
  /** When the allocation expires unless refreshed (ms, the caller's clock). */
  readonly expiresAt?: number;
  /** Peer IP → when its permission expires (ms). §9: permissions are per IP address, not per port. */
  readonly permissions: Readonly<Record<string, number>>;
  /** Peer transport address (`ip:port`) → the channel bound to it. */
  readonly channels: Readonly<Record<string, { readonly peer: TransportAddress; readonly channel: number }>>;
  readonly nextChannel: number;
  readonly pending: readonly Pending[];
}

export type TurnOutput =
  | { readonly type: 'send'; readonly bytes: Uint8Array }
  | { readonly type: 'timer'; readonly at: number }
  /** A 401 (or 438) told us the realm and nonce; the request goes again with credentials. */
  | { readonly type: 'challenged'; readonly realm: string; readonly nonce: string; readonly stale: boolean }
  | { readonly type: 'allocated'; readonly relayed: TransportAddress; readonly mapped: TransportAddress | null; readonly lifetime: number }
  | { readonly type: 'refreshed'; readonly lifetime: number }
  | { readonly type: 'deleted' }
  | { readonly type: 'permitted'; readonly peers: readonly TransportAddress[] }
  | { readonly type: 'channel-bound'; readonly peer: TransportAddress; readonly channel: number }
  | { readonly type: 'data'; readonly peer: TransportAddress; readonly data: Uint8Array; readonly via: 'data-indication' | 'channel' }
  /** A request ended without success: an error response (`code`), or no response at all (`code` null). */
  | { readonly type: 'failed'; readonly request: Operation['kind']; readonly code: number | null; readonly reason: string; readonly meaning: string }
  /** The client would not do what was asked (no allocation, no permission): nothing was sent. */
  | { readonly type: 'refused'; readonly reason: string }
  | { readonly type: 'ignored'; readonly reason: string };

export interface TurnStep {
  readonly state: TurnClient;
  readonly outputs: readonly TurnOutput[];
}

export interface TurnClientOptions {
  readonly username: string;
  readonly password: string;
  readonly software?: string;
  /** RFC 8489 §6.2.1's initial RTO (ms), 500 by default. */
  readonly rto?: number;
}

export const newTurnClient = (o: TurnClientOptions): TurnClient => ({
  username: o.username,
  password: o.password,
  ...(o.software ? { software: o.software } : {}),
  rto: o.rto ?? 500,
  allocation: 'none',
  permissions: {},
  channels: {},
  nextChannel: CHANNEL_MIN,
  pending: [],
});

/** A 438 more than this often for one request means the server is not making progress. */
const MAX_STALE_RETRIES = 2;

const METHOD_OF: Record<Operation['kind'], number> = {
  allocate: METHOD.ALLOCATE,
  refresh: METHOD.REFRESH,
  'create-permission': METHOD.CREATE_PERMISSION,
  'channel-bind': METHOD.CHANNEL_BIND,
};

function attributesFor(op: Operation, transactionId: Uint8Array): StunAttribute[] {
  const peer = (a: TransportAddress): StunAttribute => ({ type: TURN_ATTR.XOR_PEER_ADDRESS, value: encodeXorMappedAddress(a, transactionId) });
  switch (op.kind) {
    case 'allocate':
      // §7.1: "The client MUST include a REQUESTED-TRANSPORT attribute"; LIFETIME is a wish the server may shorten.
      return [
        { type: TURN_ATTR.REQUESTED_TRANSPORT, value: encodeRequestedTransport(PROTOCOL_UDP) },
        ...(op.lifetime === undefined ? [] : [{ type: TURN_ATTR.LIFETIME, value: encodeLifetime(op.lifetime) }]),
      ];
    case 'refresh':
      return [{ type: TURN_ATTR.LIFETIME, value: encodeLifetime(op.lifetime) }];
    case 'create-permission':
      return op.peers.map(peer);
    case 'channel-bind':
      return [{ type: TURN_ATTR.CHANNEL_NUMBER, value: encodeChannelNumber(op.channel) }, peer(op.peer)];
  }
}

/** The earliest timer among the pending transactions, as an output (none when nothing waits). */
const timerOf = (c: TurnClient): TurnOutput[] =>
  c.pending.length ? [{ type: 'timer', at: Math.min(...c.pending.map((p) => p.tx.nextAt)) }] : [];

/** Sends a request for `op` now, with credentials once the server has told us its realm and nonce. */
function start(c: TurnClient, op: Operation, now: number, random: RandomBytes, staleRetries = 0, before: TurnOutput[] = []): TurnStep {
  const transactionId = newTransactionId(random);
  const software: StunAttribute[] = c.software ? [{ type: ATTR.SOFTWARE, value: textValue(c.software) }] : [];
  const msg = { method: METHOD_OF[op.kind], cls: 'request' as const, transactionId, attributes: [...software, ...attributesFor(op, transactionId)] };
  const bytes = c.credentials ? withCredentials(msg, c.credentials) : encodeSigned(msg);
  const tx = startTransaction(bytes, now, { rto: c.rto }).state;
  const state: TurnClient = {
    ...c,
    ...(op.kind === 'allocate' ? { allocation: 'requested' as const } : {}),
    pending: [...c.pending, { op, tx, authenticated: c.credentials !== undefined, staleRetries }],
  };
  return { state, outputs: [...before, { type: 'send', bytes }, ...timerOf(state)] };
}

const refuse = (c: TurnClient, reason: string): TurnStep => ({ state: c, outputs: [{ type: 'refused', reason }] });

/** §7.1: asks for a UDP relay (optionally for `lifetime` seconds). The first try carries no credentials. */
export function allocate(c: TurnClient, now: number, random: RandomBytes, lifetime?: number): TurnStep {
  if (c.allocation === 'requested' || c.allocation === 'allocated') return refuse(c, `an allocation is already ${c.allocation}`);
  return start(c, lifetime === undefined ? { kind: 'allocate' } : { kind: 'allocate', lifetime }, now, random);
}

/** §8: extends the allocation by `lifetime` seconds; 0 deletes it ("a LIFETIME value of 0 ... deletes the allocation"). */
export function refresh(c: TurnClient, lifetime: number, now: number, random: RandomBytes): TurnStep {
  if (c.allocation !== 'allocated') return refuse(c, 'no allocation to refresh');
  return start(c, { kind: 'refresh', lifetime }, now, random);
}

/** §10: lets datagrams from these peers' IP addresses in, and ours out to them, for 300 s. */
export function createPermission(c: TurnClient, peers: readonly TransportAddress[], now: number, random: RandomBytes): TurnStep {
  if (c.allocation !== 'allocated') return refuse(c, 'no allocation: Allocate first');
  if (!peers.length) return refuse(c, 'CreatePermission needs at least one peer address');
  return start(c, { kind: 'create-permission', peers }, now, random);
}

/** §12.1: binds the next free channel number to `peer` (and installs a permission for its IP). */
export function channelBind(c: TurnClient, peer: TransportAddress, now: number, random: RandomBytes): TurnStep {
  if (c.allocation !== 'allocated') return refuse(c, 'no allocation: Allocate first');
  const bound = c.channels[formatAddress(peer)];
  if (bound) return refuse(c, `${formatAddress(peer)} is already bound to channel 0x${bound.channel.toString(16)}`);
  if (c.nextChannel > CHANNEL_MAX) return refuse(c, 'all 4096 channel numbers are in use');
  return start({ ...c, nextChannel: c.nextChannel + 1 }, { kind: 'channel-bind', peer, channel: c.nextChannel }, now, random);
}

/**
 * Data to a peer through the relay: as ChannelData if a channel is bound to it (§12.5, 4 bytes of
 * header, unpadded over UDP), else as a Send indication (§11.1: XOR-PEER-ADDRESS and DATA, no
 * credentials — indications cannot be authenticated). Without a permission for the peer's IP the
 * server would drop it silently (§11.2), so the client refuses instead of sending into the void.
 */
export function sendTo(c: TurnClient, peer: TransportAddress, data: Uint8Array, now: number, random: RandomBytes): TurnStep {
  if (c.allocation !== 'allocated' || (c.expiresAt ?? 0) <= now) return refuse(c, 'no allocation (or it expired): Allocate first');
  const bound = c.channels[formatAddress(peer)];
  if (bound && (c.permissions[peer.address] ?? 0) > now) return { state: c, outputs: [{ type: 'send', bytes: encodeChannelData(bound.channel, data) }] };
  if ((c.permissions[peer.address] ?? 0) <= now) return refuse(c, `no permission for ${peer.address}: CreatePermission first, or the server drops the data`);
  const transactionId = newTransactionId(random);
  const attributes = [
    { type: TURN_ATTR.XOR_PEER_ADDRESS, value: encodeXorMappedAddress(peer, transactionId) },
    { type: TURN_ATTR.DATA, value: data },
  ];
  return { state: c, outputs: [{ type: 'send', bytes: encodeSigned({ method: METHOD.SEND, cls: 'indication', transactionId, attributes }) }] };
}

/** What an error code means for the person running the client; the server's own phrase is `reason`. */
function meaningOf(code: number, authenticated: boolean): string {
  if (code === 401) return authenticated ? 'wrong user or password' : 'the server wants credentials but sent no REALM and NONCE';
  const meanings: Record<number, string> = {
    400: 'the server found the request malformed',
    403: 'the server refuses this (for example a peer address it does not relay to)',
    420: 'the server does not understand a comprehension-required attribute',
    437: 'no allocation matches (deleted, expired, or one exists already for this address)',
    438: 'the server keeps rejecting our nonce',
    441: 'these are not the credentials that made the allocation',
    442: 'the server does not relay this transport protocol',
    443: "the peer's address family differs from the relayed address's",
    486: 'this user has as many allocations as the server allows',
    508: 'the server has no relay port free',
  };
  return meanings[code] ?? ERROR_NAMES[code] ?? 'an error the client does not know';
}

/** `401 Unauthorized: wrong user or password` — the code, the server's phrase (or the registered name), the meaning. */
export const describeFailure = (f: Extract<TurnOutput, { type: 'failed' }>): string =>
  `${f.code ?? 'no response'}${f.code !== null ? ` ${f.reason || ERROR_NAMES[f.code] || ''}` : ''}: ${f.meaning}`;

const dataOutput = (peer: TransportAddress | null, data: Uint8Array | undefined, via: 'data-indication' | 'channel', c: TurnClient): TurnStep =>
  peer && data ? { state: c, outputs: [{ type: 'data', peer, data, via }] } : { state: c, outputs: [{ type: 'ignored', reason: 'Data indication without XOR-PEER-ADDRESS or DATA' }] };

/** A datagram from the server: a response to a pending request, a Data indication, or ChannelData. */
export function onDatagram(c: TurnClient, bytes: Uint8Array, now: number, random: RandomBytes): TurnStep {
  const ignore = (reason: string): TurnStep => ({ state: c, outputs: [{ type: 'ignored', reason }] });
  if (isChannelData(bytes)) {
    const cd = decodeChannelData(bytes);
    if (!cd.ok) return ignore(`ChannelData: ${cd.error}`);
    const bound = Object.values(c.channels).find((b) => b.channel === cd.channel);
    if (!bound) return ignore(`ChannelData on channel 0x${cd.channel.toString(16)}, which is not bound`);
    return dataOutput(bound.peer, cd.data, 'channel', c);
  }
  const d = decodeMessage(bytes);
  if (!d.ok) return ignore(`not STUN: ${d.error}`);
  const m = d.message;
  if (m.cls === 'indication') {
    if (m.method !== METHOD.DATA) return ignore(`an indication of method 0x${m.method.toString(16)}`);
    const xpa = findAttribute(m, TURN_ATTR.XOR_PEER_ADDRESS);
    return dataOutput(xpa ? decodeXorMappedAddress(xpa.value, m.transactionId) : null, findAttribute(m, TURN_ATTR.DATA)?.value, 'data-indication', c);
  }
  const i = c.pending.findIndex((p) => p.tx.transactionId.every((b, k) => b === m.transactionId[k]));
  if (i < 0) return ignore('a response to no pending request');
  const p = c.pending[i]!;
  // RFC 8489 §9.2.5: a response to an authenticated request is checked with the same key; an error
  // response may lack MESSAGE-INTEGRITY (a 401 or 438 cannot carry one the client could check).
  if (p.authenticated && c.credentials) {
    const mi = checkIntegrity(m, c.credentials.key);
    if (m.cls === 'success' ? mi !== 'valid' : mi === 'invalid') return ignore(`MESSAGE-INTEGRITY ${mi} on a response to ${p.op.kind}`);
  }
  const step = txDatagram(p.tx, bytes);
  const out = step.outputs[0];
  if (!out || out.type === 'ignored') return ignore(out?.reason ?? 'not a response');
  const rest: TurnClient = { ...c, pending: c.pending.filter((_, k) => k !== i) };
  if (out.type === 'success') return succeeded(rest, p.op, out.message, now);
  if (out.type !== 'error-response') return ignore(out.type);
  const challenge = challengeOf(m);
  if (out.code === 401 && !p.authenticated && challenge?.realm) {
    // §9.2.4: the first 401 names the realm and a nonce; the same request goes again with credentials.
    const credentials = credentialsFor(c.username, c.password, challenge.realm, challenge.nonce);
    return start({ ...rest, credentials }, p.op, now, random, p.staleRetries, [{ type: 'challenged', realm: challenge.realm, nonce: challenge.nonce, stale: false }]);
  }
  if (out.code === 438 && challenge && c.credentials && p.staleRetries < MAX_STALE_RETRIES) {
    // §9.2.5: "the client MUST retry the request, using the new NONCE attribute supplied in the 438".
    const realm = challenge.realm ?? c.credentials.realm;
    const credentials = credentialsFor(c.username, c.password, realm, challenge.nonce);
    return start({ ...rest, credentials }, p.op, now, random, p.staleRetries + 1, [{ type: 'challenged', realm, nonce: challenge.nonce, stale: true }]);
  }
  const code = out.code;
  return failed(rest, p.op.kind, code, out.reason, code === null ? 'ERROR-CODE missing or malformed' : meaningOf(code, p.authenticated));
}

function failed(c: TurnClient, request: Operation['kind'], code: number | null, reason: string, meaning: string): TurnStep {
  const state: TurnClient = request === 'allocate' ? { ...c, allocation: 'failed' } : c;
  return { state, outputs: [{ type: 'failed', request, code, reason, meaning }, ...timerOf(state)] };
}

function succeeded(c: TurnClient, op: Operation, m: DecodedMessage, now: number): TurnStep {
  const lifetimeAttr = findAttribute(m, TURN_ATTR.LIFETIME);
  const lifetime = lifetimeAttr ? decodeLifetime(lifetimeAttr.value) : null;
  const done = (state: TurnClient, out: TurnOutput): TurnStep => ({ state, outputs: [out, ...timerOf(state)] });
  switch (op.kind) {
    case 'allocate': {
      // §7.3: the success response carries XOR-RELAYED-ADDRESS, LIFETIME and XOR-MAPPED-ADDRESS.
      const xra = findAttribute(m, TURN_ATTR.XOR_RELAYED_ADDRESS);
      const relayed = xra ? decodeXorMappedAddress(xra.value, m.transactionId) : null;
      if (!relayed || lifetime === null) return failed(c, 'allocate', null, 'malformed success', 'success response without XOR-RELAYED-ADDRESS or LIFETIME');
      const mapped = reflexiveAddress(m);
      const state: TurnClient = { ...c, allocation: 'allocated', relayed, ...(mapped ? { mapped } : {}), expiresAt: now + lifetime * 1000 };
      return done(state, { type: 'allocated', relayed, mapped, lifetime });
    }
    case 'refresh': {
      const seconds = lifetime ?? op.lifetime;
      if (seconds === 0) {
        const { expiresAt: _gone, ...rest } = c;
        return done({ ...rest, allocation: 'deleted', permissions: {}, channels: {}, nextChannel: CHANNEL_MIN }, { type: 'deleted' });
      }
      return done({ ...c, expiresAt: now + seconds * 1000 }, { type: 'refreshed', lifetime: seconds });
    }
    case 'create-permission': {
      const permissions = { ...c.permissions };
      for (const p of op.peers) permissions[p.address] = now + PERMISSION_LIFETIME_S * 1000;
      return done({ ...c, permissions }, { type: 'permitted', peers: op.peers });
    }
    case 'channel-bind': {
      // §12.3: the binding also installs or refreshes a permission for the peer's IP address.
      const permissions = { ...c.permissions, [op.peer.address]: now + PERMISSION_LIFETIME_S * 1000 };
      const channels = { ...c.channels, [formatAddress(op.peer)]: { peer: op.peer, channel: op.channel } };
      return done({ ...c, permissions, channels }, { type: 'channel-bound', peer: op.peer, channel: op.channel });
    }
  }
}

/** Retransmits what is due (RFC 8489 §6.2.1) and fails requests that ran out of tries. */
export function onTimer(c: TurnClient, now: number): TurnStep {
  let state: TurnClient = { ...c, pending: [] };
  const outputs: TurnOutput[] = [];
  for (const p of c.pending) {
    const step = txTimer(p.tx, now);
    let gone = false;
    for (const o of step.outputs) {
      if (o.type === 'send') outputs.push({ type: 'send', bytes: o.bytes });
      if (o.type === 'timeout') {
        gone = true;
        const f = failed(state, p.op.kind, null, 'no response', `no response after ${o.sent} requests (RFC 8489 §6.2.1)`);
        state = f.state;
        outputs.push(f.outputs[0]!);
      }
    }
    if (!gone) state = { ...state, pending: [...state.pending, { ...p, tx: step.state }] };
  }
  return { state, outputs: [...outputs, ...timerOf(state)] };
}
