import { describe, expect, it } from 'vitest';
import { cleanFileName, detectAttachmentType } from './attachments.sniff.js';
import { files } from './attachments.test-files.js';

describe('detectAttachmentType', () => {
  it.each([
    ['png', 'image/png'],
    ['pdf', 'application/pdf'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
    ['csv', 'text/csv'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ] as const)('recognises %s from its bytes', (file, type) => {
    expect(detectAttachmentType(files[file])).toBe(type);
  });

  it.each(['xlsm', 'zip', 'exe', 'html', 'svg', 'csvWithScript'] as const)('refuses %s', (file) => {
    expect(detectAttachmentType(files[file])).toBeNull();
  });

  it('refuses empty files, text with control characters and a zip whose parts are not declared', () => {
    expect(detectAttachmentType(Buffer.alloc(0))).toBeNull();
    expect(detectAttachmentType(Buffer.from('a,b\n1,\u0007\n'))).toBeNull();
    expect(detectAttachmentType(Buffer.from('PK\u0003\u0004 broken'))).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps a sound name as it is', () => {
    expect(cleanFileName("Rapport d'activité (août).pdf", 'application/pdf')).toBe("Rapport d'activité (août).pdf");
    expect(cleanFileName('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
  });

  it('drops folders, control and direction characters, and leading dots', () => {
    expect(cleanFileName('C:\\Users\\a\\..\\list.csv', 'text/csv')).toBe('list.csv');
    expect(cleanFileName('../../etc/passwd', 'text/csv')).toBe('passwd.csv');
    expect(cleanFileName('in\u202Egpj.exe', 'image/png')).toBe('ingpj.exe.png');
    expect(cleanFileName('a\r\nb\u0000.pdf', 'application/pdf')).toBe('ab.pdf');
    expect(cleanFileName('.hidden', 'image/png')).toBe('hidden.png');
    expect(cleanFileName('///', 'image/png')).toBe('file.png');
  });

  it('ends the name with an extension of the detected type', () => {
    expect(cleanFileName('attendance.pdf', 'image/png')).toBe('attendance.pdf.png');
  });

  it('keeps at most 200 characters, extension included', () => {
    const long = cleanFileName(`${'é'.repeat(300)}.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect([...long]).toHaveLength(200);
    expect(long.endsWith('é.docx')).toBe(true);
  });
});
