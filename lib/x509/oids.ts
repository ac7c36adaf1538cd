/**
 * The object identifiers this X.509 profile speaks, each with where it is defined. Anything else
 * in a certificate is carried as an opaque OID string.
 * @module
 */
export const OID = {
  // RFC 5280 §4.1.2.4 / X.520: attribute types in names
  commonName: '2.5.4.3',
  organizationName: '2.5.4.10',
  countryName: '2.5.4.6',
  // RFC 5480 §2.1.1: id-ecPublicKey, and §2.1.1.1 the named curve secp256r1 (prime256v1)
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  // RFC 5758 §3.2: ecdsa-with-SHA256, parameters absent
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  // RFC 8410 §3: id-Ed25519, for both key and signature, parameters absent
  ed25519: '1.3.101.112',
  // RFC 5280 §4.2.1: extensions
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  // RFC 6120 §13.7.1.4: id-on-xmppAddr, an otherName holding a UTF8String JID
  xmppAddr: '1.3.6.1.5.5.7.8.5',
} as const;

/** RFC 5280 §4.2.1.3 KeyUsage bit numbers (bit 0 is the most significant bit of the first octet). */
export const KeyUsageBit = { digitalSignature: 0, keyCertSign: 5, cRLSign: 6 } as const;
