/** 404 in both languages (the static host serves out/404.html for any unknown path). @module */
import type { Metadata } from 'next';
import { BilingualNotice } from './_components/site/BilingualNotice';
import { webApp } from './_components/site/web-app';

export const metadata: Metadata = { title: 'Page not found · Seite nicht gefunden — Messenger Lab', ...webApp };

export default function NotFound() {
  return (
    <BilingualNotice
      title={{ en: 'Page not found', de: 'Seite nicht gefunden' }}
      text={{ en: 'This page does not exist, or it has moved.', de: 'Diese Seite gibt es nicht, oder sie ist umgezogen.' }}
    />
  );
}
