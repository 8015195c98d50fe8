import { z } from 'zod';
import { IdSchema, PageQuery, pageOf, shortText, TimestampSchema } from './common.js';

/** IATI OrganisationType codes (codelist OrganisationType). */
export const ORGANISATION_TYPES = ['10', '11', '15', '21', '22', '23', '24', '30', '40', '60', '70', '71', '72', '73', '80', '90'] as const;

export const OrganisationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  acronym: z.string().nullable(),
  /** IATI organisation identifier, e.g. `XM-DAC-41122` or `GB-CHC-202918`. */
  iatiIdentifier: z.string().nullable(),
  type: z.enum(ORGANISATION_TYPES),
  /** ISO 3166-1 alpha-3 of the country where it is registered. */
  countryCode: z.string().nullable(),
  website: z.string().nullable(),
  /** Month (1–12) the organisation's fiscal year starts; annual periods follow it. */
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Organisation = z.infer<typeof OrganisationSchema>;

const organisationFields = {
  name: shortText(200),
  acronym: z.string().trim().max(30).nullable().optional(),
  iatiIdentifier: z
    .string()
    .trim()
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
    .nullable()
    .optional(),
  type: z.enum(ORGANISATION_TYPES),
  countryCode: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .optional(),
  website: z.url({ protocol: /^https?$/ }).max(300).nullable().optional(),
  fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
};

export const CreateOrganisationBody = z.strictObject(organisationFields);
export const UpdateOrganisationBody = z.strictObject(organisationFields).partial();

export const ListOrganisationsQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  ...PageQuery,
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const OrganisationPage = pageOf(OrganisationSchema);
