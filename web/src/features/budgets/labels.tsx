import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BudgetPeriod, BudgetVersion, BudgetVersionStatus } from '@shared/schemas/index.js';
import { currentLocale } from '../../i18n/index.js';

const STATUS_COLOURS: Record<BudgetVersionStatus, string> = { draft: 'gray', submitted: 'blue', approved: 'green', rejected: 'red', superseded: 'gray' };

/** "Q2 2026" as the server names it; a month ("2026-03") in the user's language ("Mar 2026"). */
export function periodLabel(p: BudgetPeriod): string {
  if (/^\d{4}-\d{2}$/.test(p.key)) {
    return new Intl.DateTimeFormat(currentLocale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${p.start}T00:00:00Z`));
  }
  return p.label;
}

/** "Original" or "Revision 2". */
export function VersionName({ v }: { v: Pick<BudgetVersion, 'number'> }) {
  const { t } = useTranslation('budget');
  return <>{v.number === 1 ? t('version.original') : t('version.revision', { number: v.number })}</>;
}

export function VersionBadges({ v }: { v: Pick<BudgetVersion, 'status' | 'inForce'> }) {
  const { t } = useTranslation('budget');
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="sm" variant="light" color={STATUS_COLOURS[v.status]}>
        {t(`status.${v.status}`)}
      </Badge>
      {v.inForce && (
        <Badge size="sm" variant="filled" color="green">
          {t('version.inForce')}
        </Badge>
      )}
    </Group>
  );
}
