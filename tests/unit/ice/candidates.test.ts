// ICE candidates and the checklist (RFC 8445 §5.1, §6.1.2, §7.2.5, §8.1.1), with priorities computed
// by hand in hex: type preference in the top byte, local preference in the next two, 256 − component last.
import { describe, expect, it } from 'vitest';
import type { TransportAddress } from '../../../lib/stun/attributes';
import {
  candidatePriority,
  eliminateRedundant,
  foundationOf,
  hostCandidate,
  peerReflexiveCandidate,
  relayedCandidate,
  serverReflexiveCandidate,
} from '../../../lib/ice/candidate';
import {
  checkFailed,
  checklistState,
  checkSucceeded,
  formCheckList,
  MAX_PAIRS,
  nextCheck,
  pairPriority,
  selectedPair,
  useCandidateReceived,
  withRole,
  type CandidatePair,
} from '../../../lib/ice/checklist';

const at = (address: string, port: number): TransportAddress => ({ family: 4, address, port });
const STUN = at('192.0.2.1', 3478);

describe('candidate priority (§5.1.2.1) and foundation (§5.1.1.3)', () => {
  it('type preferences 126 / 110 / 100 / 0, local preference 65535, component 1 and 2', () => {
    expect(candidatePriority('host', 65535, 1)).toBe(0x7effffff); // 126·2^24 + 65535·2^8 + 255 = 2130706431
    expect(candidatePriority('host', 65535, 1)).toBe(2130706431);
    expect(candidatePriority('host', 65535, 2)).toBe(0x7efffffe);
    expect(candidatePriority('prflx', 65535, 1)).toBe(0x6effffff);
    expect(candidatePriority('srflx', 65535, 1)).toBe(0x64ffffff); // 1694498815
    expect(candidatePriority('relay', 65535, 1)).toBe(0x00ffffff); // 16777215
    expect(candidatePriority('host', 0, 256)).toBe(0x7e000000);
  });
  it("RFC 5769 §2.1's PRIORITY 0x6e0001ff is a peer-reflexive priority: 110, local preference 1, component 1", () => {
    expect(candidatePriority('prflx', 1, 1)).toBe(0x6e0001ff);
  });
  it('out-of-range inputs throw (programming errors, not network input)', () => {
    expect(() => candidatePriority('host', 65536, 1)).toThrow(RangeError);
    expect(() => candidatePriority('host', 1, 0)).toThrow(RangeError);
    expect(() => candidatePriority('host', 1, 257)).toThrow(RangeError);
  });
  it('same type, base IP and server IP share a foundation; ports do not matter; anything else splits it', () => {
    const a = foundationOf('srflx', at('10.0.0.1', 5000), STUN);
    expect(foundationOf('srflx', at('10.0.0.1', 5001), at('192.0.2.1', 3479))).toBe(a);
    expect(foundationOf('host', at('10.0.0.1', 5000))).not.toBe(a);
    expect(foundationOf('srflx', at('10.0.0.2', 5000), STUN)).not.toBe(a);
    expect(foundationOf('srflx', at('10.0.0.1', 5000), at('192.0.2.9', 3478))).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}$/);
  });
  it('the gathered candidates: a srflx has its host as base; a relayed candidate is its own base', () => {
    const host = hostCandidate(at('10.0.0.1', 5000));
    const srflx = serverReflexiveCandidate(at('198.51.100.1', 62000), host.address, STUN);
    const relay = relayedCandidate(at('192.0.2.1', 49160), STUN);
    expect(srflx).toMatchObject({ type: 'srflx', base: host.address, priority: 0x64ffffff, server: STUN });
    expect(relay).toMatchObject({ type: 'relay', base: relay.address, priority: 0x00ffffff });
    expect(peerReflexiveCandidate(at('198.51.100.1', 62003), host.address, 0x6e0001ff, 1)).toMatchObject({ type: 'prflx', priority: 0x6e0001ff });
  });
  it('§5.1.3: without a NAT the srflx candidate equals the host candidate and goes; the host one stays', () => {
    const host = hostCandidate(at('10.0.0.1', 5000));
    const same = serverReflexiveCandidate(at('10.0.0.1', 5000), host.address, STUN);
    expect(eliminateRedundant([same, host])).toEqual([host]);
    const natted = serverReflexiveCandidate(at('198.51.100.1', 62000), host.address, STUN);
    expect(eliminateRedundant([host, natted])).toEqual([host, natted]);
  });
});

describe('pair priority (§6.1.2.3): 2^32·MIN(G,D) + 2·MAX(G,D) + (G>D?1:0)', () => {
  it('by hand', () => {
    expect(pairPriority(0x7effffff, 0x64ffffff)).toBe(0x64fffffffdffffffn); // G>D: min·2^32 + 2·0x7effffff + 1
    expect(pairPriority(0x64ffffff, 0x7effffff)).toBe(0x64fffffffdfffffen); // the same pair seen with roles swapped
    expect(pairPriority(0x7effffff, 0x7effffff)).toBe(0x7efffffffdfffffen);
    expect(pairPriority(0x00ffffff, 0x64ffffff)).toBe(0x00ffffffc9fffffen);
    expect(pairPriority(1, 2)).toBe(4294967300n); // 2^32 + 4 + 0
  });
});

