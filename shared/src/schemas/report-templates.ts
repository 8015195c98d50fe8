import { z } from 'zod';
import { LOCALES } from '../locales.js';
import { IdSchema, TimestampSchema, longText, shortText } from './common.js';

/**
 * Donor report templates (issue 6): an ordered list of sections. Each section has a kind (what it
 * draws from the data), a title the template author may rename, a switch, and optional fixed text
 * printed at its start (for example a donor's required wording). Sections of a kind whose data the
 * installation does not have yet (budget vs actual before budgets exist) are simply left out.
 */
export const REPORT_SECTION_KINDS = [
  'cover',
  'executive_summary',
  'narrative_by_result',
  'iptt',
  'disaggregation_tables',
  'people_reached',
  'budget_vs_actual',
  'risks_and_lessons',
  'annexes',
  'fixed_text',
] as const;
export type ReportSectionKind = (typeof REPORT_SECTION_KINDS)[number];

export const ReportSectionSchema = z.strictObject({
  /** Stable within a template (the editor keeps it when a section is renamed or moved). */
  key: z.string().trim().min(1).max(40).regex(/^[a-z0-9_-]+$/),
  kind: z.enum(REPORT_SECTION_KINDS),
  title: shortText(200),
  enabled: z.boolean(),
  /** Printed at the start of the section (for a fixed_text section, it is the whole section). */
  text: longText(20_000).default(''),
  /**
   * The title and fixed text in other languages, for reports made in that language (a French report
   * from a template written in English gets French headings). Empty or missing: the author's own.
   */
  titles: z.partialRecord(z.enum(LOCALES), z.string().trim().max(200)).optional(),
  texts: z.partialRecord(z.enum(LOCALES), z.string().trim().max(20_000)).optional(),
});
export type ReportSection = z.infer<typeof ReportSectionSchema>;

export const ReportSectionsSchema = z
  .array(ReportSectionSchema)
  .min(1)
  .max(40)
  .superRefine((sections, ctx) => {
    // Named at the second use, so the editor can point at the section that repeats a key.
    const seen = new Set<string>();
    sections.forEach((s, i) => {
      if (seen.has(s.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'duplicate_section_key' });
      seen.add(s.key);
    });
  });

export const ReportTemplateSchema = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  name: z.string(),
  description: z.string(),
  version: z.number().int(),
  archived: z.boolean(),
  sections: z.array(ReportSectionSchema),
  updatedAt: TimestampSchema,
  /** Whether the reader may save, archive or restore it (the server checks again on every write). */
  canEdit: z.boolean(),
});
export type ReportTemplate = z.infer<typeof ReportTemplateSchema>;

export const ReportTemplateSummarySchema = ReportTemplateSchema.omit({ sections: true }).extend({
  sectionCount: z.number().int(),
});
export type ReportTemplateSummary = z.infer<typeof ReportTemplateSummarySchema>;

export const ListReportTemplatesQuery = z.strictObject({
  /** Only this organisation's templates (404 when the reader may not read them). */
  organisationId: IdSchema.optional(),
  includeArchived: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

/** An organisation whose templates the reader may read, and whether they may add and change them. */
export const TemplateOrganisationSchema = z.object({ id: IdSchema, name: z.string(), acronym: z.string().nullable(), canEdit: z.boolean() });
export type TemplateOrganisation = z.infer<typeof TemplateOrganisationSchema>;

export const ReportTemplateListSchema = z.object({
  items: z.array(ReportTemplateSummarySchema),
  /** The organisations the list covers (all the reader may read, or the one asked for), by name. */
  organisations: z.array(TemplateOrganisationSchema),
});
export type ReportTemplateList = z.infer<typeof ReportTemplateListSchema>;

export const TemplateVersionParams = z.strictObject({ id: IdSchema, version: z.coerce.number().int().min(1) });

export const ReportTemplateInputSchema = z.strictObject({
  organisationId: IdSchema,
  name: shortText(200),
  description: longText(2_000).default(''),
  sections: ReportSectionsSchema,
});
export type ReportTemplateInput = z.infer<typeof ReportTemplateInputSchema>;

/** A save names the version it edited; a stale one gets 409 stale_version. */
export const ReportTemplateUpdateSchema = ReportTemplateInputSchema.omit({ organisationId: true }).extend({
  version: z.number().int().min(1),
  archived: z.boolean().optional(),
});
export type ReportTemplateUpdate = z.infer<typeof ReportTemplateUpdateSchema>;

export const ReportTemplateVersionSchema = z.object({
  version: z.number().int(),
  name: z.string(),
  sections: z.array(ReportSectionSchema),
  createdAt: TimestampSchema,
  createdByName: z.string().nullable(),
});
export type ReportTemplateVersion = z.infer<typeof ReportTemplateVersionSchema>;

/** The versions list: newest first, without their sections (open one to read them). */
export const ReportTemplateVersionListSchema = z.object({
  items: z.array(ReportTemplateVersionSchema.omit({ sections: true }).extend({ sectionCount: z.number().int() })),
});
export type ReportTemplateVersionList = z.infer<typeof ReportTemplateVersionListSchema>;

/** An organisation's logo for report covers: PNG or JPEG (read from the bytes), at most 1 MB. */
export const ORGANISATION_LOGO_MAX_BYTES = 1024 * 1024;
export const ORGANISATION_LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export const OrganisationLogoInfoSchema = z.object({
  mediaType: z.enum(ORGANISATION_LOGO_TYPES),
  width: z.number().int(),
  height: z.number().int(),
  size: z.number().int(),
  updatedAt: TimestampSchema,
});
export type OrganisationLogoInfo = z.infer<typeof OrganisationLogoInfoSchema>;
