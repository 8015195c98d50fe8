import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EXPENDITURE_APPROVERS } from '@shared/plans-roles.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { hasAnyRole, useCurrentUser } from '../auth/session.js';
import { formatMoney } from '../expenditures/money.js';
import { useAwaitingMyApproval } from '../expenditures/queries.js';

const SHOWN = 5;

/**
 * "Expenditures waiting for your approval" on the home page, for approvers only; its own chunk and
 * request, so the home page stays light. Hidden when nothing waits.
 */
export default function ExpendituresAwaiting() {
  const { t } = useTranslation('expenditures');
  const user = useCurrentUser();
  const approver = hasAnyRole(user, EXPENDITURE_APPROVERS);
  const awaiting = useAwaitingMyApproval(approver);
  if (!approver || !awaiting.data || awaiting.data.items.length === 0) return null;
  const items = awaiting.data.items;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="expenditures-awaiting" data-testid="expenditures-awaiting">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconReceipt size={20} />
          <Title order={3} id="expenditures-awaiting">
            {t('home.title')}
          </Title>
        </Group>
        <Badge color="orange" variant="light">
          {formatNumber(items.length)}
        </Badge>
      </Group>
      <Stack gap="xs">
        {items.slice(0, SHOWN).map((e) => (
          <Group key={e.id} justify="space-between" wrap="nowrap" gap="sm" data-testid="expenditure-awaiting-item">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/projects/${e.project.id}/expenditures?status=${e.status}&open=${e.id}`} size="sm" fw={500}>
                {e.payee}
              </Anchor>
              <Text size="xs" c="dimmed" lineClamp={1}>
                <span dir="ltr">{e.project.code}</span> · <span dir="ltr">{e.line.code}</span> · {formatDate(e.expenseDate)}
                {e.status === 'awaiting_second_approval' ? ` · ${t('status.awaiting_second_approval')}` : ''}
              </Text>
            </div>
            <Text size="sm" fw={600} dir="ltr" style={{ whiteSpace: 'nowrap' }}>
              {formatMoney(e.amountBudget.amountMinor, e.amountBudget.currency)}
            </Text>
          </Group>
        ))}
        {items.length > SHOWN && (
          <Text size="xs" c="dimmed">
            {t('home.more', { count: items.length - SHOWN })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
