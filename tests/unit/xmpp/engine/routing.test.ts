import { describe, expect, it } from 'vitest';
import { chatLocal } from '@/lib/scenarios/presets/chat-local';
import { messageTypeOf, routeMessage } from '@/lib/xmpp/im/routing';
import { between, transcript } from './transcript';

const phone = { resource: 'phone', priority: 5 };
const laptop = { resource: 'laptop', priority: 1 };
const hidden = { resource: 'bot', priority: -1 };

describe('RFC 6121 §8.5 message delivery, as a pure decision', () => {
  it('bare JID: chat and normal go to the highest non-negative priority, all of them on a tie', () => {
    expect(routeMessage('chat', null, true, [phone, laptop])).toMatchObject({ kind: 'deliver', resources: ['phone'] });
    expect(routeMessage('normal', null, true, [phone, { ...laptop, priority: 5 }])).toMatchObject({ kind: 'deliver', resources: ['phone', 'laptop'] });
    expect(routeMessage('chat', null, true, [hidden, laptop])).toMatchObject({ kind: 'deliver', resources: ['laptop'] });
  });

  it('bare JID: headline to every non-negative resource; groupchat refused; error ignored', () => {
    expect(routeMessage('headline', null, true, [phone, laptop, hidden])).toMatchObject({ kind: 'deliver', resources: ['phone', 'laptop'] });
    expect(routeMessage('groupchat', null, true, [phone])).toMatchObject({ kind: 'error', condition: 'service-unavailable' });
    expect(routeMessage('error', null, true, [phone])).toMatchObject({ kind: 'ignore' });
  });

  it('nobody available (or only negative priorities): store chat/normal offline, drop headlines', () => {
    for (const avail of [[], [hidden]]) {
      expect(routeMessage('chat', null, true, avail)).toMatchObject({ kind: 'store' });
      expect(routeMessage('normal', null, true, avail)).toMatchObject({ kind: 'store' });
      expect(routeMessage('headline', null, true, avail)).toMatchObject({ kind: 'ignore' });
      expect(routeMessage('groupchat', null, true, avail)).toMatchObject({ kind: 'error', condition: 'service-unavailable' });
    }
  });

  it('full JID: exact resource wins, even with negative priority; otherwise chat falls back to the bare rules', () => {
    expect(routeMessage('normal', 'bot', true, [phone, hidden])).toMatchObject({ kind: 'deliver', resources: ['bot'] });
    expect(routeMessage('chat', 'tablet', true, [phone, laptop])).toMatchObject({ kind: 'deliver', resources: ['phone'] });
    expect(routeMessage('chat', 'tablet', true, [])).toMatchObject({ kind: 'store' });
    expect(routeMessage('normal', 'tablet', true, [phone])).toMatchObject({ kind: 'error', condition: 'service-unavailable' });
    expect(routeMessage('groupchat', 'tablet', true, [phone])).toMatchObject({ kind: 'error', condition: 'service-unavailable' });
    expect(routeMessage('headline', 'tablet', true, [phone])).toMatchObject({ kind: 'ignore' });
  });

  it('no such account: service-unavailable, except for errors and headlines', () => {
    expect(routeMessage('chat', null, false, [])).toMatchObject({ kind: 'error', condition: 'service-unavailable' });
    expect(routeMessage('error', null, false, [])).toMatchObject({ kind: 'ignore' });
    expect(routeMessage('headline', 'x', false, [])).toMatchObject({ kind: 'ignore' });
  });

  it('an absent or unknown type is normal (RFC 6121 §5.2.2)', () => {
    expect(messageTypeOf(undefined)).toBe('normal');
    expect(messageTypeOf('shout')).toBe('normal');
    expect(messageTypeOf('chat')).toBe('chat');
  });
});

describe('chat-local: the same rules on the wire', () => {
  const lines = transcript(chatLocal);
  const toPhone = between(lines, 'a.example', 'bob-phone').filter((t) => t.startsWith('<message'));
  const toLaptop = between(lines, 'a.example', 'bob-laptop').filter((t) => t.startsWith('<message'));

  it('the bare-JID chat reaches only the phone (priority 5), stamped with alice’s full JID', () => {
    expect(toPhone[0]).toBe("<message from='alice@a.example/laptop' to='bob@a.example' id='alice-2' type='chat'><body>Are you there?</body></message>");
    expect(toLaptop.some((t) => t.includes('Are you there?'))).toBe(false);
  });

  it('the full-JID message reaches exactly the laptop; the headline both', () => {
    expect(toLaptop[0]).toBe("<message from='alice@a.example/laptop' to='bob@a.example/laptop' id='alice-3' type='chat'><body>The slides are on your laptop.</body></message>");
    expect(toPhone.filter((t) => t.includes('Fire drill'))).toHaveLength(1);
    expect(toLaptop.filter((t) => t.includes('Fire drill'))).toHaveLength(1);
  });

  it('groupchat to a person comes back as a stanza error', () => {
    const err = between(lines, 'a.example', 'alice').find((t) => t.includes("type='error'"));
    expect(err).toBe(
      "<message from='bob@a.example' to='alice@a.example/laptop' type='error' id='alice-5'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>",
    );
  });

  it('the initial presences carry the priorities', () => {
    expect(between(lines, 'bob-phone', 'a.example')).toContain('<presence><priority>5</priority></presence>');
    expect(between(lines, 'bob-laptop', 'a.example')).toContain('<presence><show>away</show><priority>1</priority></presence>');
  });
});
