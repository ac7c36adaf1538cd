'use client';
/**
 * A long hex value, grouped (`9a3f 01c2 …`, UI.md "Words"): the first 16 digits with an ellipsis, a button
 * that shows all of them, and a copy button. Never truncated silently. Short values are shown whole.
 * @module
 */
import { useState } from 'react';
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';

const HEAD = 16;
const group = (hex: string) => hex.replace(/(.{4})(?=.)/g, '$1 ');

export function HexValue({ hex, locale }: { hex: string; locale: Locale }) {
  const [all, setAll] = useState(false);
  const [copied, setCopied] = useState(false);
  const long = hex.length > HEAD + 8;
  const shown = long && !all ? `${group(hex.slice(0, HEAD))} …` : group(hex);
  const copy = () => {
    void navigator.clipboard?.writeText(hex).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <span className="hs-hex">
      <code className="hs-hex-digits">{shown}</code>
      {long ? (
        <button type="button" className="hs-mini" aria-expanded={all} onClick={() => setAll((a) => !a)}>
          {all ? wt(locale, 'hsShowLess') : wt(locale, 'hsShowAll', { n: hex.length })}
        </button>
      ) : null}
      <button type="button" className="hs-mini" onClick={copy}>
        {copied ? wt(locale, 'hsCopied') : wt(locale, 'hsCopy')}
      </button>
    </span>
  );
}

/** A field's value as text: hex (all digits, grouped) when it is hex, else as the view wrote it. */
export const isHexValue = (v: string) => v.length >= 8 && /^[0-9a-f]+$/.test(v);
