/** The loader's messages in English, one per issue code (issues.ts). @module */
import type { JidField, JidReason } from '../../xmpp/jid';
import type { Format, JidProblem } from './formats';
import type { Messages } from './issues';

const FORMAT: Record<Format, string> = {
  id: 'id (lowercase letters, digits, . _ : ~ -)',
  ipv4: 'IPv4 address',
  domain: 'domain',
  host: 'host name',
  'srv-name': 'SRV name (_xmpp-server._tcp.<domain>)',
  localpart: 'username',
  resource: 'resource',
  'bare-jid': 'bare JID (localpart@domain)',
  jid: 'JID',
  'person-jid': 'JID',
};

const PART: Record<JidField, string> = { localpart: 'the localpart', domainpart: 'the domainpart', resourcepart: 'the resourcepart' };

const REASON: Record<JidReason, string> = {
  empty: 'is empty',
  'too-long': 'is longer than 1023 bytes',
  'forbidden-character': 'contains a character RFC 7622 forbids there',
  'disallowed-character': 'contains a character that is not allowed',
  'empty-label': 'has an empty label (two dots in a row?)',
  'label-too-long': 'has a label longer than 63 bytes',
  'bad-hyphen': 'has a label that starts or ends with a hyphen',
  'bad-ip-literal': 'is not a valid IPv6 address in brackets',
  unstable: 'does not settle under normalisation',
};

const why = (p?: JidProblem) => (p ? `: ${PART[p.part]} ${REASON[p.reason]}` : '');

export const messagesEn: Messages = {
  json: (p) => `not valid JSON: ${p.detail}`,
  version: (p) => `unknown format version ${p.value} (this lab reads versions 1 and 2)`,
  'type.object': () => 'must be an object',
  'type.list': () => 'must be a list',
  'type.text': () => 'must be text',
  'type.number': () => 'must be a number',
  'type.integer': () => 'must be a whole number',
  'type.boolean': () => 'must be true or false',
  'type.value': () => 'must be text, a number, true or false',
  required: () => 'is missing',
  'field.unknown': (p) => `is not a field here (known: ${p.known.join(', ')})`,
  range: (p) => `must be between ${p.min} and ${p.max}`,
  'length.max': (p) => `is longer than ${p.max} characters`,
  'length.min': (p) => `must be at least ${p.min} characters long`,
  'length.range': (p) => `must be ${p.min} to ${p.max} characters`,
  'items.min': (p) => (p.min === 1 ? 'needs at least one entry' : `needs at least ${p.min} entries`),
  'items.exact': (p) => `needs exactly ${p.count} entries`,
  enum: (p) => `must be one of ${p.values.join(', ')}`,
  literal: (p) => `must be ${p.value}`,
  variant: (p) => `unknown ${p.what.en.toLowerCase()} “${p.value}” (known: ${p.known.join(', ')})`,
  format: (p) => `“${p.value}” is not a valid ${FORMAT[p.format]}${why(p.problem)}`,
  'jid.canonical': (p) => `write “${p.canonical}”, not “${p.value}” (the engine compares JIDs in their normalised form)`,
  'jid.not-person': (p) => `“${p.value}” is not a person’s JID (localpart@domain)`,
  'id.twice': (p) => `id “${p.id}” is used twice`,
  'id.taken': (p) => `observer name “${p.id}” is already taken`,
  'ref.node': (p) => `no node with id “${p.id}”`,
  'ref.client': (p) => `no client with id “${p.id}”`,
  'ref.server': (p) => `no server with id “${p.id}”`,
  'ref.link': (p) => `no link with id “${p.id}”`,
  'link.same-ends': () => 'a link needs two different ends',
  'client.no-link': (p) => `client “${p.client}” has no link to its server “${p.server}”`,
  'client.domain': (p) => `must be on the domain of server “${p.server}” (${p.domain})`,
  'mitm.not-account': (p) => `“${p.jid}” is not an account on this server`,
  'mitm.same': () => 'must differ from the first account',
  'mitm.twice': (p) => `server “${p.server}” already has a man in the middle`,
  'forger.length': (p) => `must be as long as find (${p.bytes} bytes in UTF-8)`,
  'forger.known': () => 'must contain find',
  'chapter.no-step': (p) => (p.count === 0 ? `names script step ${p.index}, but the script is empty: the chapter would match nothing` : `names script step ${p.index}, but the script has steps 0 to ${p.count - 1}: the chapter would match nothing`),
  'chapter.late': (p) => `starts at ${p.at} ms, after the script’s last step (${p.last} ms): nothing may happen after it, so the chapter could match no event`,
  'chapter.order': (p) => `starts no later than chapter “${p.previous}” before it; chapters go in the order of the run`,
};
