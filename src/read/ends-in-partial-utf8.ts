/**
 * True when the bytes are valid UTF-8 up to a multi-byte sequence cut off at the end:
 * the sign of a file still being written. Checked on the last four bytes only.
 */
export function endsInPartialUtf8(bytes: Uint8Array): boolean {
  const length = bytes.length;
  for (let back = 1; back <= Math.min(4, length); back++) {
    const byte = bytes[length - back]!;
    if ((byte & 0b1100_0000) === 0b1000_0000) continue; // continuation byte: keep looking for the lead
    const needed = byte >= 0b1111_0000 ? 4 : byte >= 0b1110_0000 ? 3 : byte >= 0b1100_0000 ? 2 : 1;
    return needed > back;
  }
  return false;
}
