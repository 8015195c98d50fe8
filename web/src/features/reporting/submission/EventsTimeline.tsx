import { Card, Text, Timeline, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconLockOpen, IconMessage, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '@shared/schemas/index.js';
import { formatDateTime } from '../../../lib/format.js';

const ICONS = { submit: IconSend, return: IconArrowBackUp, approve: IconCheck, reopen: IconLockOpen } as const;
const COLORS = { submit: 'blue', return: 'orange', approve: 'teal', reopen: 'grape' } as const;

/** Who did what to the package and when, with their comments, and the reviewers' comments on the whole package; oldest first. */
export function EventsTimeline({ detail }: { detail: SubmissionDetail }) {
  const { t } = useTranslation('submission');
  const items = [
    ...detail.events.map((e) => ({ at: e.at, id: e.id, kind: 'event' as const, e })),
    ...detail.comments.filter((c) => !c.cell).map((c) => ({ at: c.createdAt, id: c.id, kind: 'comment' as const, c })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="events-title" data-testid="events">
      <Title order={3} size="h5" id="events-title" mb="sm">
        {t('events.title')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('events.none')}
        </Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} active={items.length - 1}>
          {items.map((item) => {
            if (item.kind === 'comment') {
              return (
                <Timeline.Item key={item.id} bullet={<IconMessage size={12} />} color="gray" title={<Text size="sm" fw={600}>{t('events.packageComment', { name: item.c.author.name })}</Text>}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(item.at)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                    {item.c.body}
                  </Text>
                </Timeline.Item>
              );
            }
            const Icon = ICONS[item.e.action];
            return (
              <Timeline.Item key={item.id} bullet={<Icon size={12} />} color={COLORS[item.e.action]} title={<Text size="sm" fw={600}>{t(`events.${item.e.action}`, { name: item.e.user.name })}</Text>}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(item.at)}
                </Text>
                {item.e.comment && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                    {item.e.comment}
                  </Text>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Card>
  );
}
