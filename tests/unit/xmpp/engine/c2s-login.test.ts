import { describe, expect, it } from 'vitest';
import { fromBase64 } from '@/lib/bytes/base64';
import { fromHex, toHex, utf8Decode } from '@/lib/bytes/hex';
import { clientProof, clientSignature, clientKey, saltedPassword, serverSignature, serverKey, storedKey } from '@/lib/crypto/scram';
import { c2sLogin } from '@/lib/scenarios/presets/c2s-login';
import { nodeStatesAfter, runScenario } from '@/lib/scenarios/run';
import type { ServerState } from '@/lib/xmpp/stream/server';
import { between, transcript } from './transcript';

const lines = transcript(c2sLogin);
const toServer = between(lines, 'alice', 'a.example');
const toClient = between(lines, 'a.example', 'alice');
const sasl = (el: string) => utf8Decode(fromBase64(/>([^<]+)</.exec(el)![1]!));

describe('c2s-login: the Prosody 0.12 flow, byte for byte where it is deterministic', () => {
  it('negotiates STARTTLS (required) before anything else', () => {
    expect(toServer[0]).toBe("<?xml version='1.0'?><stream:stream to='a.example' version='1.0' xml:lang='en' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
    expect(toClient[0]).toMatch(/^<\?xml version='1.0'\?><stream:stream from='a.example' id='[0-9a-f-]{36}' xml:lang='en' xmlns='jabber:client' xmlns:stream='http:\/\/etherx.jabber.org\/streams' version='1.0'><stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required\/><\/starttls><\/stream:features>$/);
    expect(toServer[1]).toBe("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    expect(toClient[1]).toBe("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    expect(toServer[2]).toBe('[hello]');
    expect(toClient[2]).toBe('[hello]');
    expect(toServer[3]).toBe(toServer[0]); // the restart, now inside TLS
  });

  it('the hello records are TLS handshake records; everything after is application_data', () => {
    const [ch, flight] = lines.filter((l) => l.text === '[hello]');
    const w = ch!.event.wire!;
    // RFC 8446 §5.1: an initial ClientHello may carry legacy_record_version 0x0301; ClientHello is type 1.
    expect([...w.slice(0, 3)]).toEqual([0x16, 0x03, 0x01]);
    expect(w[5]).toBe(1);
    // The server's flight: ServerHello in clear (type 2), then one protected record (EncryptedExtensions … Finished).
    const f = flight!.event.wire!;
    expect([f[0], f[5]]).toEqual([0x16, 2]);
    const shLength = 5 + ((f[3]! << 8) | f[4]!);
    expect(f[shLength]).toBe(0x17);
    const after = lines.filter((l) => l.seq > flight!.seq);
    for (const l of after) {
      expect(l.event.wire![0]).toBe(0x17);
      expect(l.event.layers.find((x) => x.layer === 'tls')).toMatchObject({ key: 'tls:alice~a.example' });
      expect(l.event.layers.filter((x) => x.layer === 'xml').every((x) => x.key === 'tls:alice~a.example')).toBe(true);
    }
  });

  it('offers SCRAM-SHA-1 and PLAIN inside TLS, as Prosody does, and alice picks SCRAM-SHA-1', () => {
    expect(toClient[3]).toMatch(/<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-1<\/mechanism><mechanism>PLAIN<\/mechanism><\/mechanisms><\/stream:features>$/);
    expect(toServer[4]).toMatch(/^<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'>[A-Za-z0-9+/=]+<\/auth>$/);
    expect(sasl(toServer[4]!)).toMatch(/^n,,n=alice,r=[A-Za-z0-9+/=]{24}$/);
    expect(sasl(toClient[4]!)).toMatch(/^r=[A-Za-z0-9+/=]+,s=[A-Za-z0-9+/=]+,i=10000$/);
    // Quoted in content/*/07-secure-login.mdx (seed 1): a change here must update the lesson.
    expect(sasl(toClient[4]!)).toBe('r=iWOVH+3KFrswjBYoG9fawrMtWklV8bPfYgYXyoItiZ6yvuRo,s=6G9rclJa723PjuRhlqf6AA==,i=10000');
  });

  it('the proof on the wire is RFC 5802 §3 computed from the password; the server’s signature checks out', () => {
    const first = sasl(toServer[4]!).slice(3);
    const serverFirst = sasl(toClient[4]!);
    const final = sasl(toServer[5]!);
    const withoutProof = final.slice(0, final.indexOf(',p='));
    const authMessage = `${first},${serverFirst},${withoutProof}`;
    const salt = fromBase64(/s=([^,]+)/.exec(serverFirst)![1]!);
    const sp = saltedPassword('wonderland', salt, 10000, 'SHA-1');
    const ck = clientKey(sp, 'SHA-1');
    const proof = clientProof(ck, clientSignature(storedKey(ck, 'SHA-1'), authMessage, 'SHA-1'));
    expect(final).toBe(`${withoutProof},p=${Buffer.from(proof).toString('base64')}`);
    expect(sasl(toClient[5]!)).toBe(`v=${Buffer.from(serverSignature(serverKey(sp, 'SHA-1'), authMessage, 'SHA-1')).toString('base64')}`);
  });

  it('the server stores salt, i, StoredKey and ServerKey — never the password', () => {
    const run = runScenario(c2sLogin, { seed: 1 });
    const server = nodeStatesAfter(c2sLogin, run, run.trace.events.length - 1)['a.example'] as ServerState;
    expect(JSON.stringify(server)).not.toContain('wonderland');
    const rec = server.accounts.alice!.credentials.scramSha1;
    expect(rec.iterations).toBe(10000);
    const sp = saltedPassword('wonderland', fromHex(rec.salt), 10000, 'SHA-1');
    expect(toHex(storedKey(clientKey(sp, 'SHA-1'), 'SHA-1'))).toBe(rec.storedKey);
  });

  it('restart, bind, presence, roster, disco, ping, goodbye', () => {
    expect(toServer[6]).toBe(toServer[0]);
    expect(toClient[6]).toMatch(/<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><required\/><\/bind><\/stream:features>$/);
    expect(toServer[7]).toBe("<iq type='set' id='alice-bind-1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>laptop</resource></bind></iq>");
    expect(toClient[7]).toBe("<iq type='result' id='alice-bind-1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>alice@a.example/laptop</jid></bind></iq>");
    expect(toServer[8]).toBe('<presence/>');
    expect(toClient[8]).toBe("<presence from='alice@a.example/laptop' to='alice@a.example/laptop'/>");
    expect(toServer[9]).toBe("<iq type='get' id='alice-2'><query xmlns='jabber:iq:roster'/></iq>");
    expect(toClient[9]).toBe("<iq type='result' id='alice-2' to='alice@a.example/laptop'><query xmlns='jabber:iq:roster'/></iq>");
    expect(toServer[10]).toBe("<iq type='get' id='alice-3' to='a.example'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
    expect(toClient[10]).toBe(
      "<iq from='a.example' to='alice@a.example/laptop' type='result' id='alice-3'><query xmlns='http://jabber.org/protocol/disco#info'><identity category='server' type='im' name='Messenger Lab'/>" +
        "<feature var='http://jabber.org/protocol/disco#info'/><feature var='http://jabber.org/protocol/disco#items'/><feature var='urn:xmpp:ping'/><feature var='jabber:iq:roster'/><feature var='msgoffline'/></query></iq>",
    );
    expect(toServer[11]).toBe("<iq type='get' id='alice-4' to='a.example'><ping xmlns='urn:xmpp:ping'/></iq>");
    expect(toClient[11]).toBe("<iq from='a.example' to='alice@a.example/laptop' type='result' id='alice-4'/>");
    expect(toServer[12]).toBe("<presence type='unavailable'/></stream:stream>");
    expect(toClient[12]).toBe('</stream:stream>');
    expect(toServer).toHaveLength(13);
  });
});
