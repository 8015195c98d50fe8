import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportPageScope } from './use-report-scope.js';

/** Projects › CLM-KOL-01 › Reports (or the programme's); a country's reports are a page of their own. */
export function ReportsBreadcrumbs({ kind, id, code }: { kind: ReportPageScope; id: string; code?: string }) {
  const { t } = useTranslation(['reports', 'projects']);
  if (kind === 'country') return null;
  const list = kind === 'project' ? { to: '/projects', label: t('projects:projects.title') } : { to: '/programmes', label: t('projects:programmes.title') };
  return (
    <Breadcrumbs separatorMargin={6} styles={{ root: { flexWrap: 'wrap', rowGap: 4 } }}>
      <Anchor component={Link} to={list.to} size="sm">
        {list.label}
      </Anchor>
      <Anchor component={Link} to={`/${kind === 'project' ? 'projects' : 'programmes'}/${id}`} size="sm" dir="ltr">
        {code ?? '…'}
      </Anchor>
      <Text size="sm" c="dimmed">
        {t('reports:link')}
      </Text>
    </Breadcrumbs>
  );
}
