import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { programmeQueries, projectQueries } from '../projects/queries.js';
import { type FrameworkOwner, frameworkPath, ownerPath } from './owner.js';

/** The project or programme a framework belongs to, for breadcrumbs and subtitles; undefined while loading. */
export function useOwnerSummary(owner: FrameworkOwner | null) {
  const project = useQuery({ ...projectQueries.detail(owner?.id ?? ''), enabled: owner?.kind === 'project' && !!owner.id });
  const programme = useQuery({ ...programmeQueries.detail(owner?.id ?? ''), enabled: owner?.kind === 'programme' && !!owner.id });
  if (owner?.kind === 'project' && project.data) return { code: project.data.code, title: project.data.title, error: null };
  if (owner?.kind === 'programme' && programme.data) return { code: programme.data.code, title: programme.data.name, error: null };
  return { code: undefined, title: undefined, error: (owner?.kind === 'project' ? project.error : programme.error) ?? null };
}

/**
 * Projects › CODE › Results framework (› current), or Programmes › CODE › Programme results framework.
 * `current` names the page below the framework (an indicator); without it the framework is the page.
 */
export function FrameworkBreadcrumbs({ owner, current }: { owner: FrameworkOwner; current?: ReactNode }) {
  const { t } = useTranslation(['results', 'projects']);
  const summary = useOwnerSummary(owner);
  const isProject = owner.kind === 'project';
  const frameworkLabel = isProject ? t('framework.title') : t('framework.programmeTitle');
  return (
    <Breadcrumbs separatorMargin={6} styles={{ root: { flexWrap: 'wrap', rowGap: 4 } }}>
      <Anchor component={Link} to={isProject ? '/projects' : '/programmes'} size="sm">
        {isProject ? t('projects:projects.title') : t('projects:programmes.title')}
      </Anchor>
      <Anchor component={Link} to={ownerPath(owner)} size="sm" dir="ltr">
        {summary.code ?? '…'}
      </Anchor>
      {current ? (
        <Anchor component={Link} to={frameworkPath(owner)} size="sm">
          {frameworkLabel}
        </Anchor>
      ) : (
        <Text size="sm" c="dimmed">
          {frameworkLabel}
        </Text>
      )}
      {current && (
        <Text size="sm" c="dimmed" dir="ltr">
          {current}
        </Text>
      )}
    </Breadcrumbs>
  );
}
