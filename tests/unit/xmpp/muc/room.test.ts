/**
 * The room service stanza by stanza (XEP-0045): creation and locking (§10.1), entering with the
 * presence order of §7.2.2, history and subject (§7.2.13, §7.2.15), each entry error of §7.2.17's table,
 * groupchat reflection and a visitor's refusal (§7.4), private messages (§7.5), kick and ban with
 * 307/301 (§8.2, §9.1), and who sees real JIDs in semi-anonymous and non-anonymous rooms (§7.2.3, §7.2.4).
 */
import { describe, expect, it } from 'vitest';
import { child, children, text, type XmlElement } from '@/lib/xml/element';
import { conditionOf, harness, join, openRoom, SERVICE } from './harness';

const ALICE = 'alice@a.example/laptop';
const BOB = 'bob@a.example/phone';
const CAROL = 'carol@a.example/desk';
const ROOM = `lab@${SERVICE}`;

const itemOf = (p: XmlElement) => child(child(p, 'x', 'http://jabber.org/protocol/muc#user')!, 'item')!;
const codesOf = (p: XmlElement) => children(child(p, 'x', 'http://jabber.org/protocol/muc#user')!, 'status').map((s) => Number(s.attrs.code));

describe('creating a room (§10.1)', () => {
  it('the first presence creates a locked room with its creator as owner: 110 and 201', () => {
    const h = harness();
    const [self] = join(h, ALICE, 'Alice');
    expect(self!.attrs.from).toBe(`${ROOM}/Alice`);
    expect(itemOf(self!).attrs).toMatchObject({ affiliation: 'owner', role: 'moderator' });
    expect(codesOf(self!)).toEqual([110, 201]);
    expect(h.state.muc.lab!.locked).toBe(true);
  });
  it('nobody else enters a locked room (item-not-found, §7.2.10); an instant room unlocks it', () => {
    const h = harness();
    join(h, ALICE, 'Alice');
    expect(conditionOf(join(h, BOB, 'Bob')[0])).toBe('item-not-found');
    const [result] = h.send(ALICE, `<iq type='set' id='i1' to='${ROOM}'><query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'/></query></iq>`);
    expect(result!.attrs.type).toBe('result');
    expect(join(h, BOB, 'Bob').at(-2)!.attrs.from).toBe(`${ROOM}/Bob`);
  });
  it('the owner gets the muc#roomconfig form; a cancel destroys the locked room', () => {
    const h = harness();
    join(h, ALICE, 'Alice');
    const [form] = h.send(ALICE, `<iq type='get' id='f' to='${ROOM}'><query xmlns='http://jabber.org/protocol/muc#owner'/></iq>`);
    const vars = children(child(child(form!, 'query')!, 'x')!, 'field').map((f) => f.attrs.var);
    expect(vars).toContain('muc#roomconfig_membersonly');
    expect(vars).toContain('muc#roomconfig_whois');
    h.send(ALICE, `<iq type='set' id='c' to='${ROOM}'><query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='cancel'/></query></iq>`);
    expect(h.state.muc.lab).toBeUndefined();
  });
  it('users of other servers may not create rooms here (not-allowed, §10.1.1)', () => {
    const h = harness();
    expect(conditionOf(join(h, 'dave@b.example/x', 'Dave')[0])).toBe('not-allowed');
    expect(h.state.muc.lab).toBeUndefined();
  });
});

describe('entering (§7.2.2): others first, own presence last, then history and subject', () => {
  it('sends the occupants, then the newcomer to them, then 110, then history with delay, then the subject', () => {
    const h = harness();
    openRoom(h);
    join(h, BOB, 'Bob');
    h.send(ALICE, `<message type='groupchat' to='${ROOM}' id='m1'><body>hello</body></message>`);
    h.send(ALICE, `<message type='groupchat' to='${ROOM}'><subject>Plans</subject></message>`);
    const out = join(h, CAROL, 'Carol');
    const summary = out.map((s) => `${s.name} ${s.attrs.from} > ${s.attrs.to}`);
    expect(summary).toEqual([
      `presence ${ROOM}/Alice > ${CAROL}`,
      `presence ${ROOM}/Bob > ${CAROL}`,
      `presence ${ROOM}/Carol > ${ALICE}`,
      `presence ${ROOM}/Carol > ${BOB}`,
      `presence ${ROOM}/Carol > ${CAROL}`,
      `message ${ROOM}/Alice > ${CAROL}`,
      `message ${ROOM}/Alice > ${CAROL}`,
    ]);
    expect(codesOf(out[4]!)).toEqual([110]);
    const history = out[5]!;
    expect(text(child(history, 'body'))).toBe('hello');
    expect(child(history, 'delay', 'urn:xmpp:delay')!.attrs.from).toBe(ROOM);
    expect(text(child(out[6]!, 'subject'))).toBe('Plans');
  });
  it('an empty subject when none was set (§7.2.15)', () => {
    const h = harness();
    openRoom(h);
    const last = join(h, BOB, 'Bob').at(-1)!;
    expect(child(last, 'subject')).toBeDefined();
    expect(text(child(last, 'subject'))).toBe('');
  });
});

