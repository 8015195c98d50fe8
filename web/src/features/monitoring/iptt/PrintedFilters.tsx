import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Iptt } from '@shared/schemas/monitoring.js';
import { formatDate } from '../../../lib/format.js';
import classes from './iptt.module.css';
import type { IpttFilters } from './url-state.js';

/**
 * On paper the controls are gone, so the page says in one line which table this is: the periods
 * and every filter applied (by name, as the reader picked them).
 */
export function PrintedFilters({ data, filters, consolidated }: { data: Iptt; filters: IpttFilters; consolidated: boolean }) {
  const { t } = useTranslation('iptt');
  const o = data.options;
  const names = <T extends { id: string }>(ids: string[], list: T[], label: (x: T) => string) =>
    ids.map((id) => {
      const found = list.find((x) => x.id === id);
      return found ? label(found) : id;
    });

  const parts: string[] = [`${t('granularity.label')}: ${t(`granularity.${data.granularity}`)}`];
  if (filters.from || filters.to) parts.push(`${formatDate(filters.from || o.start)} – ${formatDate(filters.to || o.end)}`);
  if (filters.levels.length)
    parts.push(`${t('filters.levels')}: ${filters.levels.map((l) => o.levels.find((x) => x.level === l)?.label ?? String(l)).join(', ')}`);
  if (filters.locationIds.length) parts.push(`${t('filters.locations')}: ${names(filters.locationIds, o.locations, (l) => l.name).join(', ')}`);
  if (filters.organisationIds.length)
    parts.push(`${t('filters.organisations')}: ${names(filters.organisationIds, o.organisations, (x) => x.acronym ?? x.name).join(', ')}`);
  if (filters.categoryIds.length) parts.push(`${t('filters.categories')}: ${names(filters.categoryIds, o.categories, (c) => c.name).join(', ')}`);
  if (consolidated && filters.sector) parts.push(`${t('filters.sector')}: ${filters.sector}`);

  return (
    <Text size="sm" className={classes.printOnly} data-testid="iptt-printed-filters">
      {parts.join(' · ')}
    </Text>
  );
}
