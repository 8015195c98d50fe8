// The operator's command line: `npm run fieldbook -- <command>`. Wiring only; the commands live in ./commands.
import { Command, Option } from 'commander';
import { ROLES, SCOPE_TYPES } from '@shared/roles.js';
import { loadConfig } from '../config.js';
import { backupCommand, restoreCommand } from './commands/backup.js';
import { migrateCommand, seedDemoCommand } from './commands/migrate.js';
import { importValuesCommand } from './commands/import-values.js';
import { createOrganisationCommand, ORGANISATION_TYPE_HELP } from './commands/organisations.js';
import { sendRemindersCommand } from './commands/reminders.js';
import { runJobsCommand } from './commands/jobs.js';
import { rebuildAnalyticsCommand } from './commands/analytics.js';
import { createUserCommand, passwordOption, resetPasswordCommand, setUserDisabledCommand } from './commands/users.js';
import { describeError } from './errors.js';
import { describeDatabase, withDatabase } from './runtime.js';

const out = (line: string) => console.log(line);

/** Runs one command; any failure becomes one line on stderr and exit code 1. */
const action =
  <A extends unknown[]>(fn: (...args: A) => Promise<unknown>) =>
  async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      console.error(`error: ${describeError(err)}`);
      process.exitCode = 1;
    }
  };

const config = () => loadConfig();

const program = new Command('fieldbook')
  .description('Fieldbook operator commands. They use the same DATA_DIR / DATABASE_URL as the server.');

program
  .command('migrate')
  .description('apply pending database migrations and print how many are applied and pending')
  .action(
    action(async () => {
      const c = config();
      out(`Database: ${describeDatabase(c)}`);
      await withDatabase(c, { requireMigrated: false }, (db) => migrateCommand(db, out));
    }),
  );

program
  .command('seed-demo')
  .description('create the demo workspace (organisations, programmes, projects, one user per role) in an empty database')
  .action(action(async () => withDatabase(config(), { requireMigrated: false }, (db) => seedDemoCommand(db, out))));

program
  .command('org')
  .description('create organisations (the first one of a real installation, before its first admin)')
  .command('create')
  .description('create an organisation')
  .requiredOption('--name <name>', 'full name, unique in the installation')
  .requiredOption('--type <code>', `IATI organisation type: ${ORGANISATION_TYPE_HELP}`)
  .option('--acronym <acronym>', 'short name, e.g. SAI')
  .option('--country <iso3>', 'country of registration, ISO 3166-1 alpha-3, e.g. MLI')
  .action(action(async (o: Parameters<typeof createOrganisationCommand>[1]) => withDatabase(config(), { requireMigrated: true }, (db) => createOrganisationCommand(db, o, out))));

const user = program.command('user').description('create users, reset passwords, disable and enable accounts');

user
  .command('create')
  .description('create a user with one role; prints a generated password once unless --password is given')
  .requiredOption('--email <email>', 'sign-in e-mail address')
  .requiredOption('--name <name>', 'full name')
  .requiredOption('--org <organisation>', 'organisation id, exact name or acronym')
  .addOption(new Option('--role <role>', 'role to grant').choices(ROLES).makeOptionMandatory())
  .addOption(new Option('--scope-type <type>', 'where the role applies (default: installation for admin, else the organisation)').choices(SCOPE_TYPES))
  .option('--scope <id>', 'id of the scope (organisation name or acronym, programme or project code also accepted)')
  .option('--password <password>', 'initial password, at least 12 characters (avoid: it stays in your shell history)')
  .option('--password-stdin', 'read the initial password from the first line of standard input')
  .action(
    action(async (o: Parameters<typeof createUserCommand>[1] & { passwordStdin?: boolean }) => {
      const password = await passwordOption(o);
      return withDatabase(config(), { requireMigrated: true }, (db) => createUserCommand(db, { ...o, password }, out));
    }),
  );

user
  .command('reset-password')
  .description("set a new password (generated unless --password is given) and end the user's sessions")
  .requiredOption('--email <email>', 'e-mail address of the user')
  .option('--password <password>', 'new password, at least 12 characters (avoid: it stays in your shell history)')
  .option('--password-stdin', 'read the new password from the first line of standard input')
  .action(
    action(async (o: { email: string; password?: string; passwordStdin?: boolean }) => {
      const password = await passwordOption(o);
      return withDatabase(config(), { requireMigrated: true }, (db) => resetPasswordCommand(db, { ...o, password }, out));
    }),
  );

for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
  user
    .command(name)
    .description(disabled ? 'disable a user and end their sessions' : 'enable a disabled user')
    .requiredOption('--email <email>', 'e-mail address of the user')
    .action(action(async (o: { email: string }) => withDatabase(config(), { requireMigrated: true }, (db) => setUserDisabledCommand(db, { email: o.email, disabled }, out))));
}

program
  .command('send-reminders')
  .description('send the reporting reminders due now (the server also does this every hour) and print them')
  .action(
    action(async () => {
      const c = config();
      return withDatabase(c, { requireMigrated: true }, (db) => sendRemindersCommand(db, c, out));
    }),
  );

program
  .command('run-jobs')
  .description('run the queued background jobs (reports, large exports) now, as the servers do every second, and print how many ran')
  .action(action(async () => withDatabase(config(), { requireMigrated: true }, (db) => runJobsCommand(db, out))));

program
  .command('rebuild-analytics')
  .description('recompute the figures of every table, chart and map from the submitted and approved packages (one transaction; servers may keep running)')
  .action(action(async () => withDatabase(config(), { requireMigrated: true }, (db) => rebuildAnalyticsCommand(db, out))));

program
  .command('import-values')
  .description("import a package's values from its XLSX template or a CSV file (all or nothing; the same checks as the package page)")
  .requiredOption('--submission <id>', 'id of the package (submission)')
  .requiredOption('--file <path>', 'the .xlsx or .csv file')
  .option('--dry-run', 'check the file and print what would change without writing anything')
  .action(action(async (o: { submission: string; file: string; dryRun?: boolean }) => withDatabase(config(), { requireMigrated: true }, (db) => importValuesCommand(db, o, out))));

program
  .command('backup')
  .description('copy the database to FILE while the server runs (SQLite online backup, checked; pg_dump on PostgreSQL)')
  .requiredOption('--to <file>', 'backup file to write')
  .option('--force', 'overwrite FILE if it exists')
  .action(action(async (o: { to: string; force?: boolean }) => backupCommand(config(), o, out)));

program
  .command('restore')
  .description('replace the whole database with a backup; stop the server first')
  .requiredOption('--from <file>', 'backup file made by `fieldbook backup`')
  .action(action(async (o: { from: string }) => restoreCommand(config(), o, out)));

await program.parseAsync();