describe('entry errors (§7.2.17)', () => {
  it('no nickname: jid-malformed', () => {
    const h = harness();
    openRoom(h);
    expect(conditionOf(h.send(BOB, `<presence to='${ROOM}'><x xmlns='http://jabber.org/protocol/muc'/></presence>`)[0])).toBe('jid-malformed');
  });
  it('nickname in use: conflict (409)', () => {
    const h = harness();
    openRoom(h);
    expect(conditionOf(join(h, BOB, 'Alice')[0])).toBe('conflict');
  });
  it('password: not-authorized (401) without or with a wrong one, entry with the right one', () => {
    const h = harness();
    openRoom(h, { 'muc#roomconfig_passwordprotectedroom': '1', 'muc#roomconfig_roomsecret': 'cauldron' });
    expect(conditionOf(join(h, BOB, 'Bob')[0])).toBe('not-authorized');
    expect(conditionOf(join(h, BOB, 'Bob', '<password>wrong</password>')[0])).toBe('not-authorized');
    expect(conditionOf(join(h, BOB, 'Bob', '<password>cauldron</password>')[0])).toBe('');
  });
  it('members-only: registration-required (407) until an admin grants membership', () => {
    const h = harness();
    openRoom(h, { 'muc#roomconfig_membersonly': '1' });
    expect(conditionOf(join(h, BOB, 'Bob')[0])).toBe('registration-required');
    h.send(ALICE, `<iq type='set' id='a1' to='${ROOM}'><query xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='member' jid='bob@a.example'/></query></iq>`);
    expect(conditionOf(join(h, BOB, 'Bob')[0])).toBe('');
  });
  it('banned: forbidden (403)', () => {
    const h = harness();
    openRoom(h);
    h.send(ALICE, `<iq type='set' id='b1' to='${ROOM}'><query xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='outcast' jid='bob@a.example'/></query></iq>`);
    const [err] = join(h, BOB, 'Bob');
    expect(conditionOf(err)).toBe('forbidden');
    expect(child(err!, 'x', 'http://jabber.org/protocol/muc')).toBeDefined();
  });
});

describe('messages (§7.4, §7.5)', () => {
  it('a groupchat message goes to every occupant from the sender’s occupant JID, with the sender’s id', () => {
    const h = harness();
    openRoom(h);
    join(h, BOB, 'Bob');
    const out = h.send(BOB, `<message type='groupchat' to='${ROOM}' id='x7'><body>hi all</body></message>`);
    expect(out.map((m) => [m.attrs.from, m.attrs.to, m.attrs.id])).toEqual([
      [`${ROOM}/Bob`, ALICE, 'x7'],
      [`${ROOM}/Bob`, BOB, 'x7'],
    ]);
  });
  it('a non-occupant’s message: not-acceptable', () => {
    const h = harness();
    openRoom(h);
    expect(conditionOf(h.send(CAROL, `<message type='groupchat' to='${ROOM}'><body>x</body></message>`)[0])).toBe('not-acceptable');
  });
  it('in a moderated room a visitor’s message is refused with forbidden and reaches nobody; voice lets it through', () => {
    const h = harness();
    openRoom(h, { 'muc#roomconfig_moderatedroom': '1' });
    expect(itemOf(join(h, BOB, 'Bob').at(-2)!).attrs.role).toBe('visitor');
    const refused = h.send(BOB, `<message type='groupchat' to='${ROOM}'><body>let me speak</body></message>`);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.attrs.to).toBe(BOB);
    expect(conditionOf(refused[0])).toBe('forbidden');
    h.send(ALICE, `<iq type='set' id='v1' to='${ROOM}'><query xmlns='http://jabber.org/protocol/muc#admin'><item nick='Bob' role='participant'/></query></iq>`);
    expect(h.send(BOB, `<message type='groupchat' to='${ROOM}'><body>thanks</body></message>`)).toHaveLength(2);
  });
  it('a private message reaches the occupant’s real JID from the sender’s occupant JID; groupchat type is a bad-request', () => {
    const h = harness();
    openRoom(h);
    join(h, BOB, 'Bob');
    const [pm] = h.send(BOB, `<message type='chat' to='${ROOM}/Alice'><body>psst</body></message>`);
    expect(pm!.attrs).toMatchObject({ from: `${ROOM}/Bob`, to: ALICE, type: 'chat' });
    expect(child(pm!, 'x', 'http://jabber.org/protocol/muc#user')).toBeDefined();
    expect(conditionOf(h.send(BOB, `<message type='groupchat' to='${ROOM}/Alice'><body>x</body></message>`)[0])).toBe('bad-request');
    expect(conditionOf(h.send(BOB, `<message type='chat' to='${ROOM}/Nobody'><body>x</body></message>`)[0])).toBe('item-not-found');
  });
  it('only a moderator changes the subject by default (§5.1.1 Modify Subject)', () => {
    const h = harness();
    openRoom(h);
    join(h, BOB, 'Bob');
    expect(conditionOf(h.send(BOB, `<message type='groupchat' to='${ROOM}'><subject>mine</subject></message>`)[0])).toBe('forbidden');
    expect(h.send(ALICE, `<message type='groupchat' to='${ROOM}'><subject>ours</subject></message>`)).toHaveLength(2);
  });
});

