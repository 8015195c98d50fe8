import { Button, Card, Group, SimpleGrid, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChecklist, IconMessageCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Round } from '@shared/schemas/index.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { boardOrder, roundCounts } from './completeness.js';
import { FilledBar, LateBadge, organisationName, Ratio, SubmissionStatusBadge } from './labels.js';

/** The four numbers a manager looks at first. */
export function RoundSummary({ round }: { round: Round }) {
  const { t } = useTranslation('reporting');
  const c = roundCounts(round.submissions);
  const stats = [
    { key: 'submitted', label: t('board.submitted'), value: <Ratio part={c.submitted} whole={c.total} /> },
    { key: 'waiting', label: t('board.waitingReview'), value: formatNumber(c.waitingReview), color: c.waitingReview > 0 ? 'blue.7' : undefined },
    { key: 'approved', label: t('board.approved'), value: formatNumber(c.approved), color: c.approved > 0 ? 'teal.8' : undefined },
    { key: 'late', label: t('board.late'), value: formatNumber(c.late), color: c.late > 0 ? 'red.7' : undefined },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="round-summary">
      {stats.map((s) => (
        <Card key={s.key} withBorder padding="sm" data-stat={s.key}>
          <Text size="sm" c="dimmed">
            {s.label}
          </Text>
          <Text fz={26} fw={700} c={s.color}>
            {s.value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** One row per organisation: where its package stands, how full it is, and the way in. */
export function CompletenessBoard({ round }: { round: Round }) {
  const { t } = useTranslation('reporting');
  const rows = boardOrder(round.submissions, currentLocale());
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('board.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" data-testid="completeness-board">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('board.organisation')}</Table.Th>
            <Table.Th>{t('board.status')}</Table.Th>
            <Table.Th>{t('board.filled')}</Table.Th>
            <Table.Th>{t('board.submittedAt')}</Table.Th>
            <Table.Th>{t('board.comments')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('board.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => {
            const name = organisationName(s.organisation);
            const review = round.canManage && s.status === 'submitted';
            return (
              <Table.Tr key={s.id} data-organisation={s.organisation.acronym ?? s.organisation.name} data-status={s.status}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.locationIds.length === 0 ? t('board.wholeProject') : t('board.locations', { count: s.locationIds.length })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="wrap">
                    <SubmissionStatusBadge status={s.status} />
                    {s.late && <LateBadge />}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <FilledBar filled={s.filledCount} expected={s.expectedCount} label={t('board.filledOf', { organisation: name })} />
                </Table.Td>
                <Table.Td>
                  {s.submittedAt ? (
                    <>
                      <Text size="sm">{formatDateTime(s.submittedAt)}</Text>
                      {s.submittedBy && (
                        <Text size="xs" c="dimmed">
                          {s.submittedBy.name}
                        </Text>
                      )}
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('board.notSubmitted')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {s.openComments > 0 ? (
                    <Group gap={4} wrap="nowrap">
                      <IconMessageCircle size={16} aria-hidden />
                      <Text size="sm">{t('board.openComments', { count: s.openComments })}</Text>
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    {review && (
                      <Button size="xs" component={Link} to={`/submissions/${s.id}`} leftSection={<IconChecklist size={14} />} aria-label={t('board.reviewOf', { organisation: name })}>
                        {t('board.review')}
                      </Button>
                    )}
                    <Button size="xs" variant={review ? 'default' : 'light'} component={Link} to={`/submissions/${s.id}`} aria-label={t('board.openOf', { organisation: name })}>
                      {t('board.open')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
