/** A closed lock beside "cannot read" (UI.md: a layer a lens cannot open is drawn closed). Decorative. @module */
export function LockGlyph() {
  return (
    <svg className="mlw-icon mlw-lock" viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2.25} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <rect x="5" y="10.5" width="14" height="10" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
    </svg>
  );
}
