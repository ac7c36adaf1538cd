/**
 * OMEMO 2's XML (XEP-0384 §"Device list", §"Bundle", §"Message structure"), as python-twomemo
 * 1.0.3's `twomemo.etree` writes and reads it:
 *
 *   <devices xmlns='urn:xmpp:omemo:2'><device id='…' [label='…']/>…</devices>     (PEP item "current")
 *   <bundle xmlns='urn:xmpp:omemo:2'><spk id='…'>b64</spk><spks>b64</spks><ik>b64</ik>
 *     <prekeys><pk id='…'>b64</pk>…</prekeys></bundle>                             (item id = device id)
 *   <encrypted xmlns='urn:xmpp:omemo:2'><header sid='…'><keys jid='…'><key rid='…' [kex='true']>b64</key>
 *     …</keys>…</header>[<payload>b64</payload>]</encrypted>
 *
 * Pitfalls kept: twomemo reads `kex` as `bool(attr)`, so kex='false' would mean *true* to it: we
 * omit the attribute for a normal key and read 'true' and '1' as true. twomemo 1.0.3's schema
 * rejects `labelsig` (XEP 0.9) and an empty device list, so we never write either. Keys are written
 * sorted by JID, then device id (python's own order is a set's, so it varies between runs).
 * Parsing a peer's element never throws: it returns an error value.
 * @module
 */
import { fromBase64, toBase64 } from '../bytes/base64';
import { children, child, text, x, type XmlElement } from '../xml/element';
import type { Bundle } from './x3dh';

export const OMEMO2_NS = 'urn:xmpp:omemo:2';

export interface DeviceListEntry {
  id: number;
  label: string | null;
}

/** One `<key>`: the recipient device and the bytes (OMEMOKeyExchange when kex, else OMEMOAuthenticatedMessage). */
export interface OmemoKeyElement {
  jid: string;
  rid: number;
  kex: boolean;
  data: Uint8Array;
}

/** An `<encrypted>` element as data. */
export interface OmemoEncrypted {
  sid: number;
  keys: OmemoKeyElement[];
  /** null for an empty OMEMO message (no `<payload>`) */
  payload: Uint8Array | null;
}

type Parsed<T> = T | { error: string };

/** Device ids are 1 … 2^31 − 1 (XEP-0384 §"Device list": "a randomly generated integer between 1 and 2^31 - 1"). */
function deviceId(s: string | undefined): number | null {
  if (s === undefined || !/^[0-9]{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 2 ** 31 - 1 ? n : null;
}

function b64(s: string, len?: number): Uint8Array | null {
  try {
    const b = fromBase64(s.replace(/\s+/g, ''));
    return len === undefined || b.length === len ? b : null;
  } catch {
    return null;
  }
}

const inNs = (el: XmlElement, name: string): boolean => el.name === name && el.attrs.xmlns === OMEMO2_NS;

export function deviceListToXml(devices: DeviceListEntry[]): XmlElement {
  return x('devices', { xmlns: OMEMO2_NS }, devices.map((d) => x('device', { id: d.id, label: d.label ?? undefined })));
}

export function parseDeviceList(el: XmlElement): Parsed<DeviceListEntry[]> {
  if (!inNs(el, 'devices')) return { error: 'not a <devices/> element of urn:xmpp:omemo:2' };
  const out: DeviceListEntry[] = [];
  for (const d of children(el, 'device')) {
    const id = deviceId(d.attrs.id);
    if (id === null) return { error: `bad device id ${d.attrs.id}` };
    out.push({ id, label: d.attrs.label ?? null }); // a labelsig (XEP 0.9) is accepted and not checked
  }
  return out;
}

export function bundleToXml(b: Bundle): XmlElement {
  return x(
    'bundle',
    { xmlns: OMEMO2_NS },
    x('spk', { id: b.spkId }, toBase64(b.spk)),
    x('spks', null, toBase64(b.spks)),
    x('ik', null, toBase64(b.ik)),
    x('prekeys', null, b.preKeys.map((p) => x('pk', { id: p.id }, toBase64(p.pk)))),
  );
}

export function parseBundle(el: XmlElement): Parsed<Bundle> {
  if (!inNs(el, 'bundle')) return { error: 'not a <bundle/> element of urn:xmpp:omemo:2' };
  const spkEl = child(el, 'spk');
  const spkId = deviceId(spkEl?.attrs.id);
  const spk = spkEl && b64(text(spkEl), 32);
  const spks = b64(text(child(el, 'spks')), 64);
  const ik = b64(text(child(el, 'ik')), 32);
  if (spkId === null || !spk || !spks || !ik) return { error: 'bundle: spk, spks or ik missing or of the wrong length' };
  const preKeys: Bundle['preKeys'] = [];
  for (const pk of children(child(el, 'prekeys') ?? x('prekeys'), 'pk')) {
    const id = deviceId(pk.attrs.id);
    const key = b64(text(pk), 32);
    if (id === null || !key) return { error: 'bundle: a pre key is malformed' };
    preKeys.push({ id, pk: key });
  }
  return { ik, spkId, spk, spks, preKeys };
}

const byJidThenRid = (a: OmemoKeyElement, b: OmemoKeyElement): number => (a.jid < b.jid ? -1 : a.jid > b.jid ? 1 : a.rid - b.rid);

export function encryptedToXml(m: OmemoEncrypted): XmlElement {
  const keys = m.keys.slice().sort(byJidThenRid);
  const jids = [...new Set(keys.map((k) => k.jid))];
  return x(
    'encrypted',
    { xmlns: OMEMO2_NS },
    x(
      'header',
      { sid: m.sid },
      jids.map((jid) =>
        x(
          'keys',
          { jid },
          keys.filter((k) => k.jid === jid).map((k) => x('key', { rid: k.rid, kex: k.kex ? 'true' : undefined }, toBase64(k.data))),
        ),
      ),
    ),
    m.payload && x('payload', null, toBase64(m.payload)),
  );
}

export function parseEncrypted(el: XmlElement): Parsed<OmemoEncrypted> {
  if (!inNs(el, 'encrypted')) return { error: 'not an <encrypted/> element of urn:xmpp:omemo:2' };
  const header = child(el, 'header');
  const sid = deviceId(header?.attrs.sid);
  if (!header || sid === null) return { error: '<header/> or its sid is missing' };
  const keys: OmemoKeyElement[] = [];
  for (const ks of children(header, 'keys')) {
    const jid = ks.attrs.jid;
    if (!jid) return { error: '<keys/> without a jid' };
    for (const k of children(ks, 'key')) {
      const rid = deviceId(k.attrs.rid);
      const data = b64(text(k));
      if (rid === null || !data) return { error: 'a <key/> is malformed' };
      keys.push({ jid, rid, kex: k.attrs.kex === 'true' || k.attrs.kex === '1', data });
    }
  }
  const p = child(el, 'payload');
  const payload = p ? b64(text(p)) : null;
  if (p && !payload) return { error: '<payload/> is not base64' };
  return { sid, keys, payload };
}
