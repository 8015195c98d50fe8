import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExpenditureStatus } from '@shared/schemas/index.js';

export const STATUS_COLOURS: Record<ExpenditureStatus, string> = {
  submitted: 'blue',
  awaiting_second_approval: 'orange',
  approved: 'teal',
  rejected: 'red',
};

export function ExpenditureStatusBadge({ status }: { status: ExpenditureStatus }) {
  const { t } = useTranslation('expenditures');
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" data-testid="expenditure-status" data-status={status} style={{ whiteSpace: 'nowrap' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
