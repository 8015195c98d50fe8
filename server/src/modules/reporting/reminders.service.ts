import type { Role, ScopeType } from '@shared/roles.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { DAY_MS, nowIso } from '../../lib/clock.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { createMailer } from '../../lib/mailer.js';
import { hasRole, projectChain } from '../access/access.policy.js';
import { type Actor, SYSTEM_ACTOR } from '../access/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type ReminderKind, reminderMail } from './reminders.messages.js';
import * as repo from './reminders.repository.js';
import { REPORTERS, ROUND_MANAGERS } from './reporting-access.js';
import { todayUtc } from './rounds.mapper.js';

export type ReminderConfig = Pick<Config, 'PUBLIC_URL' | 'SMTP_URL' | 'MAIL_FROM' | 'REMINDER_DAYS_BEFORE'>;

export interface SentReminder {
  submissionId: string;
  roundId: string;
  projectCode: string;
  periodKey: string;
  organisation: string;
  kind: ReminderKind;
  recipients: number;
  emailed: number;
}

const RECIPIENT_ROLES: readonly Role[] = [...REPORTERS, ...ROUND_MANAGERS];
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The reminder a package is owed today: `before_due` within the last days before its due date, `overdue` after. */
export function reminderKind(dueDate: string, today: string, daysBefore: number): ReminderKind | null {
  if (today > dueDate) return 'overdue';
  return today >= addDays(dueDate, -daysBefore) ? 'before_due' : null;
}

type UserRow = Awaited<ReturnType<typeof repo.reportingUsers>>[number];

/** People of the package's organisation who report (or manage) on the project's chain. */
function recipientsOf(p: repo.PackageToRemind, users: UserRow[]) {
  const chain = projectChain({ id: p.project_id, programmeId: p.programme_id, organisationId: p.owner_id });
  const byUser = new Map<string, { user: UserRow; grants: Actor['grants'] }>();
  for (const u of users.filter((x) => x.organisation_id === p.organisation_id)) {
    const entry = byUser.get(u.id) ?? { user: u, grants: [] };
    entry.grants.push({ role: u.role as Role, scopeType: u.scope_type as ScopeType, scopeId: u.scope_id });
    byUser.set(u.id, entry);
  }
  return [...byUser.values()].filter((e) => hasRole({ ...SYSTEM_ACTOR, grants: e.grants }, RECIPIENT_ROLES, chain)).map((e) => e.user);
}

const systemCtx = (db: Database): Ctx => ({ db, actor: SYSTEM_ACTOR, requestId: 'reminders', ip: null, locale: 'en' });

/**
 * One sweep: every package of an open round not yet handed in gets its `before_due` reminder
 * (REMINDER_DAYS_BEFORE days before the due date or closer) and its `overdue` one (the day after),
 * each once. The claim (an insert into round_reminders) and its audit entry commit first; only the
 * server that won the claim sends the e-mails, so running on several servers sends each once.
 * Without SMTP the reminder still shows in the app (GET /me/reporting), with emailed = 0.
 */
export async function sweepReminders(
  db: Database,
  config: ReminderConfig,
  opts: { today?: string; log?: (message: string, err?: unknown) => void } = {},
): Promise<SentReminder[]> {
  const today = opts.today ?? todayUtc();
  const candidates = await repo.packagesToRemind(db, addDays(today, config.REMINDER_DAYS_BEFORE));
  const already = await repo.sentReminders(db, candidates.map((p) => p.round_id));
  const due = candidates.flatMap((p) => {
    const kind = reminderKind(p.due_date, today, config.REMINDER_DAYS_BEFORE);
    return kind && !already.has(`${p.round_id}|${p.organisation_id}|${kind}`) ? [{ p, kind }] : [];
  });
  if (!due.length) return [];
  const users = await repo.reportingUsers(db, due.map((d) => d.p.organisation_id), RECIPIENT_ROLES);
  const mailer = createMailer(config);
  const sent: SentReminder[] = [];
  try {
    for (const { p, kind } of due) {
      const key = { round_id: p.round_id, organisation_id: p.organisation_id, kind };
      const recipients = recipientsOf(p, users);
      const claimed = await inTransaction(systemCtx(db), async (tx) => {
        if (!(await repo.claimReminder(tx.db, { ...key, sent_at: nowIso() }))) return false;
        await recordAudit(tx, {
          action: 'reporting_round.reminder',
          entityType: 'submission',
          entityId: p.submission_id,
          organisationId: p.organisation_id,
          after: { kind, roundId: p.round_id, dueDate: p.due_date, recipients: recipients.length, email: !!mailer },
        });
        return true;
      });
      if (!claimed) continue;
      let emailed = 0;
      if (mailer) {
        const link = `${config.PUBLIC_URL.replace(/\/+$/, '')}/submissions/${p.submission_id}`;
        for (const u of recipients) {
          const facts = { name: u.name, organisation: p.organisation_name, projectCode: p.project_code, projectTitle: p.project_title, periodKey: p.period_key, dueDate: p.due_date, link };
          try {
            await mailer.send(reminderMail(u.email, u.locale, kind, facts));
            emailed++;
          } catch (err) {
            opts.log?.(`Reminder to ${u.email} for submission ${p.submission_id} was not sent`, err);
          }
        }
        if (emailed) await repo.setEmailed(db, key, emailed);
      }
      sent.push({
        submissionId: p.submission_id, roundId: p.round_id, projectCode: p.project_code, periodKey: p.period_key, organisation: p.organisation_name,
        kind, recipients: recipients.length, emailed,
      });
    }
  } finally {
    mailer?.close();
  }
  return sent;
}
