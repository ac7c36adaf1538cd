/**
 * The code points of TLS 1.3 that this implementation names (RFC 8446 §4 "Handshake Protocol",
 * §4.2 "Extensions", §5.1 "Record Layer", §6 "Alert Protocol", Appendix B.3 and B.4). Only what we
 * speak or must recognise; everything else is carried as an opaque number.
 * @module
 */

/** §5.1 `enum { invalid(0), change_cipher_spec(20), alert(21), handshake(22), application_data(23) } ContentType;` */
export const ContentType = {
  change_cipher_spec: 20,
  alert: 21,
  handshake: 22,
  application_data: 23,
} as const;

/** §4 `enum { client_hello(1), server_hello(2), new_session_ticket(4), … } HandshakeType;` */
export const HandshakeType = {
  client_hello: 1,
  server_hello: 2,
  new_session_ticket: 4,
  end_of_early_data: 5,
  encrypted_extensions: 8,
  certificate: 11,
  certificate_request: 13,
  certificate_verify: 15,
  finished: 20,
  key_update: 24,
  message_hash: 254,
} as const;

/** §4.2 `enum { server_name(0), … } ExtensionType;` — the ones we read or write. */
export const ExtensionType = {
  server_name: 0,
  supported_groups: 10,
  signature_algorithms: 13,
  record_size_limit: 28,
  pre_shared_key: 41,
  early_data: 42,
  supported_versions: 43,
  cookie: 44,
  psk_key_exchange_modes: 45,
  key_share: 51,
} as const;

/** §4.2.7 NamedGroup: the one we compute with. */
export const X25519 = 0x001d;

/** §4.2.3 SignatureScheme: the ones we sign and verify, and RFC 8448's RSA one (never verified here). */
export const SignatureScheme = {
  ecdsa_secp256r1_sha256: 0x0403,
  ed25519: 0x0807,
  rsa_pss_rsae_sha256: 0x0804,
} as const;
export type SignatureSchemeName = keyof typeof SignatureScheme;

/** Appendix B.4: `{0x13,0x01} TLS_AES_128_GCM_SHA256`, the only suite we offer or accept. */
export const TLS_AES_128_GCM_SHA256 = 0x1301;

/** §4.2.1 "TLS 1.3 … MUST send … supported_versions … containing 0x0304". */
export const TLS13 = 0x0304;
/** §4.1.2 legacy_version = 0x0303; §5.1 legacy_record_version 0x0301 is allowed for the first ClientHello. */
export const TLS12 = 0x0303;
export const TLS10 = 0x0301;

/** §4.1.3: the SHA-256 of "HelloRetryRequest" that a ServerHello's random carries to mean HRR. */
export const HELLO_RETRY_REQUEST_RANDOM =
  'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';
