'use client';
/**
 * The widget as LazyScenario loads it: ScenarioWidget, unchanged, plus a signal once it is live (its
 * effects have run, so its key and step-link handlers are in place) for LazyScenario to replay what the
 * reader did before the code arrived. This module is the lazy chunk's entry.
 * @module
 */
import { useEffect } from 'react';
import { ScenarioWidget, type ScenarioWidgetProps } from './ScenarioWidget';

export function LiveScenario({ onLive, ...props }: ScenarioWidgetProps & { onLive: () => void }) {
  // Children's effects run first: by now the widget's own listeners are attached.
  useEffect(() => onLive(), [onLive]);
  return <ScenarioWidget {...props} />;
}
