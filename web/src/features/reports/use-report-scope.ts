import { useQuery } from '@tanstack/react-query';
import { useOrganisations } from '../../api/lookups.js';
import { programmeQueries, projectQueries } from '../projects/queries.js';
import { useCountryName } from '../projects/labels.js';
import type { ReportScopeChain } from './access.js';
import type { ReportScopeRef } from './queries.js';

export type ReportPageScope = 'project' | 'programme' | 'country';

export interface ReportScopeInfo {
  scope: ReportScopeRef;
  /** The project's title, the programme's name or the country's name; undefined while loading. */
  name?: string;
  /** The project's or programme's code, for the breadcrumbs. */
  code?: string;
  chain: ReportScopeChain | 'country';
  /** The organisation whose templates are offered and whose fiscal year the period presets follow. */
  organisationId?: string;
  fyStartMonth: number;
  isPending: boolean;
  error: unknown;
}

/**
 * What a Reports page needs to know about its subject. A project's reports belong to the
 * organisation owning its programme (as the server files them); until the programme has loaded,
 * or if it cannot be read, the lead organisation stands in.
 */
export function useReportScope(kind: ReportPageScope, id: string, readerOrganisationId: string): ReportScopeInfo {
  const project = useQuery({ ...projectQueries.detail(id), enabled: kind === 'project' && !!id });
  const programmeId = kind === 'programme' ? id : (project.data?.programmeId ?? '');
  const programme = useQuery({ ...programmeQueries.detail(programmeId), enabled: !!programmeId && kind !== 'country' });
  const organisations = useOrganisations();
  const countryName = useCountryName();

  const organisationId =
    kind === 'country' ? readerOrganisationId : (programme.data?.organisationId ?? (kind === 'project' ? project.data?.leadOrganisation.id : undefined));
  const fyStartMonth = organisations.data?.items.find((o) => o.id === organisationId)?.fiscalYearStartMonth ?? 1;
  const scope: ReportScopeRef = { type: kind, id };

  if (kind === 'project') {
    return {
      scope,
      name: project.data?.title,
      code: project.data?.code,
      chain: { organisationId: programme.data?.organisationId, programmeId: project.data?.programmeId, projectId: id },
      organisationId,
      fyStartMonth,
      isPending: project.isPending,
      error: project.error,
    };
  }
  if (kind === 'programme') {
    return {
      scope,
      name: programme.data?.name,
      code: programme.data?.code,
      chain: { organisationId: programme.data?.organisationId, programmeId: id },
      organisationId,
      fyStartMonth,
      isPending: programme.isPending,
      error: programme.error,
    };
  }
  return { scope, name: id ? countryName(id) : undefined, chain: 'country', organisationId, fyStartMonth, isPending: false, error: null };
}
