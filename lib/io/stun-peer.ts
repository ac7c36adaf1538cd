/**
 * `npm run peer:stun -- binding --server 127.0.0.1:P [--fingerprint] [--rto MS]`
 * `npm run peer:stun -- allocate --server 127.0.0.1:P --user U:PASS --send-to HOST:PORT --data TEXT [--channel] [--await-reply MS] [--rto MS]`
 * `npm run peer:stun -- serve --port P [--host 127.0.0.1]`
 *
 * lib/stun as a real UDP peer, for interop with coturn and Debian's STUN clients
 * (tests/interop/stun-coturn.test.ts):
 *  - `binding` runs one Binding transaction (RFC 8489 §6.2.1 retransmissions, driven by real
 *    timers here) and prints the reflexive address the server reports, `127.0.0.1:PORT`, then exits
 *    0. Details go to stderr (`stun: FINGERPRINT valid`, the server's SOFTWARE). An error response
 *    exits 1 naming the code (`stun: error 420 Unknown Attribute`); no answer exits 1 after the
 *    transaction times out (39.5 s with the default RTO of 500 ms; `--rto` shortens it).
 *  - `allocate` is a TURN client (lib/turn, RFC 8656): it gets a UDP relay from the server with
 *    long-term credentials (the 401 and nonce dance), prints `relayed 127.0.0.1:PORT`, installs a
 *    permission for HOST (or, with `--channel`, binds a channel to HOST:PORT), sends TEXT through the
 *    relay (a Send indication, or ChannelData), and deletes the allocation (Refresh, LIFETIME 0).
 *    With `--await-reply MS` it first waits that long for the peer's answer through the relay and
 *    prints `from HOST:PORT: TEXT`. A refused request exits 1 naming the error
 *    (`stun: error 401 Unauthorized: wrong user or password`).
 *  - `serve` answers Binding requests on UDP with the source address it saw (XOR-MAPPED-ADDRESS;
 *    MAPPED-ADDRESS for RFC 3489 clients). Prints one JSON line {"listening":port} (port 0 = any
 *    free one); each datagram's outcome goes to stderr. Stops on SIGTERM/SIGINT, and when stdin
 *    closes if stdin is a pipe or terminal.
 * Loopback (127.x) only. Usage errors exit 2.
 * @module
 */
import dgram from 'node:dgram';
import { ATTR, decodeText } from '../stun/attributes';
import { bindingRequest, formatAddress, newTransactionId } from '../stun/binding';
import { onDatagram, onTimer, startTransaction, type Step } from '../stun/client-transaction';
import { checkFingerprint, encodeSigned } from '../stun/integrity';
import { findAttribute } from '../stun/message';
import { handleDatagram } from '../stun/server';
import { isLoopback, loopbackHostPort, onStop, parseOptions, randomBytes, rtoOption } from './cli';
import { allocate } from './turn-allocate';

const USAGE = `usage: stun-peer binding --server 127.0.0.1:P [--fingerprint] [--rto MS]
       stun-peer allocate --server 127.0.0.1:P --user U:PASS --send-to 127.0.0.1:PORT --data TEXT [--channel] [--await-reply MS] [--rto MS]
       stun-peer serve --port P [--host 127.0.0.1]
`;
const SOFTWARE = 'Messenger Lab STUN peer';

function usage(msg: string): never {
  process.stderr.write(`stun-peer: ${msg}\n${USAGE}`);
  process.exit(2);
}

const log = (line: string): void => void process.stderr.write(`stun: ${line}\n`);

// ---------------------------------------------------------------------------------------------
// binding

