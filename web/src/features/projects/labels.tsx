import { Badge } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentUser, Programme, ProjectStatus } from '@shared/schemas/index.js';
import { PROJECT_STATUSES } from '@shared/schemas/index.js';
import { useCodelist, useCountries } from '../../api/lookups.js';
import { placeName } from '../../lib/format.js';
import { hasAnyRole } from '../auth/session.js';

const PROJECT_STATUS_COLORS: Record<string, string> = { '1': 'blue', '2': 'teal', '3': 'yellow', '4': 'gray', '5': 'red', '6': 'orange' };
const PROGRAMME_STATUS_COLORS: Record<Programme['status'], string> = { planned: 'blue', active: 'teal', closed: 'gray' };

/**
 * IATI activity statuses as options. The codes come from the codelist; the names are ours, because the
 * IATI codelist is published in English and French only and the interface also speaks Spanish and Arabic.
 */
export function useProjectStatusOptions() {
  const { t } = useTranslation('projects');
  const codelist = useCodelist('activity-statuses');
  return useMemo(() => {
    const items = codelist.data?.items ?? PROJECT_STATUSES.map((code) => ({ code, name: code }));
    return items.map((i) => ({ value: i.code, label: t(`activityStatus.${i.code}`, { defaultValue: i.name }) }));
  }, [codelist.data, t]);
}

// A badge in a table cell must keep its whole label: Mantine's ellipsis would cut "قيد الإعداد/التحديد" short.
const noSqueeze = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const;

export function ProjectStatusBadge({ status }: { status: ProjectStatus | string }) {
  const { t } = useTranslation('projects');
  return (
    <Badge variant="light" color={PROJECT_STATUS_COLORS[status] ?? 'gray'} styles={noSqueeze}>
      {t(`activityStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function ProgrammeStatusBadge({ status }: { status: Programme['status'] }) {
  const { t } = useTranslation('projects');
  return (
    <Badge variant="light" color={PROGRAMME_STATUS_COLORS[status]} styles={noSqueeze}>
      {t(`programmeStatus.${status}`)}
    </Badge>
  );
}

/**
 * ISO alpha-3 → the country's name in the user's language (the code itself until countries have loaded).
 * Not memoised: `placeName` reads the current language, and useTranslation re-renders us when it changes.
 */
export function useCountryName() {
  useTranslation();
  const items = useCountries().data?.items;
  return (code: string) => {
    const country = items?.find((c) => c.pcode === code);
    return country ? placeName(country) : code;
  };
}

/** "Sahel Action International (SAI)": the acronym is what field staff search for. */
export const organisationLabel = (o: { name: string; acronym: string | null }) => (o.acronym ? `${o.name} (${o.acronym})` : o.name);

/** Whether to offer creating and editing; only hides buttons — the server decides and answers 403 otherwise. */
export const canManage = (user: CurrentUser) => hasAnyRole(user, ['admin', 'programme_manager']);

/*
 * The same rule as the server's (MANAGERS on the scope chain), read from the user's memberships so that
 * nobody is offered a form the server will refuse. A programme belongs to its owner organisation; a
 * programme manager of one programme manages it and its projects, but cannot create programmes.
 */
const managerGrants = (user: CurrentUser) => user.memberships.filter((m) => m.role === 'admin' || m.role === 'programme_manager');

/** May create and edit programmes owned by this organisation (a grant on the installation or on that organisation). */
export const managesOrganisation = (user: CurrentUser, organisationId: string) =>
  managerGrants(user).some((m) => m.scopeType === 'installation' || (m.scopeType === 'organisation' && m.scopeId === organisationId));

/** May create programmes at all: only a grant on the installation or on an organisation allows it. */
export const canCreateProgrammes = (user: CurrentUser) =>
  managerGrants(user).some((m) => m.scopeType === 'installation' || m.scopeType === 'organisation');

/** May edit this programme and create projects in it. */
export const managesProgramme = (user: CurrentUser, programme: Pick<Programme, 'id' | 'organisationId'>) =>
  managesOrganisation(user, programme.organisationId) || managerGrants(user).some((m) => m.scopeType === 'programme' && m.scopeId === programme.id);

/** May edit this project (its programme is needed for the organisation that owns it). */
export const managesProject = (user: CurrentUser, project: { id: string }, programme: Pick<Programme, 'id' | 'organisationId'> | undefined) =>
  (programme !== undefined && managesProgramme(user, programme)) ||
  managerGrants(user).some((m) => m.scopeType === 'project' && m.scopeId === project.id);
