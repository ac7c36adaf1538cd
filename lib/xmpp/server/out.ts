/** Small output helpers shared by the server's modules: a stanza as a wire piece, a send to a c2s session. @module */
import type { NoteKey } from '../../narration/notes';
import type { HostOutput, Note } from '../../sim/types';
import type { XmlElement } from '../../xml/element';
import { serialize } from '../../xml/serialize';
import { otrInnerOf } from '../im/otr-layer';
import { sendOutput, type WirePiece } from '../wire';
import type { Session } from './state';

/** A stanza as a wire piece; a relayed OTR body keeps its 'otr' layer (lib/xmpp/im/otr-layer.ts). */
export function piece(el: XmlElement, inner?: WirePiece['inner']): WirePiece {
  const layer = inner ?? otrInnerOf(el);
  return { text: serialize(el), label: `<${el.name}/>`, ...(layer ? { inner: layer } : {}) };
}

export function toSession(sess: Session, pieces: WirePiece[], note: Note): HostOutput {
  return sendOutput(sess.node, pieces, sess.tcp, note, sess.tls);
}

export function note(key: NoteKey, params: Record<string, string | number> = {}): HostOutput {
  return { type: 'note', note: { key, params } };
}

export const STREAM_CLOSE: WirePiece = { text: '</stream:stream>', label: 'stream close' };
export const XML_DECL = "<?xml version='1.0'?>";
