/**
 * PEP (XEP-0163 on XEP-0060) stanza by stanza: publish with publish-options and auto-create, the
 * precondition check, items, subscribe with the last item sent at once, notifications, the access
 * models — and OMEMO 2's device list and bundle going through it and working on the other side.
 */
import { describe, expect, it } from 'vitest';
import { utf8, utf8Decode } from '@/lib/bytes/hex';
import { addBundle, createDevice, decryptMessage, encryptMessage, isOmemoError, ownBundle, ownDeviceList, updateDeviceList } from '@/lib/omemo/device';
import { bundleToXml, deviceListToXml, parseBundle, parseDeviceList } from '@/lib/omemo/xml';
import { randomBytes, seedRng } from '@/lib/sim/rng';
import { child, children, x, type XmlElement } from '@/lib/xml/element';
import { serialize } from '@/lib/xml/serialize';
import { pepServices } from '@/lib/xmpp/pubsub/pep';
import { itemsIq, OMEMO_BUNDLES_NODE, OMEMO_DEVICES_NODE, OMEMO_NODE_OPTIONS, publishIq, subscribeIq } from '@/lib/xmpp/pubsub/stanzas';
import { findService } from '@/lib/xmpp/server/service';
import { address, type ServerState } from '@/lib/xmpp/server/state';
import { collectingContext } from '../../../helpers/service-context';
import { conditionOf, parseStanza } from '../muc/harness';

const ALICE = 'alice@a.example/phone';
const BOB = 'bob@a.example/laptop';
const CAROL = 'carol@a.example/desk';

function harness() {
  const account = (roster: Record<string, string>) => ({ roster: Object.fromEntries(Object.entries(roster).map(([jid, state]) => [jid, { jid, state, listed: true }])), offline: [] });
  const state = {
    domain: 'a.example',
    nextId: 1,
    pep: {},
    accounts: { alice: account({ 'bob@a.example': 'both' }), bob: account({ 'alice@a.example': 'both' }), carol: account({}) },
  } as unknown as ServerState;
  /** Send `el` from `from` (over the wire: serialized and parsed again); what the service sent back. */
  const send = (from: string, el: XmlElement): XmlElement[] => {
    const stanza = parseStanza(serialize(el));
    stanza.attrs = { ...stanza.attrs, from };
    const self = !stanza.attrs.to || address(stanza.attrs.to)!.bare === address(from)!.bare;
    const to = address(stanza.attrs.to ?? address(from)!.bare)!;
    const service = findService(pepServices, stanza, 'account', self);
    if (!service) throw new Error(`no PEP service for ${serialize(el)}`);
    const sent: XmlElement[] = [];
    const c = collectingContext(state, stanza, to, self ? ({ fullJid: from } as never) : null, sent);
    service.handle(c, stanza);
    return sent;
  };
  return { state, send };
}

/** The items of an items result or an event notification. */
const itemsOf = (el: XmlElement): XmlElement[] => {
  const holder = child(el, 'pubsub') ?? child(el, 'event');
  return children(child(holder!, 'items')!, 'item');
};
const payloadOf = (item: XmlElement) => item.children.find((c): c is XmlElement => typeof c !== 'string')!;

const rng = seedRng('pep-test');
const random = (n: number) => randomBytes(rng, n);

