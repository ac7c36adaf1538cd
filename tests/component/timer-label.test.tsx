import { describe, expect, it } from 'vitest';
import { localEventLabel } from '../../app/_i18n/actions';

describe('timer labels (issue #9 item 7: no internal names in the Events table)', () => {
  it('the DNS answer and the server-to-server timeout are named in words, in English and German', () => {
    expect(localEventLabel('en', 'timer', null, 'dns b.example')).toBe('timer fires: DNS answer for b.example');
    expect(localEventLabel('de', 'timer', null, 'dns b.example')).toBe('Timer läuft ab: DNS-Antwort für b.example');
    expect(localEventLabel('en', 'timer', null, 's2s timeout a.example>d.example')).toBe('timer fires: server-to-server timeout a.example → d.example');
    expect(localEventLabel('de', 'timer', null, 's2s timeout a.example>d.example')).toBe('Timer läuft ab: Zeitlimit Server-zu-Server a.example → d.example');
  });
  it('a timer of unknown shape keeps its name', () => {
    expect(localEventLabel('de', 'timer', null, 'custom')).toBe('Timer läuft ab: custom');
  });
});
