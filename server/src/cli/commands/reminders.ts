import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { type SentReminder, sweepReminders } from '../../modules/reporting/reminders.service.js';
import type { Out } from '../runtime.js';

/**
 * Runs one reminder sweep now, as the server does every hour, and prints each reminder sent.
 * Safe while servers run: a reminder already claimed by a server is not sent again.
 */
export async function sendRemindersCommand(db: Database, config: Config, out: Out): Promise<SentReminder[]> {
  const sent = await sweepReminders(db, config, { log: (message, err) => out(`warning: ${message}: ${err instanceof Error ? err.message : String(err)}`) });
  for (const s of sent) {
    const kind = s.kind === 'overdue' ? 'overdue' : 'due soon';
    out(`${s.projectCode} ${s.periodKey} · ${s.organisation}: ${kind} reminder, ${s.emailed} of ${s.recipients} people e-mailed`);
  }
  out(sent.length ? `${sent.length} reminder(s) sent.` : 'No reminders to send.');
  if (!config.SMTP_URL && sent.length) out('SMTP_URL is not set: the reminders show in the app only.');
  return sent;
}
