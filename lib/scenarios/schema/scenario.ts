/**
 * A scenario, version 2: topology + settings + a timed script, optionally cut into named chapters. The one declaration of the scenario's
 * shape: lib/sim/types.ts re-exports the types made here, the validator checks against it, and an
 * editor reads its labels, allowed values and defaults. Files of version 1 (no `version` field) are
 * migrated on load (migrate.ts).
 * @module
 */
import { list, literal, object, optional, text, type Infer } from './dsl';
import { chapters } from './chapters';
import { scriptStep } from './actions';
import { L } from './label';
import { settings } from './settings';
import { topology } from './topology';

/** The version this code writes and reads natively. */
export const CURRENT_VERSION = 2;

const localized = (en: string, de: string, max: number) =>
  object({ label: L(en, de) }, { en: text({ label: L('English', 'Englisch') }, { maxLength: max }), de: text({ label: L('German', 'Deutsch') }, { maxLength: max }) });

export const scenario = object(
  { label: L('Scenario', 'Szenario') },
  {
    version: literal({ label: L('Format version', 'Formatversion'), default: CURRENT_VERSION }, CURRENT_VERSION),
    id: text({ label: L('Id', 'Kennung'), description: L('Lowercase letters, digits, . _ : ~ -; names the scenario in links.', 'Kleinbuchstaben, Ziffern, . _ : ~ -; benennt das Szenario in Links.') }, { format: 'id' }),
    title: localized('Title', 'Titel', 200),
    summary: localized('Summary', 'Zusammenfassung', 4000),
    topology,
    settings,
    script: list({ label: L('Script', 'Skript') }, scriptStep),
    chapters: optional(chapters),
  },
);

export type Scenario = Infer<typeof scenario>;
