/**
 * lib/turn against coturn on loopback (issue #16 item 3, the allocate peer): `peer:stun allocate`
 * gets a relay from coturn with long-term credentials (the 401 and nonce dance), prints
 * `relayed 127.0.0.1:PORT`, and the UDP listener standing for the peer receives the text *from that
 * relayed address* — through a permission and a Send indication, or a channel and ChannelData; with
 * an echoing peer the answer comes back as a Data indication or ChannelData. A wrong password or an
 * unknown user exits 1 naming the error, and nothing reaches the peer. Driven from the test itself, a
 * request after coturn's nonce expired (--stale-nonce=1) meets 438 and goes again with the new nonce.
 * Needs coturn: a visible skip without it, a failure when CI=true.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { CI, removeDir, tempDir } from './helpers/xmpp-peers';
import { run, startCoturn, stunPeersUnavailable, udpExchange, udpListener, type Listener, type Running } from './helpers/stun-peers';
import { bindingRequest, newTransactionId } from '../../lib/stun/binding';
import { encodeSigned } from '../../lib/stun/integrity';
import { allocate, createPermission, newTurnClient, onDatagram, refresh, type TurnClient, type TurnOutput, type TurnStep } from '../../lib/turn/client';

const USER = { user: 'lab', password: 'labpass', realm: 'lab.example' };
const missing = stunPeersUnavailable();
const rnd = (n: number): Uint8Array => new Uint8Array(randomBytes(n));
const allocatePeer = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'lib/io/stun-peer.ts', 'allocate', '--rto', '200', ...args], 30_000);

/** Waits until the listener has `n` datagrams (they travel after the peer printed its line). */
async function received(l: Listener, n: number, ms = 2000): Promise<Listener['received']> {
  for (const t0 = Date.now(); l.received.length < n && Date.now() - t0 < ms; ) await new Promise((r) => setTimeout(r, 20));
  return l.received;
}

