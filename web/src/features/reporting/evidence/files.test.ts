import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '@shared/schemas/reporting.js';
import { attachmentProblem, attachmentType, importFormat, sizeParts, typeLabel } from './files.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const format = (bytes: number, locale: string) => {
  const [value, options] = sizeParts(bytes);
  return new Intl.NumberFormat(locale, options).format(value);
};

describe('attachment checks', () => {
  it('takes the browser type when it is an accepted one', () => {
    expect(attachmentType({ name: 'liste.pdf', type: 'application/pdf' })).toBe('application/pdf');
    expect(attachmentType({ name: 'photo', type: 'image/webp' })).toBe('image/webp');
  });

  it('falls back on the extension when the browser reports another or no type (Windows calls a CSV an Excel file)', () => {
    expect(attachmentType({ name: 'presence.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(attachmentType({ name: 'Photo.JPG', type: '' })).toBe('image/jpeg');
    expect(attachmentType({ name: 'rapport.docx', type: '' })).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('refuses other types, empty files and files over the limit, and accepts the limit itself', () => {
    expect(attachmentProblem({ name: 'setup.exe', type: 'application/x-msdownload', size: 10 })).toEqual({ reason: 'bad_type' });
    expect(attachmentProblem({ name: 'old.xls', type: 'application/vnd.ms-excel', size: 10 })).toEqual({ reason: 'bad_type' });
    expect(attachmentProblem({ name: 'a.pdf', type: 'application/pdf', size: 0 })).toEqual({ reason: 'empty' });
    expect(attachmentProblem({ name: 'a.pdf', type: 'application/pdf', size: ATTACHMENT_MAX_BYTES + 1 })).toEqual({ reason: 'too_large', maxBytes: 10_485_760 });
    expect(attachmentProblem({ name: 'a.pdf', type: 'application/pdf', size: ATTACHMENT_MAX_BYTES })).toBeNull();
  });

  it('names types the same in every language', () => {
    expect(typeLabel(XLSX)).toBe('XLSX');
    expect(typeLabel('image/jpeg')).toBe('JPG');
    expect(typeLabel('application/zip')).toBe('application/zip');
  });
});

describe('import file format', () => {
  it('knows the template and CSV by extension or type, and nothing else', () => {
    expect(importFormat({ name: 'CLM-KOL-01 2026-Q3.xlsx', type: '' })).toEqual({ format: 'xlsx', contentType: XLSX });
    expect(importFormat({ name: 'valeurs.CSV', type: 'application/vnd.ms-excel' })).toEqual({ format: 'csv', contentType: 'text/csv' });
    expect(importFormat({ name: 'values', type: 'text/csv' })).toEqual({ format: 'csv', contentType: 'text/csv' });
    expect(importFormat({ name: 'values.xls', type: 'application/vnd.ms-excel' })).toBeNull();
  });
});

describe('file sizes', () => {
  it('writes bytes in full, then binary kilobytes and megabytes with one decimal under ten', () => {
    expect(format(1, 'en')).toBe('1 byte');
    expect(format(912, 'en')).toBe('912 bytes');
    expect(format(1023, 'en')).toBe('1,023 bytes');
    expect(format(1024, 'en')).toBe('1 kB');
    expect(format(1536, 'en')).toBe('1.5 kB');
    expect(format(48 * 1024 + 300, 'en')).toBe('48 kB');
    expect(format(3.4 * 1024 * 1024, 'en')).toBe('3.4 MB');
    expect(format(ATTACHMENT_MAX_BYTES, 'en')).toBe('10 MB');
  });

  it('follows the language: octets and a decimal comma in French', () => {
    // French puts a no-break space between the number and its unit.
    expect(format(912, 'fr').replace(/\s/g, ' ')).toBe('912 octets');
    expect(format(3.4 * 1024 * 1024, 'fr').replace(/\s/g, ' ')).toBe('3,4 Mo');
  });
});
