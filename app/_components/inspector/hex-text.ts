/** Hex as the OTR dissection and the forger's rows show it: blocks of four digits (`9a3f 01c2 …`). */
export function groupHex(hex: string): string {
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}
