/**
 * What the service worker (public/sw.js) shows for a page it does not hold while there is no network:
 * a page in both languages, never the browser's error. Every page of the build is stored, so this is
 * an address that is not part of the site, or a visit before the site was ready offline.
 * @module
 */
import type { Metadata } from 'next';
import { BilingualNotice } from '../_components/site/BilingualNotice';
import { webApp } from '../_components/site/web-app';

export const metadata: Metadata = {
  title: 'Offline · Keine Verbindung — Messenger Lab',
  robots: { index: false },
  ...webApp,
};

export default function OfflinePage() {
  return (
    <BilingualNotice
      title={{ en: 'You are offline', de: 'Keine Verbindung' }}
      text={{
        en: 'This page is not saved on this device. Every lesson and scenario of the course is, once the site has said it is ready offline.',
        de: 'Diese Seite ist nicht auf diesem Gerät gespeichert. Alle Lektionen und Szenarien des Kurses sind es, sobald die Website meldet, dass sie offline bereit ist.',
      }}
    />
  );
}
