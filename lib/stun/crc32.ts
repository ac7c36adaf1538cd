/**
 * CRC-32 as ISO/IEC 13239 / ITU-T V.42 / IEEE 802.3 define it (reflected polynomial 0xEDB88320,
 * init and final XOR 0xFFFFFFFF) — the one RFC 8489 §14.7 names for FINGERPRINT (and RFC 1952 uses).
 * @module
 */
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
