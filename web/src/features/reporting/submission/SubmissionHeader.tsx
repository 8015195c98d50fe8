import { Anchor, Badge, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCalendarEvent, IconCheck, IconLockOpen, IconSend } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubmissionDetail } from '@shared/schemas/index.js';
import { formatDate } from '../../../lib/format.js';
import { LateBadge, organisationName, SubmissionStatusBadge } from '../labels.js';

export type ActionName = 'submit' | 'return' | 'approve' | 'reopen';

/** Projects › CODE › Reporting › 2026-Q3 › Organisation. */
function SubmissionBreadcrumbs({ detail }: { detail: SubmissionDetail }) {
  const { t } = useTranslation(['submission', 'projects']);
  const { round, submission } = detail;
  return (
    <Breadcrumbs separatorMargin={6} styles={{ root: { flexWrap: 'wrap', rowGap: 4 } }}>
      <Anchor component={Link} to="/projects" size="sm">
        {t('projects:projects.title')}
      </Anchor>
      <Anchor component={Link} to={`/projects/${round.projectId}`} size="sm" dir="ltr">
        {round.projectCode}
      </Anchor>
      <Anchor component={Link} to={`/projects/${round.projectId}/reporting`} size="sm">
        {t('header.reporting')}
      </Anchor>
      <Anchor component={Link} to={`/rounds/${round.id}`} size="sm" dir="ltr" data-testid="round-link">
        {round.periodKey}
      </Anchor>
      <Text size="sm" c="dimmed">
        {organisationName(submission.organisation)}
      </Text>
    </Breadcrumbs>
  );
}

/**
 * What the package is (project, period, organisation, due date, status) and what the reader may do
 * with it: submit it, approve or return it, reopen it. The save status sits under the title.
 */
export function SubmissionHeader({ detail, saveStatus, extra, onAction }: { detail: SubmissionDetail; saveStatus: ReactNode; extra?: ReactNode; onAction: (a: ActionName) => void }) {
  const { t } = useTranslation('submission');
  const { round, submission } = detail;
  return (
    <Stack gap="xs">
      <SubmissionBreadcrumbs detail={detail} />
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Group gap="sm" wrap="wrap">
            <Title order={2}>
              <span dir="ltr">{round.projectCode}</span> · <span dir="ltr">{round.periodKey}</span> · {submission.organisation.acronym ?? submission.organisation.name}
            </Title>
            <SubmissionStatusBadge status={submission.status} />
            {submission.late && <LateBadge />}
          </Group>
          <Text size="sm" c="dimmed">
            {/* Titles are in the project's language, dates in the reader's: each keeps its own direction. */}
            <bdi>{round.projectTitle}</bdi>
            {round.title && (
              <>
                {' · '}
                <bdi>{round.title}</bdi>
              </>
            )}
            {' · '}
            <bdi>{t('header.period', { start: formatDate(round.periodStart), end: formatDate(round.periodEnd) })}</bdi>
          </Text>
          <Group gap="md" wrap="wrap">
            <Group gap={4} wrap="nowrap">
              <IconCalendarEvent size={16} aria-hidden />
              <Text size="sm">{t('header.due', { date: formatDate(round.dueDate) })}</Text>
            </Group>
            <Text size="sm">{t('header.filled', { filled: submission.filledCount, expected: submission.expectedCount })}</Text>
            {submission.openComments > 0 && (
              <Badge color="orange" variant="light" tt="none">
                {t('header.openComments', { count: submission.openComments })}
              </Badge>
            )}
            {saveStatus}
          </Group>
        </Stack>
        <Group gap="xs">
          {extra}
          {detail.canEdit && (
            <Button leftSection={<IconSend size={16} />} onClick={() => onAction('submit')} data-testid="submit-package">
              {t('actions.submit')}
            </Button>
          )}
          {detail.canReview && (
            <>
              <Button variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => onAction('return')} data-testid="return-package">
                {t('actions.return')}
              </Button>
              <Button color="teal" leftSection={<IconCheck size={16} />} onClick={() => onAction('approve')} data-testid="approve-package">
                {t('actions.approve')}
              </Button>
            </>
          )}
          {detail.canReopen && (
            <Button variant="default" leftSection={<IconLockOpen size={16} />} onClick={() => onAction('reopen')} data-testid="reopen-package">
              {t('actions.reopen')}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}
