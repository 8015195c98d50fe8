import { Anchor, Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconReportMoney } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MONEY_READERS } from '@shared/plans-roles.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useCurrentUser } from '../../auth/session.js';
import { formatMoney, formatPct } from '../../budget-analysis/money.js';
import { useBudgetSummary } from '../../budget-analysis/queries.js';
import { holdsProjectRole } from '../../plans/project-roles.js';
import { programmeQueries, useProject } from '../../projects/queries.js';

/**
 * The project dashboard's budget card: for those who may see the project's money only, each
 * budget in force with spent against budget, burn against time elapsed, the forecast and the
 * lines flagged. Loaded apart from the indicators so a slow or refused budget never holds them up.
 */
export function BudgetCard({ projectId }: { projectId: string }) {
  const user = useCurrentUser();
  const project = useProject(projectId);
  // Only an organisation-wide role needs the programme's organisation to be recognised.
  const needsProgramme = user.memberships.some((m) => m.scopeType === 'organisation' && MONEY_READERS.includes(m.role as (typeof MONEY_READERS)[number]));
  const programme = useQuery({ ...programmeQueries.detail(project.data?.programmeId ?? ''), enabled: !!project.data && needsProgramme });
  const allowed = !!project.data && holdsProjectRole(user, project.data, programme.data, MONEY_READERS);
  if (!allowed) return null;
  // Its texts load apart: never suspend the whole dashboard for them.
  return (
    <Suspense fallback={null}>
      <BudgetCardBody projectId={projectId} />
    </Suspense>
  );
}

function BudgetCardBody({ projectId }: { projectId: string }) {
  const { t } = useTranslation('budgetAnalysis');
  const summary = useBudgetSummary(projectId);
  if (summary.isPending) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="budget-card-title" data-testid="dashboard-budget-card">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={3} id="budget-card-title">
          {t('card.title')}
        </Title>
        <Anchor component={Link} to={`/projects/${projectId}/budget-vs-actual`} size="sm" data-testid="dashboard-budget-link">
          <Group gap={4} wrap="nowrap">
            <IconReportMoney size={16} />
            {t('card.open')}
          </Group>
        </Anchor>
      </Group>
      {summary.error ? (
        <ErrorAlert error={summary.error} />
      ) : summary.data.budgets.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('card.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {summary.data.budgets.map((b) => {
            const ahead = b.burnPct !== null && b.timeElapsedPct !== null && b.burnPct > b.timeElapsedPct;
            return (
              <Stack key={b.id} gap={6} data-testid={`dashboard-budget-${b.id}`}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={600}>{b.title}</Text>
                  <Group gap={4}>
                    {b.linesOverBudget > 0 && (
                      <Badge color="red" variant="filled" size="sm">
                        {t('card.linesOverBudget', { count: b.linesOverBudget })}
                      </Badge>
                    )}
                    {b.linesOverThreshold > 0 && (
                      <Badge color="orange" variant="light" size="sm" data-testid="dashboard-budget-over-threshold">
                        {t('card.linesOver', { count: b.linesOverThreshold })}
                      </Badge>
                    )}
                  </Group>
                </Group>
                <Text size="sm" data-testid="dashboard-budget-spent">
                  {t('card.spent', { amount: formatMoney(b.actualMinor, b.currency), budget: formatMoney(b.budgetMinor, b.currency) })}
                  {b.pendingMinor > 0 && (
                    <Text span size="xs" c="dimmed" ms={6}>
                      ({t('card.pending', { amount: formatMoney(b.pendingMinor, b.currency) })})
                    </Text>
                  )}
                </Text>
                <Stack gap={4} aria-hidden>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="xs" w={110} c="dimmed">
                      {t('burn.spent')}
                    </Text>
                    <Progress value={Math.min(100, b.burnPct ?? 0)} color={ahead ? 'red.7' : 'teal.6'} style={{ flex: 1 }} size="lg" />
                    <Text size="xs" w={56} ta="end">
                      {formatPct(b.burnPct)}
                    </Text>
                  </Group>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="xs" w={110} c="dimmed">
                      {t('burn.time')}
                    </Text>
                    <Progress value={Math.min(100, b.timeElapsedPct ?? 0)} color="gray.5" style={{ flex: 1 }} size="lg" />
                    <Text size="xs" w={56} ta="end">
                      {formatPct(b.timeElapsedPct)}
                    </Text>
                  </Group>
                </Stack>
                <Text size="sm" c="dimmed">
                  {t('card.burn', { burn: formatPct(b.burnPct), time: formatPct(b.timeElapsedPct) })} · {t('card.forecast', { amount: formatMoney(b.forecastMinor, b.currency) })}
                </Text>
              </Stack>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
