import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fromMinor, minorDigits } from '@shared/domain/money.js';
import type { ChangeRequestStatus } from '@shared/schemas/index.js';
import { formatNumber } from '../../lib/format.js';

export const STATUS_COLOURS: Record<ChangeRequestStatus, string> = {
  submitted: 'blue',
  approved: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
};

export function ChangeRequestStatusBadge({ status }: { status: ChangeRequestStatus }) {
  const { t } = useTranslation('changeRequests');
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" data-testid="cr-status" data-status={status} style={{ whiteSpace: 'nowrap' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Minor units with the currency's own digits (XOF none, USD two, TND three), exact. */
export function formatMoney(amountMinor: number | null, currency: string): string {
  if (amountMinor === null) return '—';
  let digits = 2;
  try {
    digits = minorDigits(currency);
  } catch {
    /* an unknown code still shows its figure */
  }
  return `${formatNumber(Number(fromMinor(amountMinor, currency)), { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`;
}
