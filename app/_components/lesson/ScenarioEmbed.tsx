/**
 * `<Scenario id="hello" view="sequence" />` in a lesson: the ScenarioWidget with the page's locale bound,
 * in a container that breaks out of the reading column (≤ 1200 px). Server component. The widget arrives as
 * HTML (its opening step, rendered at build time) and its code loads when it nears the viewport (LazyScenario).
 * @module
 */
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import { LazyScenario } from '../scenario/LazyScenario';
import type { ScenarioView } from './vocabulary';

export function ScenarioEmbed({ id, view, initialStep, locale }: { id: string; view?: ScenarioView; initialStep?: string; locale: Locale }) {
  const step = initialStep === undefined ? undefined : Number(initialStep);
  return (
    <div className="breakout scenario-embed" data-scenario={id}>
      {/* Among the page's widgets, ←/→ belong to the one that has focus: say how to give it focus. */}
      <p className="mlw-embed-hint" data-testid="widget-keys-hint">
        {wt(locale, 'keysHint')}
      </p>
      <LazyScenario id={id} locale={locale} view={view} initialStep={step} titleAs="h3" strings={{ loading: wt(locale, 'loadingWidget'), needsJs: wt(locale, 'needsJs') }} />
    </div>
  );
}
