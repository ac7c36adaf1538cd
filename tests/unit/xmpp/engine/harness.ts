/** Test helper: one server machine driven by hand, bytes in, the texts it sends out (no TLS on the link). */
import { utf8, utf8Decode } from '@/lib/bytes/hex';
import { randomBytes, seedRng } from '@/lib/sim/rng';
import type { HostContext, Scenario, ServerSpec } from '@/lib/sim/types';
import { xmppServer, type ServerState } from '@/lib/xmpp/stream/server';

export function harness(scenario: Scenario, serverId: string, seed = 1) {
  const rng = seedRng(seed);
  let now = 0;
  const ctx = (): HostContext => ({ now, self: serverId, randomBytes: (n) => randomBytes(rng, n) });
  const spec = scenario.topology.servers.find((s) => s.id === serverId) as ServerSpec;
  const server = xmppServer.init(spec, scenario, ctx()) as ServerState;
  const feed = (from: string, text: string): string[] => {
    now += 10;
    const out = xmppServer.handle(server, { type: 'bytes', from, data: utf8(text) }, ctx());
    return out.flatMap((o) => (o.type === 'send' ? [utf8Decode(o.data)] : []));
  };
  return { server, feed };
}