if (missing) {
  describe('TURN ↔ coturn (unavailable)', () => {
    if (CI)
      it(`coturn is installed — ${missing}`, () => {
        throw new Error(missing);
      });
    else it.skip(`skipped: ${missing}`, () => undefined);
  });
} else {
  const dir = tempDir('turn-coturn');
  let coturn: Running;
  const probe = async (port: number): Promise<boolean> =>
    (await udpExchange(port, encodeSigned(bindingRequest(newTransactionId(rnd))), 200)).reply !== null;

  beforeAll(async () => {
    coturn = await startCoturn(dir, probe, USER);
  }, 30_000);
  afterAll(async () => {
    await coturn?.stop();
    removeDir(dir);
  });

  describe('lib/turn driven in the test ↔ coturn whose nonces expire after 1 s', () => {
    let stale: Running;
    const dir2 = tempDir('turn-stale');
    beforeAll(async () => {
      stale = await startCoturn(dir2, probe, { ...USER, staleNonce: 1 });
    }, 30_000);
    afterAll(async () => {
      await stale?.stop();
      removeDir(dir2);
    });

    it('a request after the nonce expired meets 438 Stale Nonce and goes again with the new nonce', async () => {
      const sock = dgram.createSocket('udp4');
      await new Promise<void>((res) => sock.bind(0, '127.0.0.1', res));
      const inbox: Uint8Array[] = [];
      let wake: (() => void) | null = null;
      sock.on('message', (m) => {
        inbox.push(new Uint8Array(m));
        wake?.();
      });
      const next = async (): Promise<Uint8Array> => {
        for (const t0 = Date.now(); !inbox.length; ) {
          if (Date.now() - t0 > 5000) throw new Error('coturn did not answer');
          await new Promise<void>((res) => ((wake = res), setTimeout(res, 100)));
        }
        return inbox.shift()!;
      };
      /** Sends what the client sends and feeds it coturn's answers until an outcome other than a retry. */
      const drive = async (step: TurnStep, seen: TurnOutput[] = []): Promise<[TurnClient, TurnOutput[]]> => {
        let s = step;
        for (;;) {
          for (const o of s.outputs) if (o.type === 'send') sock.send(o.bytes, stale.port, '127.0.0.1');
          seen.push(...s.outputs.filter((o) => o.type !== 'send' && o.type !== 'timer'));
          if (s.outputs.some((o) => o.type !== 'send' && o.type !== 'timer' && o.type !== 'challenged')) return [s.state, seen];
          s = onDatagram(s.state, await next(), Date.now(), rnd);
        }
      };
      try {
        const [c1, first] = await drive(allocate(newTurnClient({ username: 'lab', password: 'labpass' }), Date.now(), rnd));
        expect(first.map((o) => o.type)).toEqual(['challenged', 'allocated']);
        await new Promise((res) => setTimeout(res, 2500));
        const [c2, second] = await drive(createPermission(c1, [{ family: 4, address: '127.0.0.1', port: 9 }], Date.now(), rnd));
        expect(second).toEqual([expect.objectContaining({ type: 'challenged', stale: true, realm: 'lab.example' }), expect.objectContaining({ type: 'permitted' })]);
        expect(c2.credentials!.nonce).not.toBe(c1.credentials!.nonce);
        const [, third] = await drive(refresh(c2, 0, Date.now(), rnd));
        expect(third.at(-1)).toEqual({ type: 'deleted' });
      } finally {
        sock.close();
      }
    });
  });

  describe('our TURN client ↔ coturn (long-term credentials, loopback relay)', () => {
    it('allocates, prints the relayed address, and the peer receives TEXT from it (permission + Send indication)', async () => {
      const peer = await udpListener();
      try {
        const r = await allocatePeer(['--server', `127.0.0.1:${coturn.port}`, '--user', 'lab:labpass', '--send-to', `127.0.0.1:${peer.port}`, '--data', 'hello through the relay']);
        expect(r.status, r.stderr).toBe(0);
        const relayed = /^relayed (127\.0\.0\.1:\d+)\n$/.exec(r.stdout)?.[1];
        expect(relayed, r.stdout).toBeDefined();
        expect(r.stderr).toMatch(/401: realm "lab\.example", nonce "[^"]+"; sending again with credentials/);
        expect(r.stderr).toMatch(/permission for 127\.0\.0\.1\n.*\(Send indication\)\n.*allocation deleted/s);
        expect(await received(peer, 1)).toEqual([{ text: 'hello through the relay', from: relayed }]);
      } finally {
        await peer.close();
      }
    });

    it('--channel --await-reply: ChannelData out through channel 0x4000, the echo comes back through the relay', async () => {
      const peer = await udpListener(true);
      try {
        const r = await allocatePeer(['--server', `127.0.0.1:${coturn.port}`, '--user', 'lab:labpass', '--send-to', `127.0.0.1:${peer.port}`, '--data', 'ping', '--channel', '--await-reply', '5000']);
        expect(r.status, r.stderr).toBe(0);
        const relayed = /^relayed (127\.0\.0\.1:\d+)\n/.exec(r.stdout)?.[1];
        expect(r.stdout).toBe(`relayed ${relayed}\nfrom 127.0.0.1:${peer.port}: pong:ping\n`);
        expect(r.stderr).toMatch(/channel 0x4000 bound to 127\.0\.0\.1:\d+/);
        expect(r.stderr).toMatch(/\(ChannelData\)\n.*allocation deleted/s);
        expect(peer.received).toEqual([{ text: 'ping', from: relayed }]);
      } finally {
        await peer.close();
      }
    });

    it('--await-reply without a channel: the echo comes back as a Data indication', async () => {
      const peer = await udpListener(true);
      try {
        const r = await allocatePeer(['--server', `127.0.0.1:${coturn.port}`, '--user', 'lab:labpass', '--send-to', `127.0.0.1:${peer.port}`, '--data', 'ind', '--await-reply', '5000']);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`\\nfrom 127\\.0\\.0\\.1:${peer.port}: pong:ind\\n$`));
        expect(r.stderr).toMatch(/\(Data indication\)/);
      } finally {
        await peer.close();
      }
    });

    it('a wrong password or an unknown user exits 1 with "401 …: wrong user or password"; nothing reaches the peer', async () => {
      const peer = await udpListener();
      try {
        for (const user of ['lab:wrongpass', 'nobody:labpass']) {
          const r = await allocatePeer(['--server', `127.0.0.1:${coturn.port}`, '--user', user, '--send-to', `127.0.0.1:${peer.port}`, '--data', 'x']);
          expect(r.status, user).toBe(1);
          expect(r.stdout).toBe('');
          expect(r.stderr).toMatch(/error 401 \w+: wrong user or password \(allocate\)/);
        }
        await new Promise((res) => setTimeout(res, 200));
        expect(peer.received).toEqual([]);
      } finally {
        await peer.close();
      }
    });
  });
}

describe('peer:stun allocate CLI conventions', () => {
  it('usage errors exit 2: no --user password, a non-loopback server or target, no --data', async () => {
    const base = ['--server', '127.0.0.1:3478', '--user', 'u:p', '--send-to', '127.0.0.1:9', '--data', 'x'];
    const cases = [
      base.map((a) => (a === 'u:p' ? 'u' : a)),
      base.map((a) => (a === '127.0.0.1:3478' ? '192.0.2.1:3478' : a)),
      base.map((a) => (a === '127.0.0.1:9' ? '10.0.0.1:9' : a)),
      base.slice(0, 6),
    ];
    for (const args of cases) {
      const r = await allocatePeer(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^stun-peer: allocate: .*\nusage:/);
    }
  });
});
