/**
 * The architecture presets of issue #11: one conversation — alice and bob on one provider, carol
 * offline for a minute and then back — run under a centralised and a federated design, each with and
 * without end-to-end encryption (OTR), so that what each party learns is computed from four traces
 * rather than claimed in a table (`lib/viz/arch-compare.ts` compares them).
 *
 * The four scenarios are built by one function from one list of lines, so "the same conversation" holds
 * by construction: only the servers, the links and the encryption differ. With OTR, alice cannot write to
 * carol while carol is offline (the AKE needs both online, `otr-offline` shows why): her Query waits on
 * the server instead, and the line to carol goes out after carol's client has answered it.
 * @module
 */
import type { ClientSpec, LinkSpec, Scenario, ScriptStep, ServerSpec } from '../../sim/types';
import { atAction, atTime, TITLE } from './chapters';

type Design = 'centralised' | 'federated';
interface ArchOptions {
  design: Design;
  e2e: boolean;
}

/** Who says what, when (ms); `afterCarol` lines wait for carol's login. Shared by all four presets. */
const LINES = [
  { at: 3000, from: 'alice', to: 'bob', body: 'Lunch at noon?' },
  { at: 4000, from: 'bob', to: 'alice', body: 'Yes, the usual place.' },
  { at: 5000, from: 'alice', to: 'carol', body: 'Carol, will you join us?' },
  { at: 64_000, from: 'carol', to: 'alice', body: 'Sorry, I was offline. Yes!' },
] as const;
const CAROL_LOGIN = 60_000;

/** The conversation's words, for tests and the comparison: what no server may read under OTR. */
export const ARCH_BODIES: readonly string[] = LINES.map((l) => l.body);

const ACCOUNTS = { alice: 'wonderland', bob: 'builder', carol: 'lighthouse' } as const;
type Person = keyof typeof ACCOUNTS;

function domainOf(design: Design, p: Person): string {
  if (design === 'centralised') return 'chat.example';
  return p === 'carol' ? 'b.example' : 'a.example';
}

const jid = (design: Design, p: Person) => `${p}@${domainOf(design, p)}`;

function topology(design: Design): { servers: ServerSpec[]; clients: ClientSpec[]; links: LinkSpec[] } {
  const people: { p: Person; resource: string; ip: string; ms: number }[] = [
    { p: 'alice', resource: 'laptop', ip: '192.0.2.10', ms: 20 },
    { p: 'bob', resource: 'phone', ip: '192.0.2.20', ms: 30 },
    { p: 'carol', resource: 'phone', ip: '192.0.2.30', ms: 40 },
  ];
  const domains = [...new Set(people.map(({ p }) => domainOf(design, p)))];
  const ips: Record<string, string> = { 'chat.example': '198.51.100.10', 'a.example': '198.51.100.10', 'b.example': '203.0.113.20' };
  const servers = domains.map((d) => ({
    id: d,
    domain: d,
    ip: ips[d] ?? '198.51.100.99',
    accounts: people.filter(({ p }) => domainOf(design, p) === d).map(({ p }) => ({ user: p, password: ACCOUNTS[p] })),
  }));
  const clients = people.map(({ p, resource, ip }) => ({ id: p, jid: jid(design, p), password: ACCOUNTS[p], server: domainOf(design, p), resource, ip }));
  const links: LinkSpec[] = people.map(({ p, ms }) => ({ id: `${p}~${domainOf(design, p)}`, a: p, b: domainOf(design, p), latencyMs: ms }));
  if (design === 'federated') links.push({ id: 'a.example~b.example', a: 'a.example', b: 'b.example', latencyMs: 50 });
  return { servers, clients, links };
}

function script(design: Design, e2e: boolean): ScriptStep[] {
  const steps: ScriptStep[] = [
    { at: 0, node: 'alice', action: { type: 'connect' } },
    { at: 0, node: 'bob', action: { type: 'connect' } },
  ];
  if (e2e) steps.push({ at: 1500, node: 'alice', action: { type: 'otr-start', to: jid(design, 'bob') } });
  for (const l of LINES) {
    const toCarol = l.to === 'carol';
    // Under OTR the line to the offline carol waits: alice's Query goes now, the words after her login.
    if (e2e && toCarol) steps.push({ at: l.at, node: 'alice', action: { type: 'otr-start', to: jid(design, 'carol') } });
    const at = e2e && toCarol ? CAROL_LOGIN + 3000 : l.at;
    steps.push({ at, node: l.from, action: { type: 'send-message', to: jid(design, l.to), body: l.body } });
    if (toCarol) steps.push({ at: CAROL_LOGIN, node: 'carol', action: { type: 'connect' } });
  }
  return steps.sort((a, b) => a.at - b.at);
}

