import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '@shared/schemas/reporting.js';

/**
 * Browsers name a file's type from the operating system's table, which is often empty or different
 * (Windows calls a CSV `application/vnd.ms-excel`), so the extension decides when the reported type
 * is not one of ours. The server checks the content again; this only spares a useless upload.
 */
const BY_EXTENSION: Record<string, (typeof ATTACHMENT_TYPES)[number]> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A short name for an evidence type ("PDF", "XLSX"), the same in every language. */
export function typeLabel(contentType: string): string {
  const ext = Object.entries(BY_EXTENSION).find(([, type]) => type === contentType)?.[0];
  return ext ? ext.toUpperCase() : contentType;
}

/** The accepted types as the reader knows them: "PDF, JPEG, PNG, WEBP, XLSX, CSV, DOCX". */
export const ACCEPTED_LABELS = ATTACHMENT_TYPES.map(typeLabel).join(', ');

/** The extensions an attachment may have, for the file picker's `accept`. */
export const ATTACHMENT_ACCEPT = Object.keys(BY_EXTENSION).map((e) => `.${e}`).join(',');

const extensionOf = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** The evidence type a file will be sent as, or null when it is none of the accepted ones. */
export function attachmentType(file: { name: string; type: string }): string | null {
  if ((ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return file.type;
  return BY_EXTENSION[extensionOf(file.name)] ?? null;
}

export type FileProblem = { reason: 'empty' | 'too_large' | 'bad_type'; maxBytes?: number };

/** Why a file cannot be attached, checked before uploading; null when it may be sent. */
export function attachmentProblem(file: { name: string; type: string; size: number }): FileProblem | null {
  if (!attachmentType(file)) return { reason: 'bad_type' };
  if (file.size === 0) return { reason: 'empty' };
  if (file.size > ATTACHMENT_MAX_BYTES) return { reason: 'too_large', maxBytes: ATTACHMENT_MAX_BYTES };
  return null;
}

/** A values file to import: XLSX (the template) or CSV; null when it is neither. */
export function importFormat(file: { name: string; type: string }): { format: 'xlsx' | 'csv'; contentType: string } | null {
  const ext = extensionOf(file.name);
  if (ext === 'xlsx' || file.type === BY_EXTENSION.xlsx) return { format: 'xlsx', contentType: BY_EXTENSION.xlsx! };
  if (ext === 'csv' || file.type === 'text/csv') return { format: 'csv', contentType: 'text/csv' };
  return null;
}

/** The server's limit on an imported file (MAX_UPLOAD_BYTES of the import): a larger file is refused here, before the upload. */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * A file size as a number and the Intl options that write it: "912 bytes", "48 kB", "3.4 MB"
 * (binary multiples, as file managers on Windows show them, so the figure matches what the reporter
 * sees on their computer). Pass both to `formatNumber` for the user's language.
 */
export function sizeParts(bytes: number): [number, Intl.NumberFormatOptions] {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return [
    value,
    { style: 'unit', unit: UNITS[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1 },
  ];
}
