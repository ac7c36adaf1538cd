/**
 * The text formats of scenario fields. Every JID, domain, localpart and resource is checked with the
 * project's own RFC 7622 parser (lib/xmpp/jid.ts), the one the engine uses, and must be written in
 * its normalised form, because the engine compares them as strings (`alice@a.example`, not
 * `Alice@A.example`). Node ids and IPv4 addresses are not JIDs and keep small patterns.
 * @module
 */
import { JidError, jidToString, prepareDomainpart, prepareLocalpart, prepareResourcepart, tryParseJid, type JidField, type JidReason } from '../../xmpp/jid';
import type { Issue } from './issues';

export type Format =
  /** A node, link or observer id: lowercase letters, digits and . _ : ~ - */
  | 'id'
  /** An IPv4 address in dotted-decimal form. */
  | 'ipv4'
  /** A server's domain (RFC 7622 §3.2 domainpart). */
  | 'domain'
  /** A DNS host name (an SRV target, an A record's name): a domainpart too. */
  | 'host'
  /** `_xmpp-server._tcp.<domain>` or `_xmpp-client._tcp.<domain>` (RFC 6120 §3.2.1). */
  | 'srv-name'
  /** An account's username (RFC 7622 §3.3 localpart). */
  | 'localpart'
  /** RFC 7622 §3.4 resourcepart. */
  | 'resource'
  /** localpart@domain: an account. */
  | 'bare-jid'
  /** Any JID: a domain, a bare or a full JID (what an action may address). */
  | 'jid'
  /** A person's JID: localpart@domain, optionally /resource (OTR talks to people, never to servers). */
  | 'person-jid';

/** Why the RFC 7622 parser refused a JID: the part and the parser's reason. */
export interface JidProblem {
  part: JidField;
  reason: JidReason;
}

const ID = /^[a-z0-9][a-z0-9._:~-]{0,62}$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const SRV = /^_xmpp-(server|client)\._tcp\.(.+)$/;

type FormatIssue = Omit<Extract<Issue, { code: 'format' | 'jid.canonical' | 'jid.not-person' }>, 'path'>;

const bad = (value: string, format: Format, problem?: JidProblem): FormatIssue => ({
  code: 'format',
  params: { value: value.length > 80 ? `${value.slice(0, 80)}…` : value, format, ...(problem ? { problem } : {}) },
});

/** Run one of lib/xmpp/jid's preparation steps; its JidError becomes a problem, its result the canonical form. */
function prepared(prepare: (s: string) => string, s: string): { ok: true; value: string } | { ok: false; problem: JidProblem } {
  try {
    return { ok: true, value: prepare(s) };
  } catch (e) {
    if (e instanceof JidError) return { ok: false, problem: { part: e.field, reason: e.reason } };
    throw e;
  }
}

function canonical(value: string, normal: string): FormatIssue | null {
  return normal === value ? null : { code: 'jid.canonical', params: { value, canonical: normal } };
}

/** null when `value` has the format; otherwise what is wrong. */
export function checkFormat(format: Format, value: string): FormatIssue | null {
  switch (format) {
    case 'id':
      return ID.test(value) ? null : bad(value, format);
    case 'ipv4':
      return IPV4.test(value) ? null : bad(value, format);
    case 'domain':
    case 'host': {
      const r = prepared(prepareDomainpart, value);
      return r.ok ? canonical(value, r.value) : bad(value, format, r.problem);
    }
    case 'srv-name': {
      const m = SRV.exec(value);
      if (!m) return bad(value, format);
      const r = prepared(prepareDomainpart, m[2]!);
      return r.ok ? canonical(value, `_xmpp-${m[1]}._tcp.${r.value}`) : bad(value, format, r.problem);
    }
    case 'localpart': {
      const r = prepared(prepareLocalpart, value);
      return r.ok ? canonical(value, r.value) : bad(value, format, r.problem);
    }
    case 'resource': {
      const r = prepared(prepareResourcepart, value);
      return r.ok ? canonical(value, r.value) : bad(value, format, r.problem);
    }
    case 'bare-jid':
    case 'jid':
    case 'person-jid': {
      const r = tryParseJid(value);
      if (!r.ok) return bad(value, format, { part: r.error.field, reason: r.error.reason });
      if (format === 'bare-jid' && (r.jid.local === undefined || r.jid.resource !== undefined)) return bad(value, format);
      if (format === 'person-jid' && r.jid.local === undefined) return { code: 'jid.not-person', params: { value } };
      return canonical(value, jidToString(r.jid));
    }
  }
}
