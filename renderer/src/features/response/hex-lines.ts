/** Bytes per row of the hex view, as in xxd and every hex editor. */
export const HEX_ROW_BYTES = 16;

/** `00000010  48 65 6c 6c 6f 20 77 6f  72 6c 64 0a 00 01 02 03  |Hello world.....|` */
export function hexLine(offset: number, bytes: Uint8Array): string {
  let hex = '';
  let ascii = '';
  for (let i = 0; i < HEX_ROW_BYTES; i++) {
    const byte = bytes[i];
    hex += byte === undefined ? '   ' : `${byte.toString(16).padStart(2, '0')} `;
    if (i === 7) hex += ' ';
    if (byte !== undefined) ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
  }
  return `${offset.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`;
}
