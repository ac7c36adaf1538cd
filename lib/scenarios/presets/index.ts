/** The preset scenarios, by id. `npm run sim -- list` and the lesson widgets read them from here. @module */
import type { Scenario } from '../../sim/types';
import { hello } from './hello';

export const presets: readonly Scenario[] = [hello];

export function getPreset(id: string): Scenario | undefined {
  return presets.find((p) => p.id === id);
}
