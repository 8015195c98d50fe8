import { Anchor, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBell, IconChecklist, IconClock, IconMessageCircle, IconRotate2 } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyReporting } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { hasAnyRole, useCurrentUser } from '../auth/session.js';
import { percent } from '../reporting/completeness.js';
import { organisationName, SubmissionStatusBadge } from '../reporting/labels.js';
import { useMyReporting } from '../reporting/queries.js';
import { hasReportingWork, MANAGED_ROUNDS_SHOWN, managedRoundsByUrgency } from './reporting-work.js';

type Item = MyReporting['due'][number];

/**
 * "Your reporting" on the home page (GET /me/reporting): what the reader must fill, correct or
 * review, the rounds they manage and the reminders sent. Loaded apart from the home page itself.
 */
export default function YourReporting() {
  const { t } = useTranslation('reporting');
  const user = useCurrentUser();
  const mine = useMyReporting();
  const manager = hasAnyRole(user, ['admin', 'programme_manager', 'me_officer']);
  const reporter = hasAnyRole(user, ['reporter', 'partner_reporter']);

  if (mine.isPending) return null;
  if (mine.error) return <ErrorAlert error={mine.error} title={t('home.title')} />;
  const m = mine.data;
  if (!manager && !reporter && !hasReportingWork(m)) return null;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="your-reporting" data-testid="your-reporting">
      <Title order={3} id="your-reporting" mb="sm">
        {t('home.title')}
      </Title>
      {!hasReportingWork(m) ? (
        <Text c="dimmed" size="sm" data-testid="reporting-empty">
          {manager ? t('home.emptyManager') : t('home.emptyReporter')}
        </Text>
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Section kind="overdue" icon={<IconAlertTriangle size={18} />} color="red" title={t('home.overdue')} items={m.overdue} />
            <Section kind="returned" icon={<IconRotate2 size={18} />} color="orange" title={t('home.returned')} items={m.returned} />
            <Section kind="due" icon={<IconClock size={18} />} color="blue" title={t('home.due')} items={m.due} />
            <Section kind="review" icon={<IconChecklist size={18} />} color="blue" title={t('home.toReview')} items={m.toReview} />
          </SimpleGrid>
          {m.rounds.length > 0 && <ManagedRounds rounds={m.rounds} />}
          {m.reminders.length > 0 && <Reminders reminders={m.reminders} />}
        </Stack>
      )}
    </Card>
  );
}

function Section({ kind, icon, color, title, items }: { kind: string; icon: ReactNode; color: string; title: string; items: Item[] }) {
  const { t } = useTranslation('reporting');
  if (items.length === 0) return null;
  return (
    <Stack gap={6} data-section={kind}>
      <Group gap={6} c={`${color}.7`}>
        {icon}
        <Text fw={600} size="sm">
          {title} · {formatNumber(items.length)}
        </Text>
      </Group>
      {items.map((i) => (
        <Card key={i.submissionId} withBorder padding="xs" radius="sm" style={kind === 'overdue' ? { borderInlineStart: '4px solid var(--mantine-color-red-6)' } : undefined}>
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/submissions/${i.submissionId}`} fw={500} size="sm">
                <span dir="ltr">
                  {i.projectCode} · {i.periodKey}
                </span>
              </Anchor>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {i.projectTitle}
              </Text>
              <Text size="xs" c="dimmed">
                {organisationName(i.organisation)}
              </Text>
            </div>
            <Stack gap={4} align="flex-end">
              <SubmissionStatusBadge status={i.status} />
              <Text size="xs" c={i.daysLeft < 0 && kind !== 'review' ? 'red.7' : 'dimmed'} fw={i.daysLeft < 0 && kind !== 'review' ? 600 : undefined} ta="end">
                {kind === 'review'
                  ? t('home.dueOn', { date: formatDate(i.dueDate) })
                  : i.daysLeft < 0
                  ? t('home.daysOverdue', { count: -i.daysLeft })
                  : i.daysLeft === 0
                    ? t('home.dueToday')
                    : t('home.daysLeft', { count: i.daysLeft, date: formatDate(i.dueDate) })}
              </Text>
              {i.openComments > 0 && (
                <Badge variant="light" color="orange" leftSection={<IconMessageCircle size={12} />} tt="none">
                  {t('board.openComments', { count: i.openComments })}
                </Badge>
              )}
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function ManagedRounds({ rounds }: { rounds: MyReporting['rounds'] }) {
  const { t } = useTranslation('reporting');
  const [all, setAll] = useState(false);
  const sorted = managedRoundsByUrgency(rounds);
  const shown = all ? sorted : sorted.slice(0, MANAGED_ROUNDS_SHOWN);
  return (
    <Stack gap={6} data-section="rounds">
      <Text fw={600} size="sm">
        {t('home.rounds')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
        {shown.map((r) => (
          <Card key={r.roundId} withBorder padding="xs" radius="sm" component={Link} to={`/rounds/${r.roundId}`}>
            <Group justify="space-between" gap={4}>
              <Text size="sm" fw={500} dir="ltr">
                {r.projectCode} · {r.periodKey}
              </Text>
              <Text size="xs" c="dimmed">
                {t('home.dueOn', { date: formatDate(r.dueDate) })}
              </Text>
            </Group>
            <Progress.Root size="md" mt={6} aria-label={t('home.roundProgress', { submitted: r.submitted, approved: r.approved, total: r.total })}>
              <Progress.Section value={percent(r.approved, r.total)} color="teal" />
              <Progress.Section value={percent(r.submitted - r.approved, r.total)} color="blue" />
            </Progress.Root>
            <Group gap="xs" mt={4}>
              <Text size="xs">{t('home.submittedOf', { submitted: formatNumber(r.submitted), total: formatNumber(r.total) })}</Text>
              <Text size="xs" c="teal.8">
                {t('home.approvedCount', { count: r.approved })}
              </Text>
              {r.late > 0 && (
                <Text size="xs" c="red.7" fw={600}>
                  {t('home.lateCount', { count: r.late })}
                </Text>
              )}
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      {sorted.length > MANAGED_ROUNDS_SHOWN && (
        <Button variant="subtle" size="xs" onClick={() => setAll((v) => !v)} style={{ alignSelf: 'flex-start' }}>
          {all ? t('home.showFewer') : t('home.showAllRounds', { count: sorted.length })}
        </Button>
      )}
    </Stack>
  );
}

function Reminders({ reminders }: { reminders: MyReporting['reminders'] }) {
  const { t } = useTranslation('reporting');
  return (
    <Stack gap={4} data-section="reminders">
      <Group gap={6}>
        <IconBell size={16} aria-hidden />
        <Text fw={600} size="sm">
          {t('home.reminders')}
        </Text>
      </Group>
      {reminders.slice(0, 5).map((r) => (
        <Text key={`${r.roundId}-${r.kind}-${r.sentAt}`} size="sm">
          <Anchor component={Link} to={`/rounds/${r.roundId}`} size="sm">
            <span dir="ltr">
              {r.projectCode} · {r.periodKey}
            </span>
          </Anchor>{' '}
          — {t(`home.reminder.${r.kind}`)} · <Text span size="xs" c="dimmed">{formatDateTime(r.sentAt)}</Text>
        </Text>
      ))}
    </Stack>
  );
}
