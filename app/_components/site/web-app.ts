/** What every page links for the installable app: the manifest (public/manifest.webmanifest) and its icons. @module */
import type { Metadata } from 'next';

export const webApp = {
  manifest: '/manifest.webmanifest',
  icons: { icon: '/favicon.svg', apple: '/icons/icon-192.png' },
} satisfies Metadata;
