import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyReporting } from '@shared/schemas/reporting.js';
import { loadConfig } from '../../config.js';
import { buildUser } from '../../test/factories.js';
import { buildReportingWorld, buildRound } from '../../test/reporting-factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { sendRemindersCommand } from '../../cli/commands/reminders.js';
import { reminderKind, sweepReminders } from './reminders.service.js';

interface Captured {
  to: string[];
  raw: string;
}

let t: TestApp;
let smtp: SMTPServer;
let smtpUrl: string;
const inbox: Captured[] = [];

beforeAll(async () => {
  t = await createTestApp();
  // A real SMTP server on a free port, no TLS or login, keeping every message it receives.
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.close();
});

const TODAY = '2025-06-10';
const configWith = (env: Record<string, string> = {}) => loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://fieldbook.example.org', REMINDER_DAYS_BEFORE: '3', ...env });
/** The message with its MIME parts decoded (quoted-printable or base64, RFC 2047 headers), enough to read the words. */
function readable(raw: string): string {
  // Adjacent encoded words form one text (a character may be split between them): decode their bytes together.
  const words = raw.replace(/(?:=\?UTF-8\?[BQ]\?[^?]*\?=\s*)+/gi, (run) =>
    Buffer.concat(
      [...run.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)].map(([, enc, text]) =>
        enc!.toUpperCase() === 'B' ? Buffer.from(text!, 'base64') : Buffer.from(decodeQp(text!.replace(/_/g, ' ')), 'utf8'),
      ),
    ).toString('utf8'),
  );
  const base64Parts = [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi)].map((m) => Buffer.from(m[1]!.replace(/\s/g, ''), 'base64').toString('utf8'));
  return [decodeQp(words), ...base64Parts].join('\n');
}
function decodeQp(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
const mailsTo = (email: string) => inbox.filter((m) => m.to.includes(email)).map((m) => readable(m.raw));

describe('which reminder a package is owed', () => {
  it('before_due from N days before the due date through the due date, overdue the day after', () => {
    expect(reminderKind('2025-06-14', '2025-06-10', 3)).toBeNull();
    expect(reminderKind('2025-06-13', '2025-06-10', 3)).toBe('before_due');
    expect(reminderKind('2025-06-10', '2025-06-10', 3)).toBe('before_due');
    expect(reminderKind('2025-06-09', '2025-06-10', 3)).toBe('overdue');
    expect(reminderKind('2025-06-10', '2025-06-10', 0)).toBe('before_due');
  });
});

describe('the reminder sweep', () => {
  it('mails the reporters of each package not handed in, in their language, once even when two sweeps race', async () => {
    const w = await buildReportingWorld(t.db);
    await t.db.updateTable('users').set({ locale: 'fr' }).where('id', '=', w.users.partnerReporter.id).execute();
    const arabic = await buildUser(t.db, { organisationId: w.partner.id, grants: [{ role: 'reporter', scopeType: 'project', scopeId: w.project.id }] });
    await t.db.updateTable('users').set({ locale: 'ar' }).where('id', '=', arabic.id).execute();
    // Not reminded: disabled, a viewer of the partner, a reporter on another project.
    await buildUser(t.db, { organisationId: w.partner.id, disabled: true, grants: [{ role: 'partner_reporter', scopeType: 'project', scopeId: w.project.id }] });
    const partnerViewer = await buildUser(t.db, { organisationId: w.partner.id, grants: [{ role: 'viewer', scopeType: 'project', scopeId: w.project.id }] });
    const elsewhere = await buildUser(t.db, { organisationId: w.partner.id, grants: [{ role: 'partner_reporter', scopeType: 'project', scopeId: w.lead.id }] });
    // Q2 due in 2 days: partner (draft) gets before_due; other (submitted) nothing. Q1 overdue: other (returned) gets overdue.
    const q2 = await buildRound(t.db, {
      projectId: w.project.id, periodKey: '2025-Q2', dueDate: '2025-06-12',
      reporters: [{ organisationId: w.partner.id }, { organisationId: w.other.id, status: 'submitted', submittedBy: w.users.otherReporter.id }],
    });
    const q1 = await buildRound(t.db, { projectId: w.project.id, periodKey: '2025-Q1', dueDate: '2025-04-15', reporters: [{ organisationId: w.other.id, status: 'returned' }] });
    // Far ahead, and a closed round: nothing.
    await buildRound(t.db, { projectId: w.project.id, periodKey: '2025-Q3', dueDate: '2025-10-15', reporters: [{ organisationId: w.partner.id }] });
    await buildRound(t.db, { projectId: w.project.id, periodKey: '2025-Q4', dueDate: '2025-01-15', status: 'closed', reporters: [{ organisationId: w.partner.id }] });

    const config = configWith({ SMTP_URL: smtpUrl });
    const [a, b] = await Promise.all([sweepReminders(t.db, config, { today: TODAY }), sweepReminders(t.db, config, { today: TODAY })]);
    const sent = [...a, ...b].filter((s) => s.roundId === q1.round.id || s.roundId === q2.round.id);
    expect(sent.map((s) => [s.periodKey, s.organisation, s.kind, s.recipients, s.emailed]).sort()).toEqual([
      ['2025-Q1', w.other.name, 'overdue', 1, 1],
      ['2025-Q2', w.partner.name, 'before_due', 2, 2],
    ]);
    const partnerMail = mailsTo(w.users.partnerReporter.email);
    expect(partnerMail).toHaveLength(1);
    expect(partnerMail[0]).toContain('Rapport attendu le 2025-06-12');
    expect(partnerMail[0]).toContain(`https://fieldbook.example.org/submissions/${q2.submissions[0]!.id}`);
    const arabicMail = mailsTo(arabic.email);
    expect(arabicMail).toHaveLength(1);
    expect(arabicMail[0]).toContain('dir="rtl"');
    expect(arabicMail[0]).toContain('تقرير مستحق في 2025-06-12');
    expect(arabicMail[0]).toContain('افتح التقرير');
    const otherMail = mailsTo(w.users.otherReporter.email);
    expect(otherMail).toHaveLength(1);
    expect(otherMail[0]).toContain('was due on 2025-04-15');
    for (const nobody of [partnerViewer, elsewhere]) expect(mailsTo(nobody.email)).toHaveLength(0);
    const rows = await t.db.selectFrom('round_reminders').selectAll().where('round_id', 'in', [q1.round.id, q2.round.id]).orderBy('kind').execute();
    expect(rows.map((r) => [r.kind, r.emailed])).toEqual([['before_due', 2], ['overdue', 1]]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'reporting_round.reminder').where('entity_id', '=', q2.submissions[0]!.id).execute();
    expect(audit.map((e) => [e.actor_email, e.actor_user_id])).toEqual([['system', null]]);

    // A third sweep sends nothing more; the partner reporter sees the reminder in the app.
    const before = inbox.length;
    expect((await sweepReminders(t.db, config, { today: TODAY })).filter((s) => s.roundId === q2.round.id)).toEqual([]);
    expect(inbox.length).toBe(before);
    const mine = (await (await t.as(w.users.partnerReporter.id)).get('/api/me/reporting')).json() as MyReporting;
    expect(mine.reminders.map((r) => [r.periodKey, r.kind])).toEqual([['2025-Q2', 'before_due']]);
  });

  it('without SMTP records the reminder for the app only, and the CLI prints what it sent', async () => {
    const w = await buildReportingWorld(t.db);
    const round = await buildRound(t.db, { projectId: w.project.id, periodKey: '2025-Q1', dueDate: '2025-04-15', reporters: [{ organisationId: w.partner.id }] });
    const before = inbox.length;
    const lines: string[] = [];
    const sent = (await sendRemindersCommand(t.db, { ...configWith(), sqliteFile: '' }, (l) => lines.push(l))).filter((s) => s.roundId === round.round.id);
    expect(sent).toEqual([expect.objectContaining({ kind: 'overdue', recipients: 1, emailed: 0 })]);
    expect(inbox.length).toBe(before);
    expect(lines.some((l) => l.includes(`${w.project.code} 2025-Q1`) && l.includes('overdue reminder, 0 of 1 people e-mailed'))).toBe(true);
    expect(lines.at(-1)).toBe('SMTP_URL is not set: the reminders show in the app only.');
    const row = await t.db.selectFrom('round_reminders').selectAll().where('round_id', '=', round.round.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ organisation_id: w.partner.id, kind: 'overdue', emailed: 0 });
    const mine = (await (await t.as(w.users.partnerReporter.id)).get('/api/me/reporting')).json() as MyReporting;
    expect(mine.reminders).toEqual([{ roundId: round.round.id, projectCode: w.project.code, periodKey: '2025-Q1', kind: 'overdue', sentAt: row.sent_at }]);
    // Another organisation's reader does not see it.
    expect(((await (await t.as(w.users.otherReporter.id)).get('/api/me/reporting')).json() as MyReporting).reminders).toEqual([]);
  });
});
