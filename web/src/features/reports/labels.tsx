import { Badge, Text, Tooltip } from '@mantine/core';
import { IconLanguageOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GeneratedReport } from '@shared/schemas/index.js';
import { LANGUAGE_NAMES } from '../../components/LanguageMenu.js';
import { formatDate } from '../../lib/format.js';

const STATUS_COLORS: Record<GeneratedReport['status'], string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' };

// A badge in a table cell keeps its whole label (Arabic labels are longer than Mantine's ellipsis allows).
const noSqueeze = { root: { flexShrink: 0, overflow: 'visible', height: 'auto', minHeight: 20 }, label: { overflow: 'visible', whiteSpace: 'normal' } } as const;

export function ReportStatusBadge({ status }: { status: GeneratedReport['status'] }) {
  const { t } = useTranslation('reports');
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} styles={noSqueeze} data-testid="report-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** "1 Jul 2026 – 30 Sep 2026", kept in reading order in Arabic too (each date is its own isolated run). */
export function PeriodText({ start, end }: { start: string; end: string }) {
  return (
    <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>
      <bdi>{formatDate(start)}</bdi> – <bdi>{formatDate(end)}</bdi>
    </Text>
  );
}

export const languageName = (locale: GeneratedReport['language']) => LANGUAGE_NAMES[locale];

/**
 * "3 passages not translated": narratives printed in their original language because no approved
 * translation into the report's language exists. Focusable, so the explanation reaches keyboard users.
 */
export function UntranslatedBadge({ count, language }: { count: number; language: GeneratedReport['language'] }) {
  const { t } = useTranslation('reports');
  if (count <= 0) return null;
  return (
    <Tooltip label={t('untranslated.tooltip', { language: languageName(language) })} multiline w={300} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Badge
        variant="light"
        color="orange"
        tt="none"
        leftSection={<IconLanguageOff size={12} />}
        styles={noSqueeze}
        tabIndex={0}
        data-testid="untranslated-badge"
        aria-label={`${t('untranslated.badge', { count })}. ${t('untranslated.tooltip', { language: languageName(language) })}`}
      >
        {t('untranslated.badge', { count })}
      </Badge>
    </Tooltip>
  );
}
