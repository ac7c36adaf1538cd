/**
 * The site root: offers English and German and follows the browser's language. A tiny inline script
 * sends the visitor to /de/ when navigator.languages prefers German (before English), else to /en/;
 * without JavaScript the two plain links do the job. `?choose` stays on this page.
 * @module
 */
import type { Metadata } from 'next';
import { site } from './_i18n/site';
import { LogoMark } from './_components/site/icons';

export const metadata: Metadata = {
  title: 'Messenger Lab',
  description: `${site.en.metaDescription} — ${site.de.metaDescription}`,
  icons: { icon: '/favicon.svg' },
};

// Runs while the page loads: the first of navigator.languages that is English or German wins.
const followBrowserLanguage = `(function(){try{if(/[?&]choose\\b/.test(location.search))return;var l=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language||""];for(var i=0;i<l.length;i++){var p=String(l[i]).toLowerCase().split("-")[0];if(p==="de"||p==="en"){location.replace("/"+p+"/");return}}location.replace("/en/")}catch(e){}})();`;

export default function RootPage() {
  return (
    <html lang="en">
      <body className="chooser-body">
        <script dangerouslySetInnerHTML={{ __html: followBrowserLanguage }} />
        <main className="chooser" id="main">
          <p className="chooser-brand">
            <LogoMark />
            <span>Messenger Lab</span>
          </p>
          <h1>
            <span>{site.en.tagline}</span>
            <span className="chooser-de" lang="de">
              {site.de.tagline}
            </span>
          </h1>
          <ul className="chooser-links">
            <li>
              <a href="/en/" hrefLang="en" lang="en">
                <span className="chooser-lang">English</span>
                <span className="chooser-hint">Start the course in English</span>
              </a>
            </li>
            <li>
              <a href="/de/" hrefLang="de" lang="de">
                <span className="chooser-lang">Deutsch</span>
                <span className="chooser-hint">Den Kurs auf Deutsch beginnen</span>
              </a>
            </li>
          </ul>
        </main>
      </body>
    </html>
  );
}
