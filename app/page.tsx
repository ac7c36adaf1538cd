/**
 * The site root: offers English and German and follows the browser's language. A tiny inline script
 * sends the visitor to /de/ when navigator.languages prefers German (before English), else to /en/;
 * without JavaScript the two plain links do the job. `?choose` stays on this page.
 * @module
 */
import type { Metadata } from 'next';
import { site } from './_i18n/site';
import { BilingualTitle, CourseLinks } from './_components/site/BilingualNotice';
import { webApp } from './_components/site/web-app';

export const metadata: Metadata = {
  title: 'Messenger Lab',
  description: `${site.en.metaDescription} — ${site.de.metaDescription}`,
  ...webApp,
};

// Runs while the page loads: the first of navigator.languages that is English or German wins.
const followBrowserLanguage = `(function(){try{if(/[?&]choose\\b/.test(location.search))return;var l=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language||""];for(var i=0;i<l.length;i++){var p=String(l[i]).toLowerCase().split("-")[0];if(p==="de"||p==="en"){location.replace("/"+p+"/");return}}location.replace("/en/")}catch(e){}})();`;

export default function RootPage() {
  return (
    <html lang="en">
      <body className="chooser-body">
        <script dangerouslySetInnerHTML={{ __html: followBrowserLanguage }} />
        <main className="chooser" id="main">
          <BilingualTitle title={{ en: site.en.tagline, de: site.de.tagline }} />
          <CourseLinks
            en={{ label: 'English', hint: 'Start the course in English' }}
            de={{ label: 'Deutsch', hint: 'Den Kurs auf Deutsch beginnen' }}
          />
        </main>
      </body>
    </html>
  );
}
