import { inflateRawSync } from 'node:zlib';
import { ATTACHMENT_TYPES } from '@shared/schemas/reporting.js';

/**
 * Decides an uploaded file's type from its bytes alone: never from its name or the header the
 * client sent, which anyone can set. Anything that is not plainly one of the accepted types is
 * refused (null), so a renamed page or program never passes as evidence.
 */
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const XLSX: AttachmentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX: AttachmentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** File name endings of each type: a stored name gets the right one appended when it lacks it. */
export const EXTENSIONS: Record<AttachmentType, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  [XLSX]: ['.xlsx'],
  'text/csv': ['.csv'],
  [DOCX]: ['.docx'],
};

const startsWith = (buf: Buffer, bytes: number[], at = 0) => buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a zip archive from its central directory, or null when it is not a well-formed one. */
function zipEntries(buf: Buffer): ZipEntry[] | null {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    if (at + 46 + nameLength > buf.length) return null;
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      localOffset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** One small entry's text (at most 1 MB unpacked: [Content_Types].xml is a few kB). */
function entryText(buf: Buffer, e: ZipEntry): string | null {
  const at = e.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) return null;
  try {
    if (e.method === 0) return data.toString('utf8');
    if (e.method === 8) return inflateRawSync(data, { maxOutputLength: 1024 * 1024 }).toString('utf8');
  } catch {
    return null;
  }
  return null;
}

/** An Office Open XML workbook or document: the main part is there and declared with its content type. */
function officeType(buf: Buffer): AttachmentType | null {
  const entries = zipEntries(buf);
  if (!entries) return null;
  const names = new Set(entries.map((e) => e.name));
  const types = entries.find((e) => e.name === '[Content_Types].xml');
  const declared = types ? entryText(buf, types) : null;
  if (!declared) return null;
  // The macro-free main parts only: a .xlsm or .docm declares `macroEnabled` and is refused.
  if (names.has('xl/workbook.xml') && declared.includes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')) return XLSX;
  if (names.has('word/document.xml') && declared.includes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')) return DOCX;
  return null;
}

/** Markup a browser would render if it were ever sniffed: never accepted as CSV. */
const MARKUP = /<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|\?xml|meta|a\s|img)/i;

/** Plain text: no NUL or other control characters than tab and line ends, and nothing that looks like markup. */
function isCsv(buf: Buffer): boolean {
  for (const byte of buf) if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) return false;
  const text = buf.toString('latin1');
  return !text.trimStart().replace(/^\u00ef\u00bb\u00bf/, '').startsWith('<') && !MARKUP.test(text);
}

export function detectAttachmentType(buf: Buffer): AttachmentType | null {
  if (buf.length === 0) return null;
  if (startsWith(buf, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return officeType(buf);
  return isCsv(buf) ? 'text/csv' : null;
}

/**
 * A safe name to store and send back: no folders, no control or direction-changing characters,
 * at most 200 characters, ending in an extension of the detected type.
 */
export function cleanFileName(raw: string, type: AttachmentType): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let name = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim().replace(/^\.+/, '');
  const extensions = EXTENSIONS[type];
  if (!extensions.some((ext) => name.toLowerCase().endsWith(ext))) name = `${name || 'file'}${extensions[0]}`;
  const chars = [...name];
  if (chars.length <= 200) return name;
  const ext = extensions.find((e) => name.toLowerCase().endsWith(e))!;
  return [...chars.slice(0, 200 - ext.length), ...ext].join('');
}
