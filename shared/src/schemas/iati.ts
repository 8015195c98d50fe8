import { z } from 'zod';
import { IdSchema, LocaleSchema } from './common.js';

/**
 * IATI 2.03 activity XML export (open data): which projects, in which language their own texts
 * are written, and the pre-check listing what IATI needs and a project lacks.
 */

/** Projects' own title and description carry one language; this says which (xml:lang of iati-activity). */
const TextLanguage = LocaleSchema.default('en');

const projectIdList = z
  .string()
  .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
  .pipe(z.array(IdSchema).min(1).max(100));

export const IatiExportQuery = z.strictObject({
  /** Comma-separated project ids. */
  projectIds: projectIdList,
  language: TextLanguage,
});
export type IatiExportQueryInput = z.input<typeof IatiExportQuery>;

export const IatiProjectExportQuery = z.strictObject({ language: TextLanguage });

export const IatiCheckQuery = z.strictObject({ projectIds: projectIdList });

/** Blocking: IATI requires it (or the file would be invalid). Warning: exported, but worth fixing. */
export const IATI_PROBLEM_SEVERITIES = ['error', 'warning'] as const;

export const IATI_PROBLEM_REASONS = [
  'iati_reporting_org_identifier',
  'iati_identifier_characters',
  'iati_no_description',
  'iati_no_country',
  'iati_unknown_country',
  'iati_no_sector',
  'iati_baseline_year',
  'iati_participant_identifier',
  'iati_no_results',
] as const;
export type IatiProblemReason = (typeof IATI_PROBLEM_REASONS)[number];

/** Where the user fixes a problem: the project form, the organisation in administration, an indicator, the framework. */
export const IatiFixSchema = z.object({
  kind: z.enum(['project', 'organisation', 'indicator', 'framework']),
  id: IdSchema,
});
export type IatiFix = z.infer<typeof IatiFixSchema>;

export const IatiProblemSchema = z.object({
  severity: z.enum(IATI_PROBLEM_SEVERITIES),
  reason: z.enum(IATI_PROBLEM_REASONS),
  /** Dotted path of what is missing, e.g. `project.sectors`, `organisations.<id>.iatiIdentifier`, `indicators.<id>.baselineDate`. */
  field: z.string(),
  /** In the reader's language. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  fix: IatiFixSchema,
});
export type IatiProblem = z.infer<typeof IatiProblemSchema>;

export const IatiProjectCheckSchema = z.object({
  projectId: IdSchema,
  code: z.string(),
  title: z.string(),
  /** The iati-identifier it gets (null while the reporting organisation has none). */
  iatiIdentifier: z.string().nullable(),
  /** No error: the project exports. */
  ready: z.boolean(),
  problems: z.array(IatiProblemSchema),
});
export type IatiProjectCheck = z.infer<typeof IatiProjectCheckSchema>;

export const IatiCheckSchema = z.object({
  /** Every project asked for exports. */
  ready: z.boolean(),
  projects: z.array(IatiProjectCheckSchema),
});
export type IatiCheck = z.infer<typeof IatiCheckSchema>;
