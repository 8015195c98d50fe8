import { z } from 'zod';
import { IdSchema, IsoDateSchema, longText, PageQuery, pageOf, shortText, TimestampSchema } from './common.js';

export const PROGRAMME_STATUSES = ['planned', 'active', 'closed'] as const;

/** A portfolio or initiative owned by one organisation; projects sit inside it. */
export const ProgrammeSchema = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  organisationName: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(PROGRAMME_STATUSES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  projectCount: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Programme = z.infer<typeof ProgrammeSchema>;

export const CodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'letters, digits, . _ - /');

const programmeFields = {
  code: CodeSchema,
  name: shortText(300),
  description: longText(10_000).default(''),
  status: z.enum(PROGRAMME_STATUSES).default('active'),
  startDate: IsoDateSchema.nullable().optional(),
  endDate: IsoDateSchema.nullable().optional(),
};

export const CreateProgrammeBody = z.strictObject({ organisationId: IdSchema, ...programmeFields });
export const UpdateProgrammeBody = z.strictObject({
  code: programmeFields.code.optional(),
  name: programmeFields.name.optional(),
  description: longText(10_000).optional(),
  status: z.enum(PROGRAMME_STATUSES).optional(),
  startDate: programmeFields.startDate,
  endDate: programmeFields.endDate,
});

export const ListProgrammesQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  organisationId: IdSchema.optional(),
  ...PageQuery,
});
export const ProgrammePage = pageOf(ProgrammeSchema);
