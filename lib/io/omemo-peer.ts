/**
 * lib/omemo as a stdio peer (`npm run peer:omemo`), speaking the JSON-lines protocol of the interop
 * folder's omemo_peer.py (interop/omemo/README.md §3), so that a driver can put either in any seat:
 * one JSON object per input line, zero or more event lines, then exactly one {"ev":"done"}; at
 * start-up publish_bundle, publish_devicelist, ready, done. No XMPP connection: PEP is the driver's
 * job (add_devicelist / add_bundle in, publish_* out), as with the python peer.
 *
 *   npm run peer:omemo -- --jid bob@example.org [--label L] [--trust btbv|manual] [--state FILE]
 *       [--seed N] [--device-id N] [--identity-seed HEX64]
 *
 * OMEMO 2 only (`--ns twomemo`, the default, is accepted; oldmemo is not built). Errors carry the
 * name of python-omemo's exception for the same case (DecryptionFailed, MessageNotForUs, …).
 * Ops: info, identity, bundle, devicelist, add_devicelist, add_bundle, encrypt, decrypt, devices,
 * trust (also {"fingerprint"} to verify by comparing), session (without secrets), rotate_spk,
 * ping, quit.
 * @module
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fromBase64, toBase64 } from '../bytes/base64';
import { fromHex, toHex, utf8, utf8Decode } from '../bytes/hex';
import {
  addBundle,
  createDevice,
  decryptMessage,
  encryptMessage,
  isOmemoError,
  knownIdentityKey,
  ownBundle,
  ownDeviceList,
  rotateSignedPreKey,
  updateDeviceList,
  type OmemoDevice,
  type OmemoErrorKind,
} from '../omemo/device';
import { edToX25519, fingerprint } from '../omemo/keys';
import { buildEnvelope, parseEnvelope } from '../omemo/sce';
import { setTrust, trustOf, verifyByFingerprint, type TrustLevel } from '../omemo/trust';
import type { Bundle } from '../omemo/x3dh';
import { bundleToXml, deviceListToXml, encryptedToXml, OMEMO2_NS, parseBundle, parseDeviceList, parseEncrypted, type DeviceListEntry, type OmemoEncrypted } from '../omemo/xml';
import { children, type XmlElement } from '../xml/element';
import { parseElement } from '../xml/fragment';
import { serialize } from '../xml/serialize';
import { randomBytes as seededBytes, seedRng } from '../sim/rng';
import { parseOptions, randomBytes as osRandom } from './cli';

const usage = (msg: string): never => {
  process.stderr.write(`omemo-peer: ${msg}\nusage: omemo-peer --jid JID [--label L] [--ns twomemo] [--trust btbv|manual] [--state FILE] [--seed N] [--device-id N] [--identity-seed HEX64]\n`);
  process.exit(2);
};
const opts = parseOptions(process.argv.slice(2), ['jid', 'label', 'ns', 'trust', 'state', 'seed', 'device-id', 'identity-seed'], usage, ['debug']);
if (!opts.jid) usage('--jid is required');
if (opts.ns && opts.ns !== 'twomemo') usage('only --ns twomemo (urn:xmpp:omemo:2) is built');
const policy = (opts.trust ?? 'btbv') as 'btbv' | 'manual';
if (policy !== 'btbv' && policy !== 'manual') usage('--trust is btbv or manual');

// --seed: every random byte from the simulator's seeded stream (reproducible transcripts)
const rng = opts.seed !== undefined ? seedRng(`omemo-peer:${opts.seed}`) : null;
const random = (n: number): Uint8Array => (rng ? seededBytes(rng, n) : osRandom(n));

// ── state file: the device as JSON, bytes as {"$b64": …} ───────────────────────────────────────────
const replacer = (_k: string, v: unknown) => (v instanceof Uint8Array ? { $b64: toBase64(v) } : v);
const reviver = (_k: string, v: unknown) =>
  v && typeof v === 'object' && '$b64' in v && typeof (v as { $b64: unknown }).$b64 === 'string' ? fromBase64((v as { $b64: string }).$b64) : v;

function save(dev: OmemoDevice): void {
  if (!opts.state) return;
  writeFileSync(opts.state + '.tmp', JSON.stringify({ format: 'messenger-lab/omemo-device/v1', device: dev }, replacer));
  renameSync(opts.state + '.tmp', opts.state);
}

const firstRun = !opts.state || !existsSync(opts.state);
const dev: OmemoDevice = firstRun
  ? createDevice(
      {
        jid: opts.jid!,
        label: opts.label ?? null,
        deviceId: opts['device-id'] ? Number(opts['device-id']) : undefined,
        identitySeed: opts['identity-seed'] ? fromHex(opts['identity-seed']) : undefined,
        policy,
      },
      random,
    )
  : (JSON.parse(readFileSync(opts.state!, 'utf8'), reviver) as { device: OmemoDevice }).device;
dev.policy = policy;

// ── output ───────────────────────────────────────────────────────────────────────────────────
const emit = (ev: string, o: Record<string, unknown> = {}): void => void process.stdout.write(JSON.stringify({ ev, ...o }) + '\n');
const xmlText = (el: XmlElement): string => serialize(el);

/** python-omemo's exception class for each of our error kinds, so drivers can compare. */
const PYTHON_ERROR: Record<OmemoErrorKind, string> = {
  'no-eligible-devices': 'NoEligibleDevices',
  'still-undecided': 'StillUndecided',
  'message-not-for-us': 'MessageNotForUs',
  'sender-not-found': 'SenderNotFound',
  'sender-distrusted': 'SenderDistrusted',
  'public-data-inconsistency': 'PublicDataInconsistency',
  'no-session': 'NoSession',
  'key-exchange-failed': 'KeyExchangeFailed',
  'decryption-failed': 'DecryptionFailed',
  malformed: 'DecryptionFailed',
};
class PeerError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** python's trust names ↔ ours. */
const TRUST_IN: Record<string, TrustLevel> = {
  undecided: 'undecided',
  trusted: 'verified',
  verified: 'verified',
  blindly_trusted: 'blindly-trusted',
  distrusted: 'distrusted',
};
const trustName = (t: TrustLevel): string => (t === 'blindly-trusted' ? 'blindly_trusted' : t);

