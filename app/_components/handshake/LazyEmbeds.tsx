'use client';
/**
 * `<Handshake>` and `<ScramCalculator>` in a lesson, loaded only when the reader comes near them: each runs
 * its preset with the whole engine (real TLS included), which must not be in the scripts every lesson page
 * loads before its text can be read (issue #13: ≤ 160 KiB before interaction). Until then a box of the
 * embed's usual height holds its place and says what comes; without JavaScript it says that it needs it.
 * @module
 */
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { ROOT_MARGIN } from '../scenario/LazyScenario';
import type { HandshakeEmbed as HandshakeEmbedType, ScramEmbed as ScramEmbedType } from './HandshakeEmbed';

const HandshakeEmbed = dynamic(() => import('./HandshakeEmbed').then((m) => m.HandshakeEmbed), { ssr: false });
const ScramEmbed = dynamic(() => import('./HandshakeEmbed').then((m) => m.ScramEmbed), { ssr: false });


function NearViewport({ note, minHeight, children }: { note: string; minHeight: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || near) return;
    if (typeof IntersectionObserver === 'undefined') return setNear(true);
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: ROOT_MARGIN });
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  return near ? (
    <>{children}</>
  ) : (
    <div ref={box} className="breakout hs-lazy" style={{ minHeight }} onPointerDown={() => setNear(true)} onFocus={() => setNear(true)}>
      <p className="mlw-lazy-note">{note}</p>
    </div>
  );
}

export function LazyHandshake(props: ComponentProps<typeof HandshakeEmbedType> & { note: string }) {
  const { note, ...rest } = props;
  return (
    <NearViewport note={note} minHeight="40rem">
      <HandshakeEmbed {...rest} />
    </NearViewport>
  );
}

export function LazyScram(props: ComponentProps<typeof ScramEmbedType> & { note: string }) {
  const { note, ...rest } = props;
  return (
    <NearViewport note={note} minHeight="24rem">
      <ScramEmbed {...rest} />
    </NearViewport>
  );
}
