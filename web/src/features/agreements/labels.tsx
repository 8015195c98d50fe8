import { Badge, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarEvent, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDueStatus } from '@shared/schemas/index.js';
import { formatDate } from '../../lib/format.js';
import { daysFromTo } from './calendar.js';

/** One colour and one icon per status, and always the status in words: colour alone says nothing to some readers. */
export const DUE_STATUS_STYLE: Record<ReportDueStatus, { color: string; icon: ComponentType<{ size?: number }> }> = {
  overdue: { color: 'red', icon: IconAlertTriangle },
  due_soon: { color: 'orange', icon: IconClockHour4 },
  upcoming: { color: 'blue', icon: IconCalendarEvent },
  submitted: { color: 'teal', icon: IconCircleCheck },
};

// A badge in a table cell keeps its whole label (Arabic labels are longer than Mantine's ellipsis allows).
const noSqueeze = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const;

export function DueStatusBadge({ status }: { status: ReportDueStatus }) {
  const { t } = useTranslation('agreements');
  const { color, icon: Icon } = DUE_STATUS_STYLE[status];
  return (
    <Badge variant={status === 'overdue' ? 'filled' : 'light'} color={color} leftSection={<Icon size={12} />} styles={noSqueeze} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** "Due in 5 days", "Due today", "12 days late"; nothing for a submitted report. */
export function DueWhen({ dueDate, today, status }: { dueDate: string; today: string; status: ReportDueStatus }) {
  const { t } = useTranslation('agreements');
  if (status === 'submitted') return null;
  const days = daysFromTo(today, dueDate);
  const text = days === 0 ? t('when.today') : days > 0 ? t('when.inDays', { count: days }) : t('when.late', { count: -days });
  return (
    <Text span size="xs" c={days < 0 ? 'red.8' : 'dimmed'}>
      {text}
    </Text>
  );
}

/** "Quarterly, due 30 days after each period". */
export function useScheduleLabel() {
  const { t } = useTranslation('agreements');
  return (a: { reportFrequency: string; reportDueDays: number }) => t('schedule', { frequency: t(`frequency.${a.reportFrequency}`), count: a.reportDueDays });
}

/** A period's key (read left to right in every language) with its dates. */
export function PeriodCell({ periodKey, start, end }: { periodKey: string; start: string; end: string }) {
  return (
    <div>
      <Text span fw={600} dir="ltr" ff="monospace" size="sm">
        {periodKey}
      </Text>
      <Text size="xs" c="dimmed">
        {formatDate(start)} – {formatDate(end)}
      </Text>
    </div>
  );
}

/** "Sahel Action International (SAI)" reads long in a table: the acronym when there is one, the name in the tooltip. */
export const donorShort = (o: { name: string; acronym: string | null }) => o.acronym ?? o.name;
