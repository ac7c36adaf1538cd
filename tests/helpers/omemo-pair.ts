/** Two OMEMO devices, alice and bob, that know each other's bundle (as PEP would have told them), on a seeded random source. */
import { addBundle, createDevice, ownBundle, type OmemoDevice } from '../../lib/omemo/device';
import { randomBytes, seedRng } from '../../lib/sim/rng';

export function omemoPair(seed: string, jids: [string, string] = ['alice@example.org', 'bob@example.org']): { alice: OmemoDevice; bob: OmemoDevice; random: (n: number) => Uint8Array } {
  const rng = seedRng(seed);
  const random = (n: number) => randomBytes(rng, n);
  const alice = createDevice({ jid: jids[0] }, random);
  const bob = createDevice({ jid: jids[1] }, random);
  addBundle(alice, bob.jid, bob.deviceId, ownBundle(bob));
  addBundle(bob, alice.jid, alice.deviceId, ownBundle(alice));
  return { alice, bob, random };
}
