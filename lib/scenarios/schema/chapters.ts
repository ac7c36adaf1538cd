/**
 * Chapters: named parts of a long run (login, key exchange, messages, theft …) so that a reader finds
 * their way and a teacher can say "the key exchange". A chapter starts at an event the scenario names
 * robustly, never at a raw step number, because the trace grows when a layer below gets more real
 * (a change of the handshake, such as the TLS model becoming TLS 1.3, may add events before every later step):
 * - `{ kind: 'action', index }`: the event of the script step at that index (as written, from 0);
 * - `{ kind: 'time', at }`: the first event at or after that virtual time (a theft, which is no script step).
 * lib/viz/chapters.ts turns them into steps; `checkChapters` refuses what can match nothing or runs
 * out of order.
 * @module
 */
import { at, integer, isObject, list, number, object, text, union, type Infer } from './dsl';
import { MAX_TIME } from './actions';
import type { Issue } from './issues';
import { L } from './label';

/** A script longer than this is no lecture scenario; the bound only keeps the index a sane number. */
const MAX_SCRIPT_INDEX = 100_000;

const chapterStart = union({ label: L('Starts at', 'Beginnt bei'), description: L('The event the chapter begins with.', 'Das Ereignis, mit dem das Kapitel beginnt.') }, 'kind', {
  action: object(
    { label: L('A script step', 'Ein Skriptschritt'), description: L('The event of one step of the script.', 'Das Ereignis eines Skriptschritts.') },
    { index: integer({ label: L('Script step', 'Skriptschritt'), description: L('Its position in the script, from 0.', 'Seine Stelle im Skript, ab 0.') }, 0, MAX_SCRIPT_INDEX) },
  ),
  time: object(
    { label: L('A moment', 'Ein Zeitpunkt'), description: L('The first event at or after a virtual time (a theft, for example).', 'Das erste Ereignis zu oder nach einer virtuellen Zeit (etwa ein Diebstahl).') },
    { at: number({ label: L('At (ms)', 'Zeitpunkt (ms)') }, 0, MAX_TIME) },
  ),
});

const chapter = object(
  { label: L('Chapter', 'Kapitel') },
  {
    id: text({ label: L('Id', 'Kennung'), description: L('Names the chapter in links (?chapter=…); unique in the scenario.', 'Benennt das Kapitel in Links (?chapter=…); eindeutig im Szenario.') }, { format: 'id' }),
    title: object(
      { label: L('Title', 'Titel') },
      { en: text({ label: L('English', 'Englisch') }, { minLength: 1, maxLength: 60 }), de: text({ label: L('German', 'Deutsch') }, { minLength: 1, maxLength: 60 }) },
    ),
    start: chapterStart,
  },
);

export const chapters = list({ label: L('Chapters', 'Kapitel'), description: L('Named parts of the run, in the order they happen; the scrubber marks where each begins.', 'Benannte Abschnitte des Ablaufs, in der Reihenfolge, in der sie geschehen; die Zeitleiste markiert, wo jeder beginnt.') }, chapter);

export type Chapter = Infer<typeof chapter>;

/**
 * What a shape cannot say about chapters: ids are unique; an action chapter names a step the script
 * has; a time chapter starts no later than the script's last step (after it there may be no event);
 * each chapter starts after the one before. The kernel runs the script by (time, position), so that is
 * the order compared; a time chapter at t comes before a script step at t (its first event is that step
 * at the latest). Runs on unchecked data and skips what the shape check refused (`bad`).
 */
export function checkChapters(data: Record<string, unknown>, bad: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  if (!Array.isArray(data.chapters)) return issues;
  const script = Array.isArray(data.script) ? data.script : [];
  const times = script.map((s) => (isObject(s) && typeof s.at === 'number' && Number.isFinite(s.at) ? s.at : null));
  // Thefts are script steps too, added after the script's own (lib/scenarios/observer-steps.ts).
  const topo = isObject(data.topology) ? data.topology : {};
  const theftTimes = (Array.isArray(topo.observers) ? topo.observers : []).flatMap((o) => (isObject(o) && o.kind === 'thief' && Array.isArray(o.steals) ? o.steals.flatMap((s) => (isObject(s) && typeof s.at === 'number' ? [s.at] : [])) : []));
  const known = [...times.filter((t): t is number => t !== null), ...theftTimes];
  const last = known.length ? Math.max(...known) : null;
  const ids = new Set<string>();
  let prev: { key: [number, number]; id: string } | null = null;
  data.chapters.forEach((cv, i) => {
    const p = at('chapters', i);
    if (!isObject(cv)) return;
    if (typeof cv.id === 'string' && !bad.has(at(p, 'id'))) {
      if (ids.has(cv.id)) issues.push({ path: at(p, 'id'), code: 'id.twice', params: { id: cv.id } });
      ids.add(cv.id);
    }
    const sp = at(p, 'start');
    const start = cv.start;
    if (!isObject(start) || bad.has(sp) || bad.has(at(sp, 'kind'))) return;
    let key: [number, number] | null = null;
    if (start.kind === 'action' && typeof start.index === 'number' && !bad.has(at(sp, 'index'))) {
      const t = times[start.index];
      if (start.index >= script.length) issues.push({ path: at(sp, 'index'), code: 'chapter.no-step', params: { index: start.index, count: script.length } });
      else if (t !== null && t !== undefined) key = [t, start.index];
    }
    if (start.kind === 'time' && typeof start.at === 'number' && !bad.has(at(sp, 'at'))) {
      if (last === null || start.at > last) issues.push({ path: at(sp, 'at'), code: 'chapter.late', params: { at: start.at, last: last ?? 0 } });
      else key = [start.at, -1];
    }
    if (!key) return;
    const id = typeof cv.id === 'string' ? cv.id : String(i);
    if (prev && (key[0] < prev.key[0] || (key[0] === prev.key[0] && key[1] <= prev.key[1]))) issues.push({ path: sp, code: 'chapter.order', params: { previous: prev.id } });
    prev = { key, id };
  });
  return issues;
}
