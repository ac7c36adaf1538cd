/**
 * `peer:stun allocate`: lib/turn's client on a real UDP socket (see stun-peer.ts for the command
 * line). One run walks the whole TURN story in order — Allocate (with the 401 and nonce dance),
 * CreatePermission or ChannelBind, data through the relay, optionally the peer's answer back, and
 * Refresh with LIFETIME 0 — driven by the client's outputs; the timers are real here.
 * @module
 */
import dgram from 'node:dgram';
import { formatAddress } from '../stun/binding';
import {
  allocate as allocateRequest,
  channelBind,
  createPermission,
  describeFailure,
  newTurnClient,
  onDatagram,
  onTimer,
  refresh,
  sendTo,
  type TurnClient,
  type TurnStep,
} from '../turn/client';
import { loopbackHostPort, parseOptions, randomBytes, rtoOption } from './cli';

const SOFTWARE = 'Messenger Lab TURN client';

export function allocate(args: string[], usage: (msg: string) => never, log: (line: string) => void): void {
  const o = parseOptions(args, ['server', 'user', 'send-to', 'data', 'await-reply', 'rto'], usage, ['channel']);
  const server = loopbackHostPort(o.server);
  if (!server) usage('allocate: --server must be 127.x.y.z:PORT');
  const target = loopbackHostPort(o['send-to']);
  if (!target) usage('allocate: --send-to must be 127.x.y.z:PORT');
  const colon = (o.user ?? '').indexOf(':');
  if (colon < 1) usage('allocate: --user must be USER:PASSWORD');
  if (o.data === undefined) usage('allocate: --data TEXT is required');
  const awaitReply = o['await-reply'] === undefined ? 0 : Number(o['await-reply']);
  if (!Number.isInteger(awaitReply) || awaitReply < 0) usage('allocate: --await-reply must be a number of milliseconds');
  const rto = rtoOption(o.rto, usage);
  const peer = { family: 4 as const, address: target.host, port: target.port };
  const data = new TextEncoder().encode(o.data);

  let client: TurnClient = newTurnClient({ username: o.user!.slice(0, colon), password: o.user!.slice(colon + 1), software: SOFTWARE, rto });
  const sock = dgram.createSocket('udp4');
  let timer: NodeJS.Timeout | undefined;
  let replyTimer: NodeJS.Timeout | undefined;
  let exitCode = 0;
  const finish = (code: number): void => {
    clearTimeout(timer);
    clearTimeout(replyTimer);
    sock.close();
    process.exitCode = code;
  };
  const deleteAllocation = (): void => apply(refresh(client, 0, Date.now(), randomBytes));
  // A timer may fire a millisecond early by Date.now(); onTimer then does nothing, and the next
  // timer output arms it again.
  const arm = (at: number): void => {
    clearTimeout(timer);
    timer = setTimeout(() => apply(onTimer(client, Date.now())), Math.max(1, at - Date.now()));
  };
  // What an output leads to (the next request) runs after the step's other outputs, so a timer
  // output of this step never overwrites the timer the next request arms.
  function apply(step: TurnStep): void {
    client = step.state;
    let then: (() => void) | undefined;
    for (const out of step.outputs) {
      switch (out.type) {
        case 'send':
          sock.send(out.bytes, server!.port, server!.host);
          break;
        case 'timer':
          arm(out.at);
          break;
        case 'challenged':
          log(`${out.stale ? '438 stale nonce' : '401'}: realm "${out.realm}", nonce "${out.nonce}"; sending again with credentials`);
          break;
        case 'allocated':
          process.stdout.write(`relayed ${formatAddress(out.relayed)}\n`);
          log(`allocated for ${out.lifetime} s; our reflexive address ${out.mapped ? formatAddress(out.mapped) : 'not reported'}`);
          then = () => apply(o.channel ? channelBind(client, peer, Date.now(), randomBytes) : createPermission(client, [peer], Date.now(), randomBytes));
          break;
        case 'permitted':
        case 'channel-bound':
          log(out.type === 'permitted' ? `permission for ${peer.address}` : `channel 0x${out.channel.toString(16)} bound to ${formatAddress(out.peer)}`);
          then = () => {
            const sent = sendTo(client, peer, data, Date.now(), randomBytes);
            apply(sent);
            if (sent.outputs[0]?.type !== 'send') return;
            log(`sent ${data.length} bytes to ${formatAddress(peer)} through the relay (${o.channel ? 'ChannelData' : 'Send indication'})`);
            if (awaitReply === 0) return deleteAllocation();
            replyTimer = setTimeout(() => {
              log(`no reply from ${formatAddress(peer)} within ${awaitReply} ms`);
              exitCode = 1;
              deleteAllocation();
            }, awaitReply);
          };
          break;
        case 'data':
          if (formatAddress(out.peer) !== formatAddress(peer) || awaitReply === 0) {
            log(`data from ${formatAddress(out.peer)} (${out.via}) not waited for`);
            break;
          }
          clearTimeout(replyTimer);
          process.stdout.write(`from ${formatAddress(out.peer)}: ${new TextDecoder().decode(out.data)}\n`);
          log(`(${out.via === 'channel' ? 'ChannelData' : 'Data indication'})`);
          then = deleteAllocation;
          break;
        case 'refreshed':
          log(`refreshed for ${out.lifetime} s`);
          break;
        case 'deleted':
          log('allocation deleted (Refresh, LIFETIME 0)');
          finish(exitCode);
          return;
        case 'failed':
          log(`error ${describeFailure(out)} (${out.request})`);
          finish(1);
          return;
        case 'refused':
          log(`refused: ${out.reason}`);
          finish(1);
          return;
        case 'ignored':
          log(`ignored a datagram: ${out.reason}`);
          break;
      }
    }
    then?.();
  }
  sock.on('message', (msg, rinfo) => {
    if (rinfo.address === server!.host && rinfo.port === server!.port) apply(onDatagram(client, new Uint8Array(msg), Date.now(), randomBytes));
    else log(`ignored a datagram from ${rinfo.address}:${rinfo.port}, not the server`);
  });
  sock.on('error', (e) => {
    log(`socket error: ${e.message}`);
    finish(1);
  });
  sock.bind(0, '127.0.0.1', () => apply(allocateRequest(client, Date.now(), randomBytes)));
}
