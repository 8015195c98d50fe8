import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LocationLevel } from '@shared/schemas/locations.js';
import type { Granularity, PivotCatalogue, PivotDimension, PivotMember } from '@shared/schemas/monitoring.js';

/** Names of dimensions in the reader's language: "Admin level 1", "Quarter", or a category's own name. */
export function useDimensionNames(catalogue: Pick<PivotCatalogue, 'categories'>) {
  const { t } = useTranslation('pivot');
  const categoryName = (id: string) => catalogue.categories.find((c) => c.id === id)?.name ?? t('dimensions.category');
  const levelName = (level: LocationLevel) => t(`levels.${level}`);
  const granularityName = (g: Granularity) => t(`granularities.${g}`);
  /** The name as a list item or menu entry: what the dimension is ("Place", "Period", "Sex"). */
  const kindName = (d: PivotDimension) => (d.type === 'category' ? categoryName(d.categoryId) : t(`dimensions.${d.type}`));
  /** The name as a column heading: as precise as the table ("Admin level 1", "Quarter"). */
  const headingName = (d: PivotDimension) =>
    d.type === 'location' ? levelName(d.level) : d.type === 'period' ? granularityName(d.granularity) : kindName(d);
  return { kindName, headingName, levelName, granularityName };
}

/** Dimensions whose members are known by their code (indicator 1.1, result OC1, project CLM-KOL-01); a place's P-code only helps as a tooltip. */
const CODED = new Set<PivotDimension['type']>(['indicator', 'resultNode', 'project', 'programme']);

/** A member as read in a header: the code dimmed before the label where it names the member ("1.1 People trained"). */
export function MemberLabel({ member, dimension }: { member: PivotMember; dimension: PivotDimension | undefined }) {
  const { t } = useTranslation('pivot');
  const label = member.label || (member.key === 'none' ? t('table.none') : member.key);
  const code = member.code;
  if (!code || !dimension || !CODED.has(dimension.type)) return <span title={code ?? undefined}>{label}</span>;
  // The server may already start the label with the code ("OC1.1 Number of…"): show it once.
  const rest = label.startsWith(`${code} `) ? label.slice(code.length + 1) : label;
  return (
    <>
      <Text span inherit c="dimmed" ff="monospace" fz="xs">
        {code}
      </Text>{' '}
      {rest}
    </>
  );
}
