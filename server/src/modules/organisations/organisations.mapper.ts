import type { Organisation } from '@shared/schemas/index.js';
import type { OrganisationsTable } from '../../db/schema.js';

export const toOrganisation = (r: OrganisationsTable): Organisation => ({
  id: r.id,
  name: r.name,
  acronym: r.acronym,
  iatiIdentifier: r.iati_identifier,
  type: r.type as Organisation['type'],
  countryCode: r.country_code,
  website: r.website,
  fiscalYearStartMonth: r.fiscal_year_start_month,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
