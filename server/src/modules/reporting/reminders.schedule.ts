import type { Database } from '../../db/database.js';
import { HOUR_MS } from '../../lib/clock.js';
import { type ReminderConfig, sweepReminders } from './reminders.service.js';

interface Log {
  info(msg: string): void;
  error(obj: unknown, msg: string): void;
}

/**
 * Sweeps reminders now and every hour. Each sweep is safe to run on every app server at once
 * (claims are once-only); a failing sweep is logged and never stops the server. The timer does
 * not keep the process alive. Returns a stop function for shutdown.
 */
export function scheduleReminders(db: Database, config: ReminderConfig, log: Log, everyMs = HOUR_MS): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const sent = await sweepReminders(db, config, { log: (message, err) => log.error(err, message) });
      if (sent.length) log.info(`Reminders: ${sent.length} sent, ${sent.reduce((n, s) => n + s.emailed, 0)} e-mails`);
    } catch (err) {
      log.error(err, 'Reminder sweep failed');
    } finally {
      running = false;
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
