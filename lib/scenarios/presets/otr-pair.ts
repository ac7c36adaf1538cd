/** The cast of the OTR presets: alice (laptop) and bob (phone) on a.example, each with its own link. @module */
import type { Topology } from '../../sim/types';

export const otrPair: Pick<Topology, 'servers' | 'clients' | 'links'> = {
  servers: [
    { id: 'a.example', domain: 'a.example', ip: '198.51.100.10', accounts: [{ user: 'alice', password: 'wonderland' }, { user: 'bob', password: 'builder' }] },
  ],
  clients: [
    { id: 'alice', jid: 'alice@a.example', password: 'wonderland', server: 'a.example', resource: 'laptop', ip: '192.0.2.10' },
    { id: 'bob', jid: 'bob@a.example', password: 'builder', server: 'a.example', resource: 'phone', ip: '192.0.2.20' },
  ],
  links: [
    { id: 'alice~a.example', a: 'alice', b: 'a.example', latencyMs: 20 },
    { id: 'bob~a.example', a: 'bob', b: 'a.example', latencyMs: 30 },
  ],
};
