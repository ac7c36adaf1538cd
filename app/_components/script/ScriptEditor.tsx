'use client';
/**
 * The lecture script page: the teacher's views in order, each with "class predicts first" and a private
 * note; move up/down, delete (one step of undo), present from any view, download and load the JSON file,
 * copy a link that carries the whole script (`?s=`). A file or link that cannot be read changes nothing
 * and says why, in the page's language, with the place of each problem.
 * @module
 */
import { useEffect, useId, useState, type ChangeEvent } from 'react';
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import { listObservers } from '../../../lib/knowledge/observe';
import { getPreset } from '../../../lib/scenarios/presets/index';
import { parseScript, scriptFromParam, scriptToJson, scriptToParam, scriptViewQuery, type LectureScript, type ScriptProblem, type ScriptView } from '../../../lib/viz/lecture-script';
import { kindLabel } from '../knowledge/ObserverGlyph';
import { tabLabel } from '../inspector/Inspector';
import { BackIcon, ForwardIcon } from '../scenario/Glyphs';
import { EMPTY_SCRIPT, SCENARIO_IDS, readDraft, writeDraft, writeShow } from './script-store';
import './script.css';

type Said = { kind: 'ok' | 'bad'; text: string; problems?: readonly ScriptProblem[] } | null;

function lensText(locale: Locale, v: ScriptView): string | null {
  const preset = getPreset(v.scenario);
  if (!v.lens || !preset) return null;
  const o = listObservers(preset).find((x) => x.name === v.lens);
  const name = v.lens.replace(/^[a-z]+:/, '').replace('~', ' ↔ ');
  return wt(locale, 'scriptViewLens', { lens: o ? wt(locale, 'lensOption', { kind: kindLabel(locale, o.kind), name }) : name });
}

function Problems({ locale, problems }: { locale: Locale; problems: readonly ScriptProblem[] }) {
  return (
    <ul className="script-problems">
      {problems.map((p, i) => (
        <li key={i}>
          {p.path && <code>{p.path}</code>} {p[locale]}
        </li>
      ))}
    </ul>
  );
}

