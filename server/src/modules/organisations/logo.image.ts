/**
 * Reads a logo's type and size in pixels from its bytes alone (never from its name or the
 * content type the client sent). Only PNG and JPEG, the two formats Word, PDF and every browser
 * show without conversion. Anything else, or a file that only starts like one, is refused (null).
 */
export interface LogoImage {
  mediaType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG: the first chunk must be IHDR, which holds the width and height as 32-bit big-endian numbers. */
function png(buf: Buffer): LogoImage | null {
  if (buf.length < 33 || !PNG_SIGNATURE.every((b, i) => buf[i] === b)) return null;
  if (buf.readUInt32BE(8) !== 13 || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  return width > 0 && height > 0 ? { mediaType: 'image/png', width, height } : null;
}

/** Start-of-frame markers (baseline, progressive, lossless…); C4, C8 and CC are other segments. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** JPEG: walk the segments from the start of image to the first frame header, which holds the height then the width. */
function jpeg(buf: Buffer): LogoImage | null {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= buf.length) {
    if (buf[at] !== 0xff) return null;
    const marker = buf[at + 1]!;
    // Fill bytes and markers without a length (restart markers, TEM) carry no segment.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before any frame header
    const length = buf.readUInt16BE(at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (at + 9 > buf.length) return null;
      const height = buf.readUInt16BE(at + 5);
      const width = buf.readUInt16BE(at + 7);
      return width > 0 && height > 0 ? { mediaType: 'image/jpeg', width, height } : null;
    }
    at += 2 + length;
  }
  return null;
}

export function readLogoImage(buf: Buffer): LogoImage | null {
  return png(buf) ?? jpeg(buf);
}
