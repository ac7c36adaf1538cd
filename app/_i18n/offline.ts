/** The offline notice's strings (app/_components/site/OfflineStatus.tsx), English and German side by side. @module */
import { byLocale, type BilingualTable } from './locales';

const offlineStrings = {
  ready: {
    en: 'Ready offline: every lesson and scenario now works on this device without a network.',
    de: 'Offline bereit: Alle Lektionen und Szenarien funktionieren auf diesem Gerät jetzt auch ohne Netz.',
  },
  update: {
    en: 'A new version of Messenger Lab is available.',
    de: 'Eine neue Version von Messenger Lab ist verfügbar.',
  },
  reload: {
    en: 'Reload',
    de: 'Neu laden',
  },
  close: {
    en: 'Close',
    de: 'Schließen',
  },
} satisfies BilingualTable;

export const offline = byLocale(offlineStrings);