function wrapStanza(encryptedXml: string, to: string): string {
  return (
    `<message xmlns="jabber:client" type="chat" from="${dev.jid}" to="${to}">${encryptedXml}` +
    `<store xmlns="urn:xmpp:hints"/><encryption xmlns="urn:xmpp:eme:0" namespace="${OMEMO2_NS}"/></message>`
  );
}

function publishBundle(): void {
  const b = ownBundle(dev);
  emit('publish_bundle', { ns: OMEMO2_NS, jid: dev.jid, device: dev.deviceId, xml: xmlText(bundleToXml(b)), num_prekeys: b.preKeys.length });
}

function deviceJson(jid: string, id: number, label: string | null): Record<string, unknown> {
  const ik = jid === dev.jid && id === dev.deviceId ? dev.identity.edPub : knownIdentityKey(dev, jid, id);
  return {
    jid,
    device: id,
    namespaces: [OMEMO2_NS],
    active: { [OMEMO2_NS]: true },
    label,
    trust: ik ? trustName(trustOf(dev.trust, jid, ik)) : null,
    ik_ed25519: ik ? toBase64(ik) : null,
    fingerprint: ik ? fingerprint(ik) : null,
  };
}

function bundleFromJson(j: { ik: string; spk: string; spk_id: number; spks: string; prekeys: { id: number; pk: string }[] }): Bundle {
  return { ik: fromBase64(j.ik), spk: fromBase64(j.spk), spkId: j.spk_id, spks: fromBase64(j.spks), preKeys: j.prekeys.map((p) => ({ id: p.id, pk: fromBase64(p.pk) })) };
}

function bundleJson(b: Bundle): Record<string, unknown> {
  return { ns: OMEMO2_NS, jid: dev.jid, device: dev.deviceId, ik: toBase64(b.ik), spk: toBase64(b.spk), spk_id: b.spkId, spks: toBase64(b.spks), prekeys: b.preKeys.map((p) => ({ id: p.id, pk: toBase64(p.pk) })) };
}

/** The first element named `name` in the OMEMO 2 namespace, at the root or anywhere below. */
function findOmemo(xml: string, name: string): XmlElement {
  const root = parseElement(xml);
  if (!root) throw new PeerError('ValueError', 'not one well-formed XML element');
  const walk = (el: XmlElement): XmlElement | null => {
    if (el.name === name && el.attrs.xmlns === OMEMO2_NS) return el;
    for (const c of children(el)) {
      const hit = walk(c);
      if (hit) return hit;
    }
    return null;
  };
  const hit = walk(root);
  if (!hit) throw new PeerError('ValueError', `no <${name} xmlns='${OMEMO2_NS}'/> found`);
  return hit;
}

