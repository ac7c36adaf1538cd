/**
 * The Binding method, RFC 8489 §3 and §6: requests, success responses carrying the reflexive
 * address (XOR-MAPPED-ADDRESS, §14.2; MAPPED-ADDRESS only for RFC 3489 clients, §12), error
 * responses (ERROR-CODE §14.8, UNKNOWN-ATTRIBUTES §14.13), and reading the address back.
 * Transaction IDs come from an injected random source (§6: "uniformly and randomly chosen").
 * @module
 */
import {
  ATTR,
  decodeErrorCode,
  decodeMappedAddress,
  decodeXorMappedAddress,
  encodeErrorCode,
  encodeMappedAddress,
  encodeUnknownAttributes,
  encodeXorMappedAddress,
  textValue,
  type TransportAddress,
} from './attributes';
import { findAttribute, METHOD_BINDING, type StunAttribute, type StunMessage } from './message';

export type RandomBytes = (n: number) => Uint8Array;

/** §6: "The transaction ID MUST be uniformly and randomly chosen from the interval 0 .. 2**96-1". */
export function newTransactionId(randomBytes: RandomBytes): Uint8Array {
  const id = randomBytes(12);
  if (id.length !== 12) throw new RangeError('stun: randomBytes(12) returned the wrong length');
  return id;
}

export interface BindingRequestOptions {
  readonly software?: string;
  readonly username?: string;
}

export function bindingRequest(transactionId: Uint8Array, options: BindingRequestOptions = {}): StunMessage {
  const attributes: StunAttribute[] = [];
  if (options.software) attributes.push({ type: ATTR.SOFTWARE, value: textValue(options.software) });
  if (options.username) attributes.push({ type: ATTR.USERNAME, value: textValue(options.username) });
  return { method: METHOD_BINDING, cls: 'request', transactionId, attributes };
}

/*
 * SOFTWARE goes only to RFC 8489 clients: at the same type (0x8022) RFC 3489 §11.2.10 had SERVER,
 * whose "length MUST be a multiple of 4", and a classic client rejects other lengths ("Bad length").
 */

/** The fields of a request that a response to it copies (§6.3.1.1: "same transaction ID"). */
type RequestIds = Pick<StunMessage, 'method' | 'transactionId' | 'classic' | 'classicId'>;
const replyTo = (req: RequestIds): Pick<StunMessage, 'method' | 'transactionId' | 'classic' | 'classicId'> =>
  req.classic ? { method: req.method, transactionId: req.transactionId, classic: true, classicId: req.classicId } : { method: req.method, transactionId: req.transactionId };

/**
 * §6.3.1.1: "the server adds an XOR-MAPPED-ADDRESS attribute to the response ... The server MUST
 * add the attribute if the request used the magic cookie"; §12 (RFC 3489 clients): "the server
 * MUST NOT include XOR-MAPPED-ADDRESS ... and MUST include a MAPPED-ADDRESS attribute".
 */
export function bindingSuccess(request: RequestIds, source: TransportAddress, software?: string): StunMessage {
  const attributes: StunAttribute[] = request.classic
    ? [{ type: ATTR.MAPPED_ADDRESS, value: encodeMappedAddress(source) }]
    : [{ type: ATTR.XOR_MAPPED_ADDRESS, value: encodeXorMappedAddress(source, request.transactionId) }];
  if (software && !request.classic) attributes.push({ type: ATTR.SOFTWARE, value: textValue(software) });
  return { ...replyTo(request), cls: 'success', attributes };
}

/** §6.3.1.1 error response; 420 carries UNKNOWN-ATTRIBUTES (§14.13). */
export function errorResponse(request: RequestIds, code: number, reason: string, unknown: readonly number[] = [], software?: string): StunMessage {
  const attributes: StunAttribute[] = [{ type: ATTR.ERROR_CODE, value: encodeErrorCode(code, reason) }];
  if (unknown.length) attributes.push({ type: ATTR.UNKNOWN_ATTRIBUTES, value: encodeUnknownAttributes(unknown) });
  if (software && !request.classic) attributes.push({ type: ATTR.SOFTWARE, value: textValue(software) });
  return { ...replyTo(request), cls: 'error', attributes };
}

/** The reflexive address in a success response: XOR-MAPPED-ADDRESS, else MAPPED-ADDRESS (§14.1). */
export function reflexiveAddress(response: StunMessage): TransportAddress | null {
  const xor = findAttribute(response, ATTR.XOR_MAPPED_ADDRESS);
  if (xor) return decodeXorMappedAddress(xor.value, response.transactionId);
  const plain = findAttribute(response, ATTR.MAPPED_ADDRESS);
  return plain ? decodeMappedAddress(plain.value) : null;
}

export function errorOf(response: StunMessage): { code: number; reason: string } | null {
  const attr = findAttribute(response, ATTR.ERROR_CODE);
  return attr ? decodeErrorCode(attr.value) : null;
}

export const formatAddress = (a: TransportAddress): string => (a.family === 4 ? `${a.address}:${a.port}` : `[${a.address}]:${a.port}`);
