'use client';
/**
 * The ratchet view (issue #4, item 5): for each party of each OTR conversation, side by side (alice | bob),
 * what it holds after the current step — msgstate, the AKE while it runs (hidden when idle), key ids, its live DH keys as chips
 * (public value shortened as in the Inspector; private half held or forgotten), counters per key pair, MAC
 * keys waiting to be revealed and those revealed, each with its step as a link that moves the cursor.
 * A key forgotten at this very step animates out (not with prefers-reduced-motion). Model: lib/viz/ratchet.ts.
 * @module
 */
import { useMemo } from 'react';
import type { AuthStateName } from '../../../lib/otr/ake';
import type { MsgState } from '../../../lib/otr/session';
import type { SimRun } from '../../../lib/sim/kernel';
import type { Scenario } from '../../../lib/sim/types';
import { otrFrames, wireReveals } from '../../../lib/viz/otr-frames';
import { compareEnds } from '../../../lib/viz/otr-compare';
import { ratchetView, type KeyView, type PartyView, type SessionAt, type WireReveal } from '../../../lib/viz/ratchet';
import type { Locale } from '../../_i18n/locales';
import { wt, type WidgetKey } from '../../_i18n/widget';
import { groupHex } from '../inspector/hex-text';
import { LockGlyph } from '../knowledge/LockGlyph';
import { WarningIcon } from '../scenario/Glyphs';
import { EndsCompared } from './EndsCompared';
import { SsidHalves } from './SsidHalves';
import '../knowledge/knowledge.css';
import './ratchet.css';

const MSGSTATE: Record<MsgState, WidgetKey> = { plaintext: 'msPlaintext', encrypted: 'msEncrypted', finished: 'msFinished' };
const AKE: Record<AuthStateName, WidgetKey> = {
  none: 'akeNone',
  'awaiting-dhkey': 'akeAwaitingDhkey',
  'awaiting-revealsig': 'akeAwaitingRevealsig',
  'awaiting-sig': 'akeAwaitingSig',
};

/** One replay per run, shared by every mount of the tab. */
const cache = new WeakMap<SimRun, { frames: SessionAt[][]; reveals: WireReveal[] }>();

function history(scenario: Scenario, run: SimRun) {
  let h = cache.get(run);
  if (!h) {
    h = { frames: otrFrames(scenario, run), reveals: wireReveals(run.trace) };
    cache.set(run, h);
  }
  return h;
}

export interface RatchetViewProps {
  scenario: Scenario;
  run: SimRun;
  step: number;
  locale: Locale;
  nm(id: string): string;
  onSelectStep(step: number): void;
  /**
   * The "Seen by" lens: the node whose OTR program the observer is (its own cards only), null for an
   * observer that runs none (a tap, a thief: it holds none of these keys); absent without a lens.
   */
  seenBy?: { node: string | null; who: string };
}

export function RatchetView({ scenario, run, step, locale, nm, onSelectStep, seenBy }: RatchetViewProps) {
  const h = useMemo(() => history(scenario, run), [scenario, run]);
  const view = useMemo(() => ratchetView(h.frames, step, h.reveals), [h, step]);
  // Nothing to compare until one end has finished a key exchange.
  const compared = useMemo(() => compareEnds(view).filter((c) => c.a.ssid !== null || c.b.ssid !== null), [view]);
  const byJid = useMemo(() => new Map(scenario.topology.clients.map((c) => [c.jid, c.id])), [scenario]);
  const person = (jid: string) => {
    const bare = jid.split('/')[0] ?? jid;
    const id = byJid.get(bare);
    return id ? nm(id) : bare;
  };
  if (view.conversations.length === 0) return <p className="mlw-panel-note">{wt(locale, 'ratchetNone')}</p>;
  // Under a lens, only the cards of the program the observer is: the others hold keys it does not have.
  const conversations = seenBy ? view.conversations.map((c) => ({ ...c, parties: c.parties.filter((p) => p.node === seenBy.node) })).filter((c) => c.parties.length > 0) : view.conversations;
  return (
    <div className="mlw-rk" data-testid="ratchet">
      <p className="mlw-panel-note mlw-rk-lead">{wt(locale, 'ratchetLead')}</p>
      {/* Both ends side by side is what no single observer has: the lens leaves it out. */}
      {!seenBy && compared.map((c) => <EndsCompared key={c.id} c={c} locale={locale} person={person} nm={nm} />)}
      {seenBy && conversations.length === 0 && (
        <p className="mlw-panel-note mlw-encrypted" data-testid="ratchet-lens-none">
          {wt(locale, 'ratchetLensNone', { who: seenBy.who })}
        </p>
      )}
      {conversations.map((c) => (
        <div key={c.id} className={`mlw-rk-conv${c.parties.length > 3 ? ' mlw-rk-conv--pairs' : ''}`}>
          {c.parties.map((p) => (
            <Party key={`${p.node}-${p.peer}`} p={p} step={step} locale={locale} holder={nm(p.node)} peer={person(p.peer)} account={person(p.account)} onSelectStep={onSelectStep} />
          ))}
        </div>
      ))}
    </div>
  );
}

