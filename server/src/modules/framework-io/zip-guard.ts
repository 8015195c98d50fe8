/**
 * An .xlsx file is a zip archive. ExcelJS unpacks every part into memory, so a small file that
 * unpacks to gigabytes (a "zip bomb") could exhaust the server before any row limit applies.
 * This reads the archive's central directory and adds up the sizes its entries declare.
 */
export type ZipCheck = 'ok' | 'not_zip' | 'too_large';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function checkZip(buf: Buffer, maxUnpacked: number): ZipCheck {
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65,535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'not_zip';
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return 'not_zip';
    const size = buf.readUInt32LE(at + 24);
    // 0xFFFFFFFF means the real size is in a ZIP64 field: far beyond anything a framework needs.
    if (size === 0xffffffff) return 'too_large';
    total += size;
    if (total > maxUnpacked) return 'too_large';
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return 'ok';
}
