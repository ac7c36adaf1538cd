/**
 * The people and machines the presets share, so that alice is the same alice — same laptop, same
 * address, same password — in every lesson, and a preset names only what is particular to it.
 * Addresses come from the documentation ranges of RFC 5737.
 * @module
 */
import type { Account, ClientSpec, LinkSpec, ServerSpec, Topology } from '../../sim/types';

const accounts = {
  alice: { user: 'alice', password: 'wonderland' },
  bob: { user: 'bob', password: 'builder' },
} satisfies Record<string, Account>;

function server(domain: string, ip: string, users: Account[]): ServerSpec {
  return { id: domain, domain, ip, accounts: users };
}

const aExample = (users: Account[] = [accounts.alice, accounts.bob]): ServerSpec => server('a.example', '198.51.100.10', users);

/** alice on her laptop, account on a.example. */
const aliceLaptop: ClientSpec = { id: 'alice', jid: 'alice@a.example', password: 'wonderland', server: 'a.example', resource: 'laptop', ip: '192.0.2.10' };

/** bob on his phone, account on a.example. */
const bobPhone: ClientSpec = { id: 'bob', jid: 'bob@a.example', password: 'builder', server: 'a.example', resource: 'phone', ip: '192.0.2.20' };

/** The access link between a client and its server: `alice~a.example`. */
function accessLink(client: ClientSpec, latencyMs: number): LinkSpec {
  return { id: `${client.id}~${client.server}`, a: client.id, b: client.server, latencyMs };
}

/** alice (20 ms away) and bob (30 ms away) on a.example: the cast of most one-server presets. */
export function aliceAndBob(users: Account[] = [accounts.alice, accounts.bob]): Pick<Topology, 'servers' | 'clients' | 'links'> {
  return {
    servers: [aExample(users)],
    clients: [{ ...aliceLaptop }, { ...bobPhone }],
    links: [accessLink(aliceLaptop, 20), accessLink(bobPhone, 30)],
  };
}

/** alice alone on a.example, 20 ms away. */
export function aliceAlone(): Pick<Topology, 'servers' | 'clients' | 'links'> {
  return { servers: [aExample([accounts.alice])], clients: [{ ...aliceLaptop }], links: [accessLink(aliceLaptop, 20)] };
}

/** alice and bob on a.example with a third person of that server (a room's third occupant), at its own address and distance. */
export function aliceBobAnd(third: { user: string; password: string; resource: string; ip: string; latencyMs: number }): Pick<Topology, 'servers' | 'clients' | 'links'> {
  const client: ClientSpec = { id: third.user, jid: `${third.user}@a.example`, password: third.password, server: 'a.example', resource: third.resource, ip: third.ip };
  const base = aliceAndBob([accounts.alice, accounts.bob, { user: third.user, password: third.password }]);
  return { servers: base.servers, clients: [...base.clients, client], links: [...base.links, accessLink(client, third.latencyMs)] };
}