function binding(args: string[]): void {
  const o = parseOptions(args, ['server', 'rto'], usage, ['fingerprint']);
  const server = loopbackHostPort(o.server);
  if (!server) usage('binding: --server must be 127.x.y.z:PORT');
  const { host, port } = server;
  const rto = rtoOption(o.rto, usage);

  const request = encodeSigned(bindingRequest(newTransactionId(randomBytes), { software: SOFTWARE }), { fingerprint: o.fingerprint === 'true' });
  const sock = dgram.createSocket('udp4');
  let timer: NodeJS.Timeout | undefined;
  let state = startTransaction(request, Date.now(), { rto }).state;
  const finish = (code: number): void => {
    clearTimeout(timer);
    sock.close();
    process.exitCode = code;
  };
  // Date.now() and the timer clock can disagree by a millisecond, so a timer may fire just before
  // the deadline; onTimer then does nothing, and we wait again rather than hang.
  const arm = (at: number): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const step = onTimer(state, Date.now());
      if (step.outputs.length === 0 && step.state.status === 'waiting') arm(step.state.nextAt);
      else apply(step);
    }, Math.max(1, at - Date.now()));
  };
  const apply = (step: Step): void => {
    state = step.state;
    for (const out of step.outputs) {
      if (out.type === 'send') {
        if (out.attempt > 0) log(`retransmission ${out.attempt}`);
        sock.send(out.bytes, port, host);
      } else if (out.type === 'timer') arm(out.at); else if (out.type === 'ignored') log(`ignored a datagram: ${out.reason}`);
      else if (out.type === 'timeout') {
        log(`no response after ${out.sent} requests (RFC 8489 §6.2.1 timeout)`);
        finish(1);
      } else if (out.type === 'error-response') {
        log(`error ${out.code ?? '?'} ${out.reason}`);
        finish(1);
      } else {
        const sw = findAttribute(out.message, ATTR.SOFTWARE);
        if (sw) log(`server SOFTWARE ${decodeText(sw.value)}`);
        log(`FINGERPRINT ${checkFingerprint(out.message)}`);
        if (!out.mapped) {
          log('success response without a (XOR-)MAPPED-ADDRESS');
          finish(1);
          return;
        }
        process.stdout.write(`${formatAddress(out.mapped)}\n`);
        finish(0);
      }
    }
  };
  sock.on('message', (msg) => apply(onDatagram(state, new Uint8Array(msg))));
  sock.on('error', (e) => {
    log(`socket error: ${e.message}`);
    finish(1);
  });
  sock.bind(0, '127.0.0.1', () => apply(startTransaction(request, Date.now(), { rto })));
}

// ---------------------------------------------------------------------------------------------
// serve

function serve(args: string[]): void {
  const o = parseOptions(args, ['port', 'host'], usage);
  const port = Number(o.port);
  if (o.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) usage('serve: --port must be a port number (0 = any free port)');
  const host = o.host ?? '127.0.0.1';
  if (!isLoopback(host)) usage(`serve: --host must be a 127.x address, not ${host}`);
  const sock = dgram.createSocket('udp4');
  sock.on('message', (msg, rinfo) => {
    const source = { family: 4 as const, address: rinfo.address, port: rinfo.port };
    const r = handleDatagram(new Uint8Array(msg), source, { software: SOFTWARE });
    const ev = r.event;
    const from = formatAddress(source);
    if (ev.type === 'answered') log(`answered ${from}${ev.classic ? ' (RFC 3489 client, MAPPED-ADDRESS)' : ''}`);
    else if (ev.type === 'rejected') log(`rejected ${from}: ${ev.code} ${ev.reason}`);
    else log(`dropped a datagram from ${from}: ${ev.reason}`);
    if (r.reply) sock.send(r.reply, rinfo.port, rinfo.address);
  });
  sock.on('error', (e) => {
    log(`socket error: ${e.message}`);
    process.exit(1);
  });
  let stopping = false;
  onStop((why) => {
    if (stopping) return;
    stopping = true;
    log(`stopping (${why})`);
    sock.close(() => process.exit(0));
  }, 'pipe-or-tty');
  sock.bind(port, host, () => process.stdout.write(JSON.stringify({ listening: sock.address().port }) + '\n'));
}

const [cmd, ...rest] = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
if (cmd === 'binding') binding(rest);
else if (cmd === 'allocate') allocate(rest, usage, log);
else if (cmd === 'serve') serve(rest);
else usage(cmd ? `unknown command ${cmd}` : 'a command is required');