describe('moderation (§8.2, §9.1)', () => {
  it('a kick removes the occupant with 307; the kicked user may come back', () => {
    const h = harness();
    openRoom(h);
    join(h, BOB, 'Bob');
    const out = h.send(ALICE, `<iq type='set' id='k1' to='${ROOM}'><query xmlns='http://jabber.org/protocol/muc#admin'><item nick='Bob' role='none'/></query></iq>`);
    const toBob = out.find((s) => s.name === 'presence' && s.attrs.to === BOB)!;
    expect(toBob.attrs.type).toBe('unavailable');
    expect(codesOf(toBob)).toEqual([110, 307]);
    expect(out.at(-1)!.attrs.type).toBe('result');
    expect(conditionOf(join(h, BOB, 'Bob')[0])).toBe('');
  });
  it('a ban removes every session of the bare JID with 301 and keeps them out', () => {
    const h = harness();
    openRoom(h);
    join(h, BOB, 'Bob');
    const out = h.send(ALICE, `<iq type='set' id='b2' to='${ROOM}'><query xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='outcast' jid='bob@a.example'/></query></iq>`);
    const toAlice = out.find((s) => s.name === 'presence' && s.attrs.to === ALICE)!;
    expect(codesOf(toAlice)).toEqual([301]);
    expect(itemOf(toAlice).attrs.affiliation).toBe('outcast');
    expect(Object.keys(h.state.muc.lab!.occupants)).toEqual(['Alice']);
    expect(conditionOf(join(h, 'bob@a.example/laptop', 'Bobby')[0])).toBe('forbidden');
  });
  it('a participant’s kick is refused with forbidden', () => {
    const h = harness();
    openRoom(h);
    join(h, BOB, 'Bob');
    join(h, CAROL, 'Carol');
    expect(conditionOf(h.send(BOB, `<iq type='set' id='k2' to='${ROOM}'><query xmlns='http://jabber.org/protocol/muc#admin'><item nick='Carol' role='none'/></query></iq>`)[0])).toBe('forbidden');
  });
});

describe('who sees real JIDs (§7.2.3, §7.2.4)', () => {
  it('semi-anonymous: only moderators get the jid attribute', () => {
    const h = harness();
    openRoom(h);
    join(h, BOB, 'Bob');
    const out = join(h, CAROL, 'Carol');
    const carolTo = (to: string) => itemOf(out.find((s) => s.attrs.from === `${ROOM}/Carol` && s.attrs.to === to)!).attrs.jid;
    expect(carolTo(ALICE)).toBe(CAROL);
    expect(carolTo(BOB)).toBeUndefined();
    expect(itemOf(out.find((s) => s.attrs.from === `${ROOM}/Alice`)!).attrs.jid).toBeUndefined();
    expect(codesOf(out.find((s) => s.attrs.to === CAROL && s.attrs.from === `${ROOM}/Carol`)!)).toEqual([110]);
  });
  it('non-anonymous: everyone gets every jid, and the newcomer is warned with 100', () => {
    const h = harness();
    openRoom(h, { 'muc#roomconfig_whois': 'anyone' });
    join(h, BOB, 'Bob');
    const out = join(h, CAROL, 'Carol');
    expect(itemOf(out.find((s) => s.attrs.from === `${ROOM}/Carol` && s.attrs.to === BOB)!).attrs.jid).toBe(CAROL);
    expect(itemOf(out.find((s) => s.attrs.from === `${ROOM}/Alice`)!).attrs.jid).toBe(ALICE);
    expect(codesOf(out.find((s) => s.attrs.to === CAROL && s.attrs.from === `${ROOM}/Carol`)!)).toEqual([100, 110]);
  });
  it('making a room non-anonymous tells the occupants with 172 (§10.2.1)', () => {
    const h = harness();
    openRoom(h);
    join(h, BOB, 'Bob');
    const out = h.send(ALICE, `<iq type='set' id='c2' to='${ROOM}'><query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'><field var='muc#roomconfig_whois'><value>anyone</value></field></x></query></iq>`);
    const notice = out.find((s) => s.name === 'message' && s.attrs.to === BOB)!;
    expect(codesOf(notice)).toEqual([172]);
  });
});

describe('leaving (§7.14)', () => {
  it('unavailable to everyone, the leaver’s own with 110', () => {
    const h = harness();
    openRoom(h);
    join(h, BOB, 'Bob');
    const out = h.send(BOB, `<presence type='unavailable' to='${ROOM}/Bob'/>`);
    expect(out.map((s) => [s.attrs.to, s.attrs.type, codesOf(s).join()])).toEqual([
      [ALICE, 'unavailable', ''],
      [BOB, 'unavailable', '110'],
    ]);
    expect(Object.keys(h.state.muc.lab!.occupants)).toEqual(['Alice']);
  });
});
