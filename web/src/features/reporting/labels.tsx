import { Badge, Progress, Text, Tooltip } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SubmissionStatus } from '@shared/domain/submission-status.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { percent } from './completeness.js';

/** One colour per status, everywhere (board, home page, round list); the badge always says the status in words too. */
export const STATUS_COLORS: Record<SubmissionStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  approved: 'teal',
  reopened: 'grape',
};

// A badge in a table cell keeps its whole label (Arabic labels are longer than Mantine's ellipsis allows).
const noSqueeze = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const;

export function SubmissionStatusBadge({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation('reporting');
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} styles={noSqueeze} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function RoundStatusBadge({ status }: { status: 'open' | 'closed' }) {
  const { t } = useTranslation('reporting');
  return (
    <Badge variant={status === 'open' ? 'light' : 'outline'} color={status === 'open' ? 'teal' : 'gray'} styles={noSqueeze}>
      {t(`roundStatus.${status}`)}
    </Badge>
  );
}

export function LateBadge() {
  const { t } = useTranslation('reporting');
  return (
    <Badge variant="filled" color="red" styles={noSqueeze} leftSection={<IconClockExclamation size={12} />}>
      {t('late')}
    </Badge>
  );
}

/** "2026-Q3" with its dates underneath: keys are read left to right in every language. */
export function PeriodLabel({ periodKey, start, end }: { periodKey: string; start?: string; end?: string }) {
  return (
    <div>
      <Text span fw={600} dir="ltr" ff="monospace" size="sm">
        {periodKey}
      </Text>
      {start && end && (
        <Text size="xs" c="dimmed">
          {formatDate(start)} – {formatDate(end)}
        </Text>
      )}
    </div>
  );
}

/** "3 / 5" read left to right in every language: in Arabic the neutral slash would otherwise swap the two numbers. */
export function Ratio({ part, whole }: { part: number; whole: number }) {
  return (
    <span dir="ltr" style={{ unicodeBidi: 'isolate' }}>
      {formatNumber(part)} / {formatNumber(whole)}
    </span>
  );
}

/** "12 / 40" with a bar; the bar's label says the same for screen readers. */
export function FilledBar({ filled, expected, label }: { filled: number; expected: number; label: string }) {
  const value = percent(filled, expected);
  return (
    <Tooltip label={`${formatNumber(value)} %`} withArrow>
      <div style={{ minWidth: 110 }}>
        <Text size="xs" mb={2}>
          <Ratio part={filled} whole={expected} />
        </Text>
        <Progress value={value} size="sm" color={value >= 100 ? 'teal' : 'blue'} aria-label={label} />
      </div>
    </Tooltip>
  );
}

/** "Acme (ACM)" is long; the board shows the acronym when there is one and the full name beside it. */
export function organisationName(o: { name: string; acronym: string | null }): string {
  return o.acronym ? `${o.name} (${o.acronym})` : o.name;
}
