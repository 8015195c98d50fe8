import { CreateOrganisationBody, type Organisation } from '@shared/schemas/index.js';
import type { Database } from '../../db/database.js';
import organisationTypes from '../../modules/codelists/data/organisation-types.json' with { type: 'json' };
import { createOrganisation } from '../../modules/organisations/organisations.service.js';
import { type Out, systemCtx } from '../runtime.js';

/** IATI organisation types as `code name` lines, for --help. */
export const ORGANISATION_TYPE_HELP = organisationTypes.map((t) => `${t.code} ${t.name.en}`).join(', ');

export interface CreateOrganisationOptions {
  name: string;
  type: string;
  acronym?: string | undefined;
  country?: string | undefined;
}

/**
 * Creates an organisation, audited as the command line. A real installation (SEED_DEMO=false)
 * starts empty: this and `user create --role admin` give it its first administrator.
 */
export async function createOrganisationCommand(db: Database, o: CreateOrganisationOptions, out: Out): Promise<Organisation> {
  const body = CreateOrganisationBody.parse({ name: o.name, type: o.type, acronym: o.acronym ?? null, countryCode: o.country?.toUpperCase() ?? null });
  const organisation = await createOrganisation(systemCtx(db, 'org create'), body);
  out(`Created organisation ${organisation.name}${organisation.acronym ? ` (${organisation.acronym})` : ''}: ${organisation.id}`);
  return organisation;
}
