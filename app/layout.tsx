/**
 * The root layout passes its children through. Each page tree renders its own <html>, so `lang` is
 * right on every statically exported page: app/[locale]/layout.tsx (lang="en" | "de"), app/page.tsx
 * (the language chooser) and app/not-found.tsx (bilingual, lang="en" with German parts marked).
 * @module
 */
import type { ReactNode } from 'react';
import './globals.css';

export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
