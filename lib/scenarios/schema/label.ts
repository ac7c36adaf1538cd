/** `L('Link', 'Leitung')`: a label in both languages, the way every schema field names itself. @module */
import type { LocalizedText } from './localized';

export const L = (en: string, de: string): LocalizedText => ({ en, de });
