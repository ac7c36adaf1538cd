'use client';
/**
 * "Download capture (.pcapng)" in the widget's footnote: the trace on screen as a Wireshark capture
 * (lib/pcapng/export.ts), made in the browser when asked (Blob + object URL), nothing sent anywhere.
 * The same file as `npm run sim -- export ID --seed 1 --pcapng FILE`.
 * @module
 */
import type { Locale } from '../../_i18n/locales';
import { wt } from '../../_i18n/widget';
import { exportPcapng } from '../../../lib/pcapng/export';
import type { Trace } from '../../../lib/sim/types';

export function CaptureDownload({ trace, locale }: { trace: Trace; locale: Locale }) {
  const download = () => {
    const x = exportPcapng(trace);
    const url = URL.createObjectURL(new Blob([x.bytes as BlobPart], { type: 'application/vnd.tcpdump.pcap' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = x.fileName;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <button type="button" className="mlw-btn mlw-btn--text mlw-capture" onClick={download} title={wt(locale, 'captureTitle')} data-testid="capture-download">
      {wt(locale, 'captureDownload')}
    </button>
  );
}