const TEXT = {
  centralised: {
    title: { en: 'One provider for everyone', de: 'Ein Anbieter für alle' },
    summary: {
      en: 'alice, bob and carol all have their accounts at chat.example, as everyone has with WhatsApp, Signal or Telegram. alice and bob arrange lunch; carol is offline, so the provider keeps alice’s question until carol comes back a minute later. Every link is TLS-protected, and the one provider reads every message and sees every connection.',
      de: 'alice, bob und carol haben ihre Konten alle bei chat.example, so wie alle bei WhatsApp, Signal oder Telegram. alice und bob verabreden sich zum Mittagessen; carol ist offline, also bewahrt der Anbieter alices Frage auf, bis carol eine Minute später zurückkommt. Jede Verbindung ist mit TLS geschützt, und der eine Anbieter liest jede Nachricht und sieht jede Verbindung.',
    },
  },
  federated: {
    title: { en: 'Two providers, federated', de: 'Zwei Anbieter, föderiert' },
    summary: {
      en: 'The same conversation, but carol’s account is at b.example and alice’s and bob’s at a.example, as with e-mail or XMPP. The lunch plans stay on a.example; alice’s question to carol crosses to b.example, which keeps it while carol is offline. Each provider reads what passes through it, and no single one sees everything.',
      de: 'Dasselbe Gespräch, aber carols Konto liegt bei b.example, das von alice und bob bei a.example, wie bei E-Mail oder XMPP. Die Mittagspläne bleiben auf a.example; alices Frage an carol geht hinüber zu b.example, das sie aufbewahrt, solange carol offline ist. Jeder Anbieter liest, was durch ihn hindurchgeht, und keiner allein sieht alles.',
    },
  },
  e2e: {
    en: ' Here alice uses OTR: the providers carry ciphertext only, but they still see who writes to whom, when and how much, and alice’s OTR request to the offline carol waits on the server in plain sight.',
    de: ' Hier verwendet alice OTR: Die Anbieter befördern nur noch Geheimtext, sehen aber weiterhin, wer wem wann wie viel schreibt, und alices OTR-Anfrage an die abgemeldete carol liegt offen lesbar auf dem Server.',
  },
} as const;

function archScenario({ design, e2e }: ArchOptions): Scenario {
  const text = TEXT[design];
  const id = `arch-${design}${e2e ? '-e2e' : ''}`;
  const s = script(design, e2e);
  const index = (pred: (st: ScriptStep) => boolean) => s.findIndex(pred);
  const carolLogin = index((st) => st.node === 'carol' && st.action.type === 'connect');
  const links = topology(design);
  return {
    version: 2,
    id,
    title: e2e ? { en: `${text.title.en}, end to end`, de: `${text.title.de}, Ende zu Ende` } : text.title,
    summary: e2e ? { en: text.summary.en + TEXT.e2e.en, de: text.summary.de + TEXT.e2e.de } : text.summary,
    topology: {
      ...links,
      observers: [
        { id: `tap:alice~${domainOf(design, 'alice')}`, kind: 'tap', link: `alice~${domainOf(design, 'alice')}` },
        ...(design === 'federated' ? [{ id: 'tap:a.example~b.example', kind: 'tap' as const, link: 'a.example~b.example' }] : []),
      ],
      ...(design === 'federated'
        ? { dns: { srv: [{ name: '_xmpp-server._tcp.b.example', priority: 0, weight: 5, port: 5269, target: 'xmpp.b.example' }], a: [{ name: 'xmpp.b.example', ip: '203.0.113.20' }] } }
        : {}),
    },
    settings: { tls: 'required', sasl: 'SCRAM-SHA-256' },
    script: s,
    chapters: [
      atAction('login', TITLE.login, 0),
      ...(e2e ? [atAction('key-exchange', TITLE.keyExchange, index((st) => st.action.type === 'otr-start'))] : []),
      atAction('lunch', { en: 'alice and bob', de: 'alice und bob' }, index((st) => st.action.type === 'send-message')),
      atTime('offline', { en: 'carol is offline', de: 'carol ist offline' }, LINES[2].at),
      atAction('carol-back', { en: 'carol is back', de: 'carol ist zurück' }, carolLogin),
    ],
  };
}

export const archCentralised = archScenario({ design: 'centralised', e2e: false });
export const archFederated = archScenario({ design: 'federated', e2e: false });
export const archCentralisedE2e = archScenario({ design: 'centralised', e2e: true });
export const archFederatedE2e = archScenario({ design: 'federated', e2e: true });

/** The four, in the comparison's column order. */
export const ARCH_PRESETS: readonly Scenario[] = [archCentralised, archFederated, archCentralisedE2e, archFederatedE2e];
