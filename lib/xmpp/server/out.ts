/** Small output helpers shared by the server's modules: a stanza as a wire piece, a send to a c2s session. @module */
import type { HostOutput, Note } from '../../sim/types';
import type { XmlElement } from '../../xml/element';
import { serialize } from '../../xml/serialize';
import { sendOutput, type WirePiece } from '../wire';
import type { Session } from './state';

export function piece(el: XmlElement, inner?: WirePiece['inner']): WirePiece {
  return { text: serialize(el), label: `<${el.name}/>`, ...(inner ? { inner } : {}) };
}

export function toSession(sess: Session, pieces: WirePiece[], note: Note): HostOutput {
  return sendOutput(sess.node, pieces, sess.tcp, note, sess.tls);
}

export function note(key: string, params: Record<string, string | number> = {}): HostOutput {
  return { type: 'note', note: { key, params } };
}

export const STREAM_CLOSE: WirePiece = { text: '</stream:stream>', label: 'stream close' };
export const XML_DECL = "<?xml version='1.0'?>";
