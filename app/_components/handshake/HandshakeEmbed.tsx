'use client';
/**
 * The lesson forms of the Handshake tab and the SCRAM calculator: `<Handshake id="c2s-login" />` (optional
 * `observer`, `connection`) opens at the step where that handshake completed, seen by the observer if one is
 * named; `<ScramCalculator id="c2s-login" />`. Each runs its preset with the widget's seed, as the scenario
 * widget does; the compile step has checked the references (lesson-data.ts handshakeRef, scramRef).
 * @module
 */
import { useMemo } from 'react';
import type { Locale } from '../../_i18n/locales';
import { listObservers } from '../../../lib/knowledge/observe';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { runScenario } from '../../../lib/scenarios/run';
import { shortName } from '../../../lib/viz/entities';
import { observeUpTo, observerDisplayName, seenSteps } from '../../../lib/viz/knowledge';
import { HandshakePanel } from './HandshakePanel';
import { ScramCalculator } from './ScramCalculator';
import '../scenario/widget.css';

function usePreset(id: string, seed: number) {
  return useMemo(() => {
    const scenario = getPreset(id)!;
    const trace = runScenario(scenario, { seed }).trace;
    const names = new Map(trace.nodes.map((n) => [n.id, shortName(n)]));
    return { scenario, trace, nm: (n: string) => names.get(n) ?? n };
  }, [id, seed]);
}

export function HandshakeEmbed({ id, seed, step, connection, observer, locale }: { id: string; seed: number; step: number; connection: string; observer?: string; locale: Locale }) {
  const { scenario, trace, nm } = usePreset(id, seed);
  const seenBy = useMemo(() => {
    const info = observer ? listObservers(scenario).find((o) => o.name === observer) : undefined;
    const seen = info ? seenSteps(scenario, trace, info) : null;
    if (!info || !seen) return null;
    return { means: { keys: new Set(observeUpTo(scenario, trace, info.name, step)?.metadata.keys ?? []), seen }, who: observerDisplayName(info, trace, nm) };
  }, [scenario, trace, observer, step, nm]);
  return (
    <div className="breakout mlw hs-embed" data-handshake={id}>
      <HandshakePanel trace={trace} step={step} locale={locale} nm={nm} seenBy={seenBy} connection={connection} />
    </div>
  );
}

export function ScramEmbed({ id, seed, locale }: { id: string; seed: number; locale: Locale }) {
  const { scenario, trace, nm } = usePreset(id, seed);
  return (
    <div className="breakout mlw hs-embed" data-scram={id}>
      <ScramCalculator scenario={scenario} trace={trace} locale={locale} nm={nm} />
    </div>
  );
}
