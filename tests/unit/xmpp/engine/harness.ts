/**
 * Test helper: one server machine driven by hand, bytes in, the texts it sends out (no TLS on the link).
 * It speaks to the server as the kernel would about s2s bytes: from the peer's address, to port 5269 on a
 * connection the peer opened (`opened` on its first bytes), or to our port on one the server dialled.
 */
import { utf8, utf8Decode } from '@/lib/bytes/hex';
import { clientPort } from '@/lib/xmpp/wire';
import { randomBytes, seedRng } from '@/lib/sim/rng';
import type { Delivery, HostContext, HostOutput, Scenario, ServerSpec } from '@/lib/sim/types';
import { xmppServer, type ServerState } from '@/lib/xmpp/stream/server';

export function harness(scenario: Scenario, serverId: string, seed = 1) {
  const rng = seedRng(seed);
  let now = 0;
  const ctx = (): HostContext => ({ now, self: serverId, randomBytes: (n) => randomBytes(rng, n) });
  const spec = scenario.topology.servers.find((s) => s.id === serverId) as ServerSpec;
  const server = xmppServer.init(spec, scenario, ctx()) as ServerState;
  const sends = (out: HostOutput[]) => out.flatMap((o) => (o.type === 'send' ? [{ to: o.to, conn: o.conn, text: utf8Decode(o.data) }] : []));
  const ipOf = (node: string) => scenario.topology.servers.find((s) => s.id === node)?.ip ?? '0.0.0.0';
  const seen = new Set<string>();
  const transport = (from: string, conn: string | undefined): Delivery => {
    const key = conn ?? from;
    const ours = key.startsWith(`${serverId}>`);
    const opened = !ours && !seen.has(key);
    seen.add(key);
    const peer = { ip: ipOf(from), port: ours ? 5269 : clientPort(key) };
    const local = { ip: spec.ip, port: ours ? clientPort(key) : 5269 };
    return { proto: 'tcp', src: peer, dst: local, conn: key, ...(opened ? { opened: true } : {}) };
  };
  /** Bytes on one connection (`conn` absent: the peer node's default one); what the server sends, with the connection. */
  const feedOn = (from: string, conn: string | undefined, text: string) => {
    now += 10;
    return sends(xmppServer.handle(server, { type: 'bytes', from, data: utf8(text), ...(conn !== undefined ? { conn } : {}), transport: transport(from, conn) }, ctx()));
  };
  const feed = (from: string, text: string): string[] => feedOn(from, undefined, text).map((o) => o.text);
  const fire = (name: string) => {
    now += 10;
    return sends(xmppServer.handle(server, { type: 'timer', name }, ctx()));
  };
  return { server, feed, feedOn, fire };
}