describe('PEP: publish, items, subscribe (XEP-0163 / XEP-0060)', () => {
  it("OMEMO's device list and bundle round-trip through PEP, and bob encrypts to alice with what he read", () => {
    const h = harness();
    const a1 = createDevice({ jid: 'alice@a.example' }, random);
    const b1 = createDevice({ jid: 'bob@a.example' }, random);
    const [pubList] = h.send(ALICE, publishIq('p1', OMEMO_DEVICES_NODE, 'current', deviceListToXml(ownDeviceList(a1)), OMEMO_NODE_OPTIONS[OMEMO_DEVICES_NODE]));
    expect(pubList!.attrs.type).toBe('result');
    const [pubBundle] = h.send(ALICE, publishIq('p2', OMEMO_BUNDLES_NODE, String(a1.deviceId), bundleToXml(ownBundle(a1)), OMEMO_NODE_OPTIONS[OMEMO_BUNDLES_NODE]));
    expect(child(child(child(pubBundle!, 'pubsub')!, 'publish')!, 'item')!.attrs.id).toBe(String(a1.deviceId));
    // bob subscribes to the device list: the reply, then the last item at once
    const [sub, last] = h.send(BOB, subscribeIq('s1', 'alice@a.example', OMEMO_DEVICES_NODE, BOB));
    expect(child(child(sub!, 'pubsub')!, 'subscription')!.attrs.subscription).toBe('subscribed');
    expect(last!.attrs).toMatchObject({ from: 'alice@a.example', to: BOB, type: 'headline' });
    const list = parseDeviceList(payloadOf(itemsOf(last!)[0]!));
    expect(list).toEqual([{ id: a1.deviceId, label: null }]);
    // bob fetches the bundle of that device by item id
    const [items] = h.send(BOB, itemsIq('i1', 'alice@a.example', OMEMO_BUNDLES_NODE, [String(a1.deviceId)]));
    const bundle = parseBundle(payloadOf(itemsOf(items!)[0]!));
    if ('error' in bundle) throw new Error(bundle.error);
    expect(bundle).toEqual(ownBundle(a1));
    updateDeviceList(b1, 'alice@a.example', list as never);
    addBundle(b1, 'alice@a.example', a1.deviceId, bundle);
    addBundle(a1, 'bob@a.example', b1.deviceId, ownBundle(b1));
    const m = encryptMessage(b1, ['alice@a.example'], utf8('read from PEP'), random);
    if (isOmemoError(m)) throw new Error(m.error);
    const d = decryptMessage(a1, 'bob@a.example', m.message, random);
    expect(!isOmemoError(d) && d.plaintext && utf8Decode(d.plaintext)).toBe('read from PEP');
    // a second device: the new list reaches the subscriber as a notification
    const a2 = createDevice({ jid: 'alice@a.example' }, random);
    const out = h.send(ALICE, publishIq('p3', OMEMO_DEVICES_NODE, 'current', deviceListToXml([...ownDeviceList(a1), { id: a2.deviceId, label: 'laptop' }]), OMEMO_NODE_OPTIONS[OMEMO_DEVICES_NODE]));
    expect(out.map((s) => s.name)).toEqual(['iq', 'message']);
    expect(parseDeviceList(payloadOf(itemsOf(out[1]!)[0]!))).toEqual([{ id: a1.deviceId, label: null }, { id: a2.deviceId, label: 'laptop' }]);
    // the bundles node keeps one item per device (max_items = max); the device list node one
    h.send(ALICE, publishIq('p4', OMEMO_BUNDLES_NODE, String(a2.deviceId), bundleToXml(ownBundle(a2)), OMEMO_NODE_OPTIONS[OMEMO_BUNDLES_NODE]));
    expect(itemsOf(h.send(CAROL, itemsIq('i2', 'alice@a.example', OMEMO_BUNDLES_NODE))[0]!).map((i) => i.attrs.id)).toEqual([String(a1.deviceId), String(a2.deviceId)]);
    expect(itemsOf(h.send(CAROL, itemsIq('i3', 'alice@a.example', OMEMO_DEVICES_NODE))[0]!)).toHaveLength(1);
  });

  it('publish-options that differ from the node are refused (precondition not met); others may not publish', () => {
    const h = harness();
    const payload = x('devices', { xmlns: 'urn:xmpp:omemo:2' });
    h.send(ALICE, publishIq('p1', OMEMO_DEVICES_NODE, 'current', payload, { accessModel: 'open' }));
    expect(conditionOf(h.send(ALICE, publishIq('p2', OMEMO_DEVICES_NODE, 'current', payload, { accessModel: 'presence' }))[0])).toBe('conflict');
    const foreign = { ...publishIq('p3', 'n', 'i', payload), attrs: { type: 'set', id: 'p3', to: 'alice@a.example' } };
    expect(conditionOf(h.send(BOB, foreign)[0])).toBe('forbidden');
  });

  it("the default access model is presence: contacts read, strangers do not; subscribing someone else's JID is refused", () => {
    const h = harness();
    const [r] = h.send(ALICE, publishIq('p1', 'urn:example:mood', '', x('mood', { xmlns: 'urn:example:mood' }, 'calm')));
    const id = child(child(child(r!, 'pubsub')!, 'publish')!, 'item')!.attrs.id;
    expect(id).toMatch(/^item-/); // an item without an id gets one
    expect(itemsOf(h.send(BOB, itemsIq('i1', 'alice@a.example', 'urn:example:mood'))[0]!)).toHaveLength(1);
    expect(conditionOf(h.send(CAROL, itemsIq('i2', 'alice@a.example', 'urn:example:mood'))[0])).toBe('not-authorized');
    expect(conditionOf(h.send(CAROL, subscribeIq('s1', 'alice@a.example', 'urn:example:mood', CAROL))[0])).toBe('not-authorized');
    expect(conditionOf(h.send(BOB, subscribeIq('s2', 'alice@a.example', 'urn:example:mood', CAROL))[0])).toBe('bad-request');
    expect(conditionOf(h.send(BOB, itemsIq('i3', 'alice@a.example', 'urn:example:none'))[0])).toBe('item-not-found');
  });
});
