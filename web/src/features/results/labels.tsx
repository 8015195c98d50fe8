import { Badge, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LevelLabel } from '@shared/domain/framework-templates.js';
import type { DisaggregationCategory, DisaggregationOption, Framework, Indicator, ResultNode } from '@shared/schemas/index.js';
import { currentLocale } from '../../i18n/index.js';
import { formatNumber } from '../../lib/format.js';

/** A text in the user's language when a translation exists, else as written. */
export const localised = (text: string, translations: Record<string, string> | undefined) => translations?.[currentLocale()]?.trim() || text;

/** A level's name in the user's language (the API sends every language, after any renaming). */
export const levelName = (levels: LevelLabel[] | Framework['levels'], level: number) => {
  const l = levels[level];
  return l ? l[currentLocale()] || l.en : '';
};

export const nodeTitle = (n: Pick<ResultNode, 'title' | 'titles'>) => localised(n.title, n.titles);
export const indicatorName = (i: Pick<Indicator, 'name' | 'names'>) => localised(i.name, i.names);
export const categoryName = (c: Pick<DisaggregationCategory, 'name' | 'names'>) => localised(c.name, c.names);
export const optionLabel = (o: Pick<DisaggregationOption, 'label' | 'labels'>) => localised(o.label, o.labels);

const TYPE_COLORS: Record<Indicator['type'], string> = { number: 'blue', percentage: 'grape', currency: 'yellow', yes_no: 'teal', qualitative: 'gray' };
/** One colour per level, top to bottom, so a reader sees where a row sits at a glance. */
export const LEVEL_COLORS = ['indigo', 'teal', 'orange', 'gray'] as const;

export function TypeBadge({ type }: { type: Indicator['type'] }) {
  const { t } = useTranslation('results');
  return (
    <Badge variant="light" color={TYPE_COLORS[type]} size="sm" tt="none" styles={{ root: { flexShrink: 0 } }}>
      {t(`types.${type}`)}
    </Badge>
  );
}

/** Up means "more is better" in every script direction, so the arrows are not mirrored in Arabic. */
export function DirectionArrow({ direction }: { direction: Indicator['direction'] }) {
  const { t } = useTranslation('results');
  const label = t(`directions.${direction}`);
  const Icon = direction === 'increase' ? IconArrowUp : IconArrowDown;
  return (
    <Tooltip label={label} withArrow>
      <Icon size={16} aria-label={label} role="img" color={direction === 'increase' ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-orange-7)'} style={{ flexShrink: 0 }} />
    </Tooltip>
  );
}

/** A baseline or target as the reader expects it: "75 %", "1,200", "Yes" (the unit is shown beside it). */
export function formatValue(value: number | null, type: Indicator['type'], yesNo?: { yes: string; no: string }): string {
  if (value === null) return '—';
  if (type === 'yes_no' && yesNo) return value ? yesNo.yes : yesNo.no;
  const n = formatNumber(value, { maximumFractionDigits: 2 });
  return type === 'percentage' ? `${n} %` : n;
}
