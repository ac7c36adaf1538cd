/** 404 in both languages (the static host serves out/404.html for any unknown path). @module */
import type { Metadata } from 'next';
import { LogoMark } from './_components/site/icons';

export const metadata: Metadata = { title: 'Page not found · Seite nicht gefunden — Messenger Lab' };

export default function NotFound() {
  return (
    <html lang="en">
      <body className="chooser-body">
        <main className="chooser" id="main">
          <p className="chooser-brand">
            <LogoMark />
            <span>Messenger Lab</span>
          </p>
          <h1>
            <span>Page not found</span>
            <span className="chooser-de" lang="de">
              Seite nicht gefunden
            </span>
          </h1>
          <p>
            This page does not exist, or it has moved.{' '}
            <span lang="de">Diese Seite gibt es nicht, oder sie ist umgezogen.</span>
          </p>
          <ul className="chooser-links">
            <li>
              <a href="/en/" hrefLang="en" lang="en">
                <span className="chooser-lang">Course overview</span>
                <span className="chooser-hint">English</span>
              </a>
            </li>
            <li>
              <a href="/de/" hrefLang="de" lang="de">
                <span className="chooser-lang">Kursübersicht</span>
                <span className="chooser-hint">Deutsch</span>
              </a>
            </li>
          </ul>
        </main>
      </body>
    </html>
  );
}
