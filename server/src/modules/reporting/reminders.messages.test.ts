import { describe, expect, it } from 'vitest';
import { LOCALES } from '@shared/locales.js';
import { reminderMail } from './reminders.messages.js';

const facts = {
  name: 'Awa <b>Diallo</b>',
  organisation: 'Eau & Vie "Sahel"',
  projectCode: 'WASH-01',
  projectTitle: '<script>alert(1)</script>',
  periodKey: '2026-Q3',
  dueDate: '2026-10-15',
  link: 'https://fieldbook.example.org/submissions/abc',
};

describe('reminder e-mails', () => {
  it('escape every name in the HTML and keep the plain text as written', () => {
    const mail = reminderMail('awa@example.org', 'en', 'overdue', facts);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Eau &amp; Vie &quot;Sahel&quot;');
    expect(mail.html).toContain('Awa &lt;b&gt;Diallo&lt;/b&gt;');
    expect(mail.text).toContain('Eau & Vie "Sahel"\'s report for WASH-01 – <script>alert(1)</script>, period 2026-Q3, was due on 2026-10-15');
    expect(mail.text.endsWith('Open the report: https://fieldbook.example.org/submissions/abc')).toBe(true);
    expect(mail.subject).toBe('Report overdue: WASH-01 2026-Q3');
  });

  it('are written in each language, right to left in Arabic, English for an unknown or missing choice', () => {
    const subjects = LOCALES.map((l) => reminderMail('x@example.org', l, 'before_due', facts).subject);
    expect(new Set(subjects).size).toBe(4);
    expect(subjects.every((s) => s.includes('2026-10-15') && s.includes('WASH-01'))).toBe(true);
    expect(reminderMail('x@example.org', 'ar', 'before_due', facts).html).toMatch(/^<div dir="rtl" lang="ar">/);
    expect(reminderMail('x@example.org', 'fr', 'overdue', facts).text).toContain('Ouvrir le rapport');
    expect(reminderMail('x@example.org', null, 'overdue', facts).subject).toBe('Report overdue: WASH-01 2026-Q3');
    expect(reminderMail('x@example.org', 'de', 'overdue', facts).subject).toBe('Report overdue: WASH-01 2026-Q3');
  });
});
