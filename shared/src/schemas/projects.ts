import { z } from 'zod';
import { IdSchema, IsoDateSchema, longText, PageQuery, pageOf, shortText, TimestampSchema } from './common.js';
import { CodeSchema } from './programmes.js';

/** IATI ActivityStatus codes: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended. */
export const PROJECT_STATUSES = ['1', '2', '3', '4', '5', '6'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

const Iso3 = z.string().regex(/^[A-Z]{3}$/);
const DacSector = z.string().regex(/^\d{5}$/);
const Currency = z.string().regex(/^[A-Z]{3}$/);

export const ProjectOrganisationSchema = z.object({ id: IdSchema, name: z.string(), acronym: z.string().nullable() });

export const ProjectSchema = z.object({
  id: IdSchema,
  programmeId: IdSchema,
  programmeName: z.string(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(PROJECT_STATUSES),
  startDate: z.string(),
  endDate: z.string(),
  currency: z.string(),
  countries: z.array(z.string()),
  locations: z.array(z.object({ id: IdSchema, pcode: z.string(), name: z.string(), level: z.string() })),
  sectors: z.array(z.string()),
  donor: ProjectOrganisationSchema.nullable(),
  leadOrganisation: ProjectOrganisationSchema,
  implementingOrganisations: z.array(ProjectOrganisationSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Project = z.infer<typeof ProjectSchema>;

export const ProjectSummarySchema = ProjectSchema.pick({
  id: true,
  programmeId: true,
  programmeName: true,
  code: true,
  title: true,
  status: true,
  startDate: true,
  endDate: true,
  currency: true,
  countries: true,
  leadOrganisation: true,
  updatedAt: true,
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

const projectFields = {
  programmeId: IdSchema,
  code: CodeSchema,
  title: shortText(300),
  description: longText(20_000).default(''),
  status: z.enum(PROJECT_STATUSES).default('2'),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  currency: Currency,
  countries: z.array(Iso3).max(60).default([]),
  locationIds: z.array(IdSchema).max(2000).default([]),
  sectors: z.array(DacSector).max(50).default([]),
  donorOrganisationId: IdSchema.nullable().default(null),
  leadOrganisationId: IdSchema,
  implementingOrganisationIds: z.array(IdSchema).max(100).default([]),
};

export const CreateProjectBody = z.strictObject(projectFields);
export const UpdateProjectBody = z.strictObject({
  programmeId: IdSchema.optional(),
  code: CodeSchema.optional(),
  title: shortText(300).optional(),
  description: longText(20_000).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  startDate: IsoDateSchema.optional(),
  endDate: IsoDateSchema.optional(),
  currency: Currency.optional(),
  countries: z.array(Iso3).max(60).optional(),
  locationIds: z.array(IdSchema).max(2000).optional(),
  sectors: z.array(DacSector).max(50).optional(),
  donorOrganisationId: IdSchema.nullable().optional(),
  leadOrganisationId: IdSchema.optional(),
  implementingOrganisationIds: z.array(IdSchema).max(100).optional(),
});

export const ListProjectsQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  programmeId: IdSchema.optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  country: Iso3.optional(),
  organisationId: IdSchema.optional(),
  ...PageQuery,
});
export const ProjectPage = pageOf(ProjectSummarySchema);