export function ScriptEditor({ locale }: { locale: Locale }) {
  const [script, setScript] = useState<LectureScript | null>(null);
  const [stored, setStored] = useState<readonly ScriptProblem[] | null>(null);
  const [fromLink, setFromLink] = useState(false);
  const [undo, setUndo] = useState<LectureScript | null>(null);
  const [said, setSaid] = useState<Said>(null);
  const [link, setLink] = useState('');
  const titleId = useId();
  const fileId = useId();

  useEffect(() => {
    const own = readDraft();
    const param = new URLSearchParams(window.location.search).get('s');
    const linked = param === null ? null : scriptFromParam(param, SCENARIO_IDS);
    if (linked?.ok) {
      setScript(linked.script);
      setFromLink(true);
    } else {
      if (linked && !linked.ok) setSaid({ kind: 'bad', text: wt(locale, 'scriptLinkBad'), problems: linked.problems });
      if (own.ok) setScript(own.script);
      else setStored(own.problems);
    }
  }, [locale]);

  if (stored) {
    return (
      <div className="script-editor" role="alert">
        <p>{wt(locale, 'scriptStoredBad')}</p>
        <Problems locale={locale} problems={stored} />
        <button type="button" className="button" onClick={() => (writeDraft(EMPTY_SCRIPT), setStored(null), setScript(EMPTY_SCRIPT))}>
          {wt(locale, 'scriptStartNew')}
        </button>
      </div>
    );
  }
  if (!script) return null;

  /** Every change keeps the script before it (one Undo) and, for the teacher's own script, stores it. */
  const update = (next: LectureScript, message: Said = null) => {
    setUndo(script);
    setScript(next);
    setSaid(message);
    setLink('');
    if (!fromLink) writeDraft(next);
  };
  const setView = (i: number, patch: Partial<ScriptView>) => update({ ...script, views: script.views.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  const move = (i: number, by: number) => {
    const views = [...script.views];
    const [v] = views.splice(i, 1);
    views.splice(i + by, 0, v!);
    update({ ...script, views });
  };
  const present = (i: number) => {
    const v = script.views[i];
    if (!v) return;
    writeShow({ script, index: i });
    window.location.assign(`/${locale}/scenarios/${v.scenario}/${scriptViewQuery(v)}`);
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([scriptToJson(script)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${script.title.trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'lecture-script'}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const r = parseScript(await file.text(), SCENARIO_IDS);
    if (r.ok) update(r.script, { kind: 'ok', text: wt(locale, 'scriptLoaded', { name: file.name, n: r.script.views.length }) });
    else setSaid({ kind: 'bad', text: wt(locale, 'scriptFileBad', { name: file.name }), problems: r.problems });
  };
  const copyLink = () => {
    const url = `${window.location.origin}/${locale}/script/?s=${scriptToParam(script)}`;
    setLink(url);
    navigator.clipboard?.writeText(url).then(
      () => setSaid({ kind: 'ok', text: wt(locale, 'scriptLinkCopied') }),
      () => {}, // no clipboard (permissions): the link is shown to copy by hand
    );
  };

  return (
    <div className="script-editor">
      {fromLink && (
        <p className="script-banner">
          {wt(locale, 'scriptFromLink')}{' '}
          <button type="button" className="button" onClick={() => (writeDraft(script), setFromLink(false))}>
            {wt(locale, 'scriptKeepLinked')}
          </button>
        </p>
      )}
      <p className="script-field">
        <label htmlFor={titleId}>{wt(locale, 'scriptTitleLabel')}</label>
        <input id={titleId} type="text" maxLength={200} value={script.title} onChange={(e) => update({ ...script, title: e.target.value })} />
      </p>
      <div className="script-actions">
        <button type="button" className="button" onClick={() => present(0)} disabled={script.views.length === 0} data-testid="script-present">
          {wt(locale, 'scriptPresent')}
        </button>
        <button type="button" className="script-btn" onClick={copyLink} disabled={script.views.length === 0}>
          {wt(locale, 'scriptCopyLink')}
        </button>
        <button type="button" className="script-btn" onClick={download} disabled={script.views.length === 0}>
          {wt(locale, 'scriptDownload')}
        </button>
        <input id={fileId} className="script-file" type="file" accept=".json,application/json" onChange={upload} data-testid="script-upload" />
        <label className="script-btn" htmlFor={fileId}>
          {wt(locale, 'scriptUpload')}
        </label>
        {undo && (
          <button type="button" className="script-btn" onClick={() => update(undo)}>
            {wt(locale, 'scriptUndo')}
          </button>
        )}
      </div>
      {link && (
        <p className="script-field">
          <label htmlFor={`${fileId}-link`}>{wt(locale, 'scriptLinkLabel')}</label>
          <input id={`${fileId}-link`} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </p>
      )}
      <div role={said?.kind === 'bad' ? 'alert' : 'status'} className={said?.kind === 'bad' ? 'script-said script-said--bad' : 'script-said'} data-testid="script-said">
        {said && <p>{said.text}</p>}
        {said?.problems && <Problems locale={locale} problems={said.problems} />}
      </div>
      <h2>{wt(locale, 'scriptViews')}</h2>
      {script.views.length === 0 ? (
        <p>{wt(locale, 'scriptEmpty')}</p>
      ) : (
        <ol className="script-views" data-testid="script-views">
          {script.views.map((v, i) => {
            const n = i + 1;
            const parts = [wt(locale, 'scriptViewSummary', { scenario: getPreset(v.scenario)?.title[locale] ?? v.scenario, step: v.step }), lensText(locale, v), v.tab ? wt(locale, 'scriptViewTab', { tab: tabLabel(locale, v.tab) }) : null];
            return (
              <li key={i} className="script-view">
                <div className="script-view-head">
                  <span className="script-view-what">{parts.filter(Boolean).join(' · ')}</span>
                  <span className="script-view-tools">
                    <a className="script-btn" href={`/${locale}/scenarios/${v.scenario}/${scriptViewQuery(v).replace('&presenter=1', '')}`}>
                      {wt(locale, 'scriptOpenView')}
                    </a>
                    <button type="button" className="script-btn" onClick={() => present(i)}>
                      {wt(locale, 'scriptPresentFrom', { n })}
                    </button>
                    <button type="button" className="script-btn script-icon" onClick={() => move(i, -1)} disabled={i === 0} aria-label={wt(locale, 'scriptUp', { n })} title={wt(locale, 'scriptUp', { n })}>
                      <span className="script-up">
                        <BackIcon />
                      </span>
                    </button>
                    <button type="button" className="script-btn script-icon" onClick={() => move(i, 1)} disabled={n === script.views.length} aria-label={wt(locale, 'scriptDown', { n })} title={wt(locale, 'scriptDown', { n })}>
                      <span className="script-down">
                        <ForwardIcon />
                      </span>
                    </button>
                    <button type="button" className="script-btn" onClick={() => update({ ...script, views: script.views.filter((_, j) => j !== i) })} aria-label={wt(locale, 'scriptDelete', { n })}>
                      ✕
                    </button>
                  </span>
                </div>
                <label className="script-check">
                  <input type="checkbox" checked={!!v.reveal} onChange={(e) => setView(i, { reveal: e.target.checked || undefined })} />
                  {wt(locale, 'scriptRevealLabel')}
                </label>
                <label className="script-note">
                  <span>{wt(locale, 'scriptNoteLabel', { n })}</span>
                  <textarea rows={2} maxLength={2000} value={v.note ?? ''} onChange={(e) => setView(i, { note: e.target.value || undefined })} />
                </label>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