function StepLink({ step, locale, onSelectStep }: { step: number; locale: Locale; onSelectStep(step: number): void }) {
  return (
    <button type="button" className="mlw-linkbtn" onClick={() => onSelectStep(step)} aria-label={wt(locale, 'goToStep', { step })}>
      {wt(locale, 'rStep', { step })}
    </button>
  );
}

function Party({ p, step, locale, holder, peer, account, onSelectStep }: { p: PartyView; step: number; locale: Locale; holder: string; peer: string; account: string; onSelectStep(step: number): void }) {
  const none = <span className="mlw-rk-none">{wt(locale, 'rNoneYet')}</span>;
  const title = p.posing ? wt(locale, 'ratchetPosing', { holder, peer, account }) : wt(locale, 'ratchetOf', { account: holder, peer });
  return (
    <section className={`mlw-rk-party mlw-rk-party--${p.msgstate}${p.posing ? ' mlw-rk-party--mitm' : ''}`} aria-label={title} data-party={p.node} data-posing={p.posing ? 'true' : undefined}>
      <h3 className="mlw-rk-h">
        <span>
          {p.posing && (
            <span className="mlw-rk-mitm">
              <WarningIcon /> {wt(locale, 'rMitm')}
            </span>
          )}{' '}
          {title}
        </span>
        <span className={`mlw-rk-state mlw-rk-state--${p.msgstate}`}>
          {p.msgstate === 'encrypted' && <LockGlyph />} {wt(locale, MSGSTATE[p.msgstate])}
          {p.version > 0 && <span className="mlw-rk-version"> · {wt(locale, 'rVersion', { v: p.version })}</span>}
        </span>
      </h3>
      <dl className="mlw-dl mlw-rk-dl">
        {p.auth !== 'none' && (
          <div className="mlw-rk-row mlw-rk-row--active">
            <dt>{wt(locale, 'rAke')}</dt>
            <dd data-testid="ratchet-ake">{wt(locale, AKE[p.auth])}</dd>
          </div>
        )}
        <div className="mlw-rk-row">
          <dt>{wt(locale, 'rKeyids')}</dt>
          <dd className="mlw-rk-keyids" data-testid="ratchet-keyids" data-ours={p.ourKeyid ?? ''} data-theirs={p.theirKeyid ?? ''}>
            {wt(locale, 'rKeyidsValue', { ours: p.ourKeyid ?? '—', theirs: p.theirKeyid ?? '—' })}
          </dd>
        </div>
        <div className="mlw-rk-row mlw-rk-row--wide">
          <dt>{wt(locale, 'rOurKeys')}</dt>
          <dd>
            {p.ourKeys.length === 0 ? (
              none
            ) : (
              <ul className="mlw-rk-keys" data-keys="ours">
                {p.ourKeys.map((k) => (
                  <KeyChip key={`${k.keyid}-${k.full}`} k={k} ours step={step} locale={locale} onSelectStep={onSelectStep} />
                ))}
                {p.olderForgotten > 0 && <li className="mlw-rk-older">{wt(locale, 'rOlder', { n: p.olderForgotten })}</li>}
              </ul>
            )}
          </dd>
        </div>
        <div className="mlw-rk-row mlw-rk-row--wide">
          <dt>{wt(locale, 'rTheirKeys')}</dt>
          <dd>
            {p.theirKeys.length === 0 ? (
              none
            ) : (
              <ul className="mlw-rk-keys" data-keys="theirs">
                {p.theirKeys.map((k) => (
                  <KeyChip key={`${k.keyid}-${k.full}`} k={k} ours={false} step={step} locale={locale} onSelectStep={onSelectStep} />
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="mlw-rk-row mlw-rk-row--wide">
          <dt>{wt(locale, 'rCounters')}</dt>
          <dd>
            {p.counters.length === 0 ? (
              none
            ) : (
              <ul className="mlw-rk-list">
                {p.counters.map((c) => (
                  <li key={`${c.ourKeyid}-${c.theirKeyid}`}>
                    <span>{wt(locale, 'rPair', { ours: c.ourKeyid, theirs: c.theirKeyid })}</span>: <span className="mlw-mono">{wt(locale, 'rCtr', { sent: c.sendCtr, received: c.rcvCtr })}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {p.pending.length > 0 && (
          <div className="mlw-rk-row mlw-rk-row--wide">
            <dt>{wt(locale, 'rPending')}</dt>
            <dd>
              <ul className="mlw-rk-list">
                {p.pending.map((m) => (
                  <li key={m.full}>
                    <code className="mlw-mono" title={groupHex(m.full)}>
                      {m.short}
                    </code>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div className="mlw-rk-row mlw-rk-row--wide">
          <dt>{wt(locale, 'rRevealed')}</dt>
          <dd>
            {p.revealed.length === 0 ? (
              none
            ) : (
              <ul className="mlw-rk-list" data-testid="ratchet-revealed">
                {p.revealed.map((r) => (
                  <li key={r.full} className={r.step === step ? 'mlw-rk-new' : undefined}>
                    <code className="mlw-mono" title={groupHex(r.full)}>
                      {r.short}
                    </code>
                    {r.pair && <span> · {wt(locale, 'rRevealedPair', { ours: r.pair.ourKeyid, theirs: r.pair.theirKeyid })}</span>} · <StepLink step={r.step} locale={locale} onSelectStep={onSelectStep} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {p.theirFingerprint && (
          <div className="mlw-rk-row mlw-rk-row--wide">
            <dt>{wt(locale, 'rFingerprint')}</dt>
            <dd className="mlw-mono">
              {p.theirFingerprint}
              {p.trust === 'smp' && <span className="mlw-rk-verified"> · {wt(locale, 'rVerified')}</span>}
            </dd>
          </div>
        )}
        {p.ssid && (
          <div className="mlw-rk-row">
            <dt>{wt(locale, 'rSsid')}</dt>
            <dd className="mlw-mono">
              <SsidHalves ssid={p.ssid} bold={p.ssidHalf} />
            </dd>
          </div>
        )}
        {p.version === 3 && (
          <div className="mlw-rk-row mlw-rk-row--wide mlw-rk-small">
            <dd>{wt(locale, 'rInstances', { ours: `0x${p.ourInstance.toString(16)}`, theirs: `0x${p.theirInstance.toString(16)}` })}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function KeyChip({ k, ours, step, locale, onSelectStep }: { k: KeyView; ours: boolean; step: number; locale: Locale; onSelectStep(step: number): void }) {
  const leaving = k.state === 'forgotten' && k.forgottenStep === step;
  const born = k.state !== 'forgotten' && k.bornStep === step;
  const role = k.state === 'current' ? 'rCurrent' : k.state === 'previous' ? 'rPrevious' : k.state === 'ake' ? 'rAkeKey' : null;
  return (
    <li className={`mlw-rk-key mlw-rk-key--${k.state}${leaving ? ' mlw-rk-key--leaving' : ''}${born ? ' mlw-rk-key--born' : ''}`} data-keyid={k.keyid} data-state={k.state}>
      <span className="mlw-rk-keyid">{wt(locale, 'rKey', { id: k.keyid })}</span>
      <code className="mlw-mono mlw-rk-pub" title={groupHex(k.full)}>
        {k.short}
      </code>
      <span className="mlw-rk-keystate">
        {role && <span>{wt(locale, role)}</span>}
        {ours && k.state !== 'forgotten' && <span className="mlw-rk-held">{wt(locale, 'rHeld')}</span>}
        {ours && k.state === 'forgotten' && k.forgottenStep !== null && (
          <span className="mlw-rk-forgot">
            {wt(locale, 'rForgottenAt')} <StepLink step={k.forgottenStep} locale={locale} onSelectStep={onSelectStep} />
          </span>
        )}
      </span>
    </li>
  );
}
