import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockPause, IconPlayerPlay, IconBan, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ActivityStatus, WorkPlanStatus } from '@shared/schemas/workplans.js';
import { formatDate } from '../../lib/format.js';

/** One colour per activity status, in the Gantt, the list and the dialog; always shown with the status in words or an icon. */
export const ACTIVITY_STATUS_COLORS: Record<ActivityStatus, string> = {
  not_started: 'gray',
  on_track: 'blue',
  delayed: 'orange',
  done: 'teal',
  cancelled: 'dark',
};

const ICONS: Record<ActivityStatus, typeof IconCircleCheck> = {
  not_started: IconCircleDashed,
  on_track: IconPlayerPlay,
  delayed: IconClockPause,
  done: IconCircleCheck,
  cancelled: IconBan,
};

// A badge in a table cell keeps its whole label (Arabic labels are longer than Mantine's ellipsis allows).
const noSqueeze = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const;

export function ActivityStatusBadge({ status, size = 'sm' }: { status: ActivityStatus; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('workplan');
  const Icon = ICONS[status];
  return (
    <Badge variant="light" size={size} color={ACTIVITY_STATUS_COLORS[status]} styles={noSqueeze} leftSection={<Icon size={12} aria-hidden />} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function OverdueBadge({ plannedEnd, size = 'sm' }: { plannedEnd: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('workplan');
  return (
    <Tooltip label={t('overdueSince', { date: formatDate(plannedEnd) })} withArrow>
      <Badge variant="filled" color="red" size={size} styles={noSqueeze} leftSection={<IconAlertTriangle size={12} aria-hidden />} data-testid="overdue-badge">
        {t('overdue')}
      </Badge>
    </Tooltip>
  );
}

export function PlanStatusBadge({ status }: { status: WorkPlanStatus }) {
  const { t } = useTranslation('workplan');
  return (
    <Badge variant={status === 'approved' ? 'filled' : 'outline'} color={status === 'approved' ? 'teal' : 'gray'} styles={noSqueeze} data-testid="plan-status" data-status={status}>
      {t(`planStatus.${status}`)}
    </Badge>
  );
}