describe('the checklist (§6.1.2)', () => {
  // Alice controls; each side has a host and a srflx candidate, Alice also a relayed one.
  const aHost = hostCandidate(at('10.0.0.1', 5000));
  const aSrflx = serverReflexiveCandidate(at('198.51.100.1', 62000), aHost.address, STUN);
  const aRelay = relayedCandidate(at('192.0.2.1', 49160), STUN);
  const bHost = hostCandidate(at('10.1.0.2', 6000));
  const bSrflx = serverReflexiveCandidate(at('203.0.113.2', 62001), bHost.address, STUN);
  const names = (l: CandidatePair[]) => l.map((p) => `${p.local.type}-${p.remote.type}`);

  it('pairs, ordered by pair priority, srflx locals replaced by their base and the duplicates pruned', () => {
    const list = formCheckList([aHost, aSrflx, aRelay], [bHost, bSrflx], 'controlling');
    // srflx-host would be host-host again, srflx-srflx host-srflx: both pruned (an agent sends from its base).
    expect(names(list)).toEqual(['host-host', 'host-srflx', 'relay-host', 'relay-srflx']);
    expect(list.map((p) => p.priority)).toEqual([0x7efffffffdfffffen, 0x64fffffffdffffffn, 0x00fffffffdfffffen, 0x00ffffffc9fffffen]);
    // Four different foundations, one component: every pair starts Waiting.
    expect(list.map((p) => p.state)).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
  });

  it('the controlled side computes the same priorities (G is always the controlling agent’s candidate)', () => {
    const mine = formCheckList([aHost, aRelay], [bHost, bSrflx], 'controlling');
    const theirs = formCheckList([bHost, bSrflx], [aHost, aRelay], 'controlled');
    // Bob prunes his srflx locals (he sends from his host address), so compare the pairs both lists have.
    expect(theirs).toHaveLength(2);
    for (const t of theirs) expect(mine.find((m) => m.local === t.remote && m.remote === t.local)?.priority).toBe(t.priority);
    // After a role conflict the priorities change: host-srflx's tie bit flips.
    expect(withRole(mine, 'controlled').find((p) => p.remote.type === 'srflx' && p.local.type === 'host')!.priority).toBe(0x64fffffffdfffffen);
  });

  it('a second component with the same foundation starts Frozen and thaws when component 1 succeeds (§7.2.5.3.3)', () => {
    const l = [hostCandidate(at('10.0.0.1', 5000)), hostCandidate(at('10.0.0.1', 5001), { componentId: 2 })];
    const r = [hostCandidate(at('10.1.0.2', 6000)), hostCandidate(at('10.1.0.2', 6001), { componentId: 2 })];
    let list = formCheckList(l, r, 'controlling');
    expect(list.map((p) => [p.local.componentId, p.state])).toEqual([[1, 'waiting'], [2, 'frozen']]);
    const { list: after, pair } = nextCheck(list);
    expect(pair!.local.componentId).toBe(1);
    expect(after[0]!.state).toBe('in-progress');
    // Nothing else Waiting, and the frozen pair's foundation is busy: no check to start.
    expect(nextCheck(after).pair).toBeNull();
    list = checkSucceeded(after, pair!.id);
    expect(list.map((p) => p.state)).toEqual(['succeeded', 'waiting']);
  });

  it('at most 100 pairs (§6.1.2.5)', () => {
    const many = Array.from({ length: 12 }, (_, i) => hostCandidate(at(`10.0.0.${i + 1}`, 5000), { localPreference: 1000 + i }));
    const far = Array.from({ length: 12 }, (_, i) => hostCandidate(at(`10.9.0.${i + 1}`, 6000)));
    expect(formCheckList(many, far, 'controlling')).toHaveLength(MAX_PAIRS);
  });

  it('regular nomination (§8.1.1): a valid pair is checked again with USE-CANDIDATE; its success nominates and selects it', () => {
    let list = formCheckList([aHost, aRelay], [bHost, bSrflx], 'controlling');
    const { list: l1, pair } = nextCheck(list);
    list = checkSucceeded(l1, pair!.id);
    expect(list[0]).toMatchObject({ valid: true, nominated: false });
    expect(selectedPair(list)).toBeNull();
    expect(checklistState(list)).toBe('running');
    list = checkSucceeded(list, pair!.id, true);
    expect(selectedPair(list)?.id).toBe(pair!.id);
    expect(checklistState(list)).toBe('completed');
  });

  it('controlled side: USE-CANDIDATE before its own check succeeded nominates on success (§7.3.1.5)', () => {
    let list = formCheckList([bHost], [aHost], 'controlled');
    const id = list[0]!.id;
    list = useCandidateReceived(list, id);
    expect(list[0]).toMatchObject({ nominated: false, nominateOnSuccess: true });
    list = checkSucceeded(list, id);
    expect(selectedPair(list)?.id).toBe(id);
    // On an already valid pair it nominates at once.
    const valid = checkSucceeded(formCheckList([bHost], [aHost], 'controlled'), id);
    expect(useCandidateReceived(valid, id)[0]!.nominated).toBe(true);
  });

  it('when every pair fails the checklist fails — the case where only TURN could have helped, had a relay been gathered', () => {
    let list = formCheckList([aHost], [bHost, bSrflx], 'controlling');
    for (const p of list) list = checkFailed(list, p.id);
    expect(checklistState(list)).toBe('failed');
    expect(selectedPair(list)).toBeNull();
  });
});