function ok<T>(r: T | { error: string }): T {
  if (r && typeof r === 'object' && 'error' in r) throw new PeerError('ValueError', (r as { error: string }).error);
  return r as T;
}

type Req = Record<string, unknown>;

const ops: Record<string, (r: Req) => void> = {
  ping: () => emit('pong'),
  info: () =>
    emit('info', {
      jid: dev.jid,
      device: dev.deviceId,
      namespaces: [OMEMO2_NS],
      own: deviceJson(dev.jid, dev.deviceId, dev.label),
      versions: { 'messenger-lab': 'lib/omemo (OMEMO 2, XEP-0384 0.8)' },
    }),
  identity: () =>
    emit('identity', {
      jid: dev.jid,
      device: dev.deviceId,
      ik_ed25519: toBase64(dev.identity.edPub),
      ik_curve25519: toBase64(edToX25519(dev.identity.edPub)),
      fingerprint: fingerprint(dev.identity.edPub),
    }),
  bundle: () => {
    const b = ownBundle(dev);
    emit('bundle', { ns: OMEMO2_NS, jid: dev.jid, device: dev.deviceId, xml: xmlText(bundleToXml(b)), json: bundleJson(b) });
  },
  devicelist: (r) => {
    const jid = (r.jid as string) ?? dev.jid;
    const list = dev.directory[jid]?.devices ?? [];
    emit('devicelist', { ns: OMEMO2_NS, jid, devices: Object.fromEntries(list.map((d) => [String(d.id), d.label])), xml: list.length ? xmlText(deviceListToXml(list)) : null });
  },
  add_devicelist: (r) => {
    const jid = r.jid as string;
    let list: DeviceListEntry[];
    if (typeof r.xml === 'string') list = ok(parseDeviceList(findOmemo(r.xml, 'devices')));
    else if (Array.isArray(r.devices)) list = (r.devices as unknown[]).map((id) => ({ id: Number(id), label: null }));
    else list = Object.entries(r.devices as Record<string, string | null>).map(([id, label]) => ({ id: Number(id), label }));
    updateDeviceList(dev, jid, list);
    emit('ok', { op: 'add_devicelist', ns: OMEMO2_NS, jid, devices: list.map((d) => d.id).sort((a, b) => a - b) });
  },
  add_bundle: (r) => {
    const jid = r.jid as string;
    const id = Number(r.device);
    const bundle = typeof r.bundle === 'string' ? ok(parseBundle(findOmemo(r.bundle, 'bundle'))) : bundleFromJson(r.bundle as never);
    addBundle(dev, jid, id, bundle, (r.label as string | undefined) ?? null);
    emit('ok', { op: 'add_bundle', ns: OMEMO2_NS, jid, device: id, devicelist: (dev.directory[jid]?.devices ?? []).map((d) => d.id).sort((a, b) => a - b) });
  },
  encrypt: (r) => {
    const to = typeof r.to === 'string' ? [r.to] : (r.to as string[]);
    let plaintext: Uint8Array;
    if (typeof r.raw_b64 === 'string') plaintext = fromBase64(r.raw_b64);
    else if (r.sce === false) plaintext = utf8(r.text as string);
    else {
      const stamp = r.stamp === undefined || r.stamp === 'now' ? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') : (r.stamp as string | null);
      plaintext = buildEnvelope({ body: r.text as string, from: dev.jid, to: r.to_affix ? to[0] : null, time: stamp }, random, r.rpad_len as number | undefined);
    }
    const res = encryptMessage(dev, to, plaintext, random);
    if (isOmemoError(res)) throw new PeerError(PYTHON_ERROR[res.kind], res.error);
    const undecided = res.decisions;
    if (undecided.length) emit('trust_decision', { undecided: undecided.map((d) => deviceJson(d.jid, d.deviceId, null)), policy });
    const xml = xmlText(encryptedToXml(res.message));
    emit('encrypted', {
      ns: OMEMO2_NS,
      sid: dev.deviceId,
      to,
      xml,
      keys: res.message.keys.map((k) => ({ jid: k.jid, rid: k.rid, kex: k.kex })).sort((a, b) => (a.jid < b.jid ? -1 : a.jid > b.jid ? 1 : a.rid - b.rid)),
      plaintext: utf8Decode(plaintext),
      stanza: wrapStanza(xml, to[0]!),
    });
    for (const s of res.skipped) emit('encrypt_error', { ns: OMEMO2_NS, jid: s.jid, device: s.deviceId, error: s.why });
  },
  decrypt: (r) => {
    const from = (r.from as string).split('/')[0]!;
    const m: OmemoEncrypted = ok(parseEncrypted(findOmemo(r.xml as string, 'encrypted')));
    const res = decryptMessage(dev, from, m, random);
    if (isOmemoError(res)) throw new PeerError(PYTHON_ERROR[res.kind], res.error);
    const label = dev.directory[from]?.devices.find((d) => d.id === m.sid)?.label ?? null;
    const out: Record<string, unknown> = { ns: OMEMO2_NS, from, sid: m.sid, empty: res.plaintext === null, sender: deviceJson(from, m.sid, label) };
    if (res.plaintext) {
      out.plaintext = utf8Decode(res.plaintext);
      const sce = parseEnvelope(out.plaintext as string);
      if (sce) {
        out.sce = { body: sce.body, from: sce.from, to: sce.to, time: sce.time, rpad_len: sce.rpadLen };
        out.text = sce.body;
      } else out.text = out.plaintext;
    }
    if (res.publishBundle) publishBundle();
    if (res.reply) {
      const xml = xmlText(encryptedToXml(res.reply));
      emit('send', { ns: OMEMO2_NS, to: from, empty: true, xml, stanza: wrapStanza(xml, from) });
    }
    emit('decrypted', out);
  },
  devices: (r) => {
    const jids = r.jid ? [r.jid as string] : Object.keys(dev.directory).sort();
    for (const jid of jids) for (const d of [...(dev.directory[jid]?.devices ?? [])].sort((a, b) => a.id - b.id)) emit('device', deviceJson(jid, d.id, d.label));
  },
  trust: (r) => {
    const jid = r.jid as string;
    const ik = typeof r.ik === 'string' ? fromBase64(r.ik) : knownIdentityKey(dev, jid, Number(r.device));
    if (!ik) throw new PeerError('UnknownDevice', `no identity key known for ${jid}/${String(r.device)}`);
    if (typeof r.fingerprint === 'string') {
      const level = verifyByFingerprint(dev.trust, jid, ik, r.fingerprint);
      return emit('ok', { op: 'trust', jid, level: trustName(level) });
    }
    const level = TRUST_IN[r.level as string];
    if (!level) throw new PeerError('UnknownTrustLevel', String(r.level));
    setTrust(dev.trust, jid, ik, level);
    emit('ok', { op: 'trust', jid, level: r.level });
  },
  session: (r) => {
    const s = dev.sessions[`${r.jid as string}/${Number(r.device)}`];
    if (!s) return emit('session', { exists: false });
    emit('session', {
      exists: true,
      ns: OMEMO2_NS,
      initiation: s.initiation.toUpperCase(),
      confirmed: s.confirmed,
      sending_chain_length: s.ratchet.sendN,
      receiving_chain_length: s.ratchet.recvChainKey ? s.ratchet.recvN : null,
      skipped_keys: s.ratchet.skipped.length,
      associated_data: toBase64(s.ad),
      key_exchange: { ik: toBase64(s.kex.ik), ek: toBase64(s.kex.ek), spk_id: s.kex.spkId, pk_id: s.kex.pkId },
    });
  },
  rotate_spk: () => {
    rotateSignedPreKey(dev, random);
    publishBundle();
    emit('ok', { op: 'rotate_spk' });
  },
};

// ── start-up and the loop ─────────────────────────────────────────────────────────────────────
publishBundle();
emit('publish_devicelist', {
  ns: OMEMO2_NS,
  jid: dev.jid,
  devices: Object.fromEntries(ownDeviceList(dev).map((d) => [String(d.id), d.label])),
  xml: xmlText(deviceListToXml(ownDeviceList(dev))),
});
emit('ready', { jid: dev.jid, device: dev.deviceId, first_run: firstRun, namespaces: [OMEMO2_NS], pid: process.pid });
emit('done');
save(dev);

const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  if (!line.trim()) return;
  let req: Req = {};
  try {
    req = JSON.parse(line) as Req;
    const op = req.op as string;
    if (op === 'quit') {
      emit('bye');
      emit('done');
      rl.close();
      return;
    }
    const fn = ops[op];
    if (!fn) throw new PeerError('ValueError', `unknown op ${JSON.stringify(op)}; known: ${Object.keys(ops).sort().join(', ')}`);
    fn(req);
    save(dev);
  } catch (e) {
    const err = e as Error;
    emit('error', { op: (req.op as string | undefined) ?? null, type: e instanceof PeerError ? e.type : err.name, message: err.message });
  }
  emit('done');
});
rl.on('close', () => process.exit(0));
