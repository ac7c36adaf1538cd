/**
 * Toy machines in kernel tests speak no narration: their notes name keys the narration does not have
 * ('ping', 'toy'), which `Note` (typed by lib/narration's keys) refuses. This is the one door for them.
 */
import type { Note } from '../../lib/sim/types';

export const toyNote = (key: string, params?: Record<string, string | number>): Note => ({ key, ...(params ? { params } : {}) }) as unknown as Note;
