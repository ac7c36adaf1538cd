/** A session id as OTR shows it: two halves of eight hex digits, one in bold. @module */

/** The spec: the side that sent the Reveal Signature shows the first half of the ssid in bold, the other the second. */
export function SsidHalves({ ssid, bold }: { ssid: string; bold: 'first' | 'second' | null }) {
  const a = ssid.slice(0, 8);
  const b = ssid.slice(8, 16);
  return (
    <>
      {bold === 'first' ? <strong>{a}</strong> : a} {bold === 'second' ? <strong>{b}</strong> : b}
    </>
  );
}
