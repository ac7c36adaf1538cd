'use client';
/**
 * "Add to script" in the widget's header: appends what is on screen (scenario, step,
 * lens, tab, what to show) to the teacher's lecture script and links to the script page. A stored
 * script that cannot be read is never overwritten: the button then says so and adds nothing.
 * @module
 */
import { useEffect, useState } from 'react';
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import type { ScriptView } from '../../../lib/viz/lecture-script';
import { readDraft, writeDraft } from './script-store';

export function ScriptAdd({ locale, view }: { locale: Locale; view: ScriptView }) {
  const [count, setCount] = useState<number | null>(null);
  const [said, setSaid] = useState('');
  useEffect(() => {
    const d = readDraft();
    setCount(d.ok ? d.script.views.length : null);
  }, []);
  const add = () => {
    const d = readDraft();
    if (!d.ok) {
      setSaid(wt(locale, 'scriptUnreadable'));
      return;
    }
    const views = [...d.script.views, view];
    if (!writeDraft({ ...d.script, views })) {
      setSaid(wt(locale, 'scriptUnreadable'));
      return;
    }
    setCount(views.length);
    setSaid(wt(locale, 'scriptAdded', { n: views.length }));
  };
  return (
    <span className="mlw-scriptadd">
      <button type="button" className="mlw-btn mlw-btn--text" onClick={add} title={wt(locale, 'scriptAddTitle')} data-testid="script-add">
        {wt(locale, 'scriptAdd')}
      </button>
      {count !== null && count > 0 && <a href={`/${locale}/script/`}>{wt(locale, 'scriptOpen', { n: count })}</a>}
      <span role="status" className="mlw-scriptadd-said">
        {said}
      </span>
    </span>
  );
}
