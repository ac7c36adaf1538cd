/**
 * The room configuration form (XEP-0045 §10.2, FORM_TYPE `muc#roomconfig` registered in §15.5.3) as an
 * XEP-0004 data form: the fields this service supports, built from a RoomConfig and read back from a
 * submitted form. A field the form does not carry keeps its value; one this service does not know is
 * ignored (XEP-0004 §3.3 lets a form-processing entity do so).
 * @module
 */
import { child, children, text, x, type XmlElement } from '../../xml/element';
import { NS_DATA } from '../namespaces';
import type { RoomConfig } from './room';

const FORM_TYPE = 'http://jabber.org/protocol/muc#roomconfig';

const bool = (v: boolean): string => (v ? '1' : '0');

function field(v: string, type: string, label: string, value: string): XmlElement {
  return x('field', { var: v, type, label }, x('value', null, value));
}

/** §10.2: the form an owner gets for an iq 'get' with an empty muc#owner query. */
export function configForm(c: RoomConfig): XmlElement {
  return x(
    'x',
    { xmlns: NS_DATA, type: 'form' },
    x('title', null, `Configuration for ${c.name}`),
    x('field', { var: 'FORM_TYPE', type: 'hidden' }, x('value', null, FORM_TYPE)),
    field('muc#roomconfig_roomname', 'text-single', 'Natural-Language Room Name', c.name),
    field('muc#roomconfig_membersonly', 'boolean', 'Make Room Members-Only', bool(c.membersOnly)),
    field('muc#roomconfig_moderatedroom', 'boolean', 'Make Room Moderated', bool(c.moderated)),
    x('field', { var: 'muc#roomconfig_whois', type: 'list-single', label: 'Who May Discover Real JIDs?' }, x('value', null, c.whois), x('option', { label: 'Moderators Only' }, x('value', null, 'moderators')), x('option', { label: 'Anyone' }, x('value', null, 'anyone'))),
    field('muc#roomconfig_passwordprotectedroom', 'boolean', 'Password Required to Enter?', bool(c.password !== '')),
    field('muc#roomconfig_roomsecret', 'text-private', 'Password', c.password),
    field('muc#roomconfig_changesubject', 'boolean', 'Allow Occupants to Change Subject?', bool(c.changeSubject)),
    x('field', { var: 'muc#roomconfig_allowpm', type: 'list-single', label: 'Allow Private Messages?' }, x('value', null, c.allowPm), x('option', { label: 'Anyone' }, x('value', null, 'anyone')), x('option', { label: 'Nobody' }, x('value', null, 'none'))),
    field('muc#maxhistoryfetch', 'text-single', 'Maximum Number of History Messages Returned by Room', String(c.historyLength)),
  );
}

/** XEP-0004 §3.3: a boolean is '1' or 'true' for true, '0' or 'false' for false. */
function boolOf(v: string, was: boolean): boolean {
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return was;
}

/** The form's values by field var (the first value of each). */
function valuesOf(form: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of children(form, 'field')) if (f.attrs.var) out[f.attrs.var] = text(child(f, 'value'));
  return out;
}

/** A submitted form applied to `c`; an empty submit (§10.1.2, the instant room) changes nothing. */
export function applyForm(c: RoomConfig, form: XmlElement): RoomConfig {
  const v = valuesOf(form);
  const next = { ...c };
  if (v['muc#roomconfig_roomname'] !== undefined) next.name = v['muc#roomconfig_roomname'];
  if (v['muc#roomconfig_membersonly'] !== undefined) next.membersOnly = boolOf(v['muc#roomconfig_membersonly'], c.membersOnly);
  if (v['muc#roomconfig_moderatedroom'] !== undefined) next.moderated = boolOf(v['muc#roomconfig_moderatedroom'], c.moderated);
  if (v['muc#roomconfig_whois'] === 'anyone' || v['muc#roomconfig_whois'] === 'moderators') next.whois = v['muc#roomconfig_whois'];
  if (v['muc#roomconfig_changesubject'] !== undefined) next.changeSubject = boolOf(v['muc#roomconfig_changesubject'], c.changeSubject);
  if (v['muc#roomconfig_allowpm'] === 'anyone' || v['muc#roomconfig_allowpm'] === 'none') next.allowPm = v['muc#roomconfig_allowpm'];
  const n = Number(v['muc#maxhistoryfetch']);
  if (v['muc#maxhistoryfetch'] !== undefined && Number.isInteger(n) && n >= 0) next.historyLength = n;
  const protectedRoom = v['muc#roomconfig_passwordprotectedroom'] === undefined ? c.password !== '' : boolOf(v['muc#roomconfig_passwordprotectedroom'], c.password !== '');
  const secret = v['muc#roomconfig_roomsecret'] ?? c.password;
  next.password = protectedRoom ? secret : '';
  return next;
}
