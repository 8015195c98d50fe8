import { MultiSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PivotCatalogue } from '@shared/schemas/monitoring.js';
import { MAX_INDICATORS } from './definition.js';

/** The catalogue as select groups: one per project ("CLM-KOL-01 — Kolwezi…"), programme indicators under their programme. */
export function indicatorGroups(catalogue: PivotCatalogue) {
  const groups = new Map<string, { group: string; items: { value: string; label: string }[] }>();
  for (const i of catalogue.indicators) {
    const group = i.project ? `${i.project.code} — ${i.project.title}` : `${i.programme.code} — ${i.programme.name}`;
    const entry = groups.get(group) ?? { group, items: [] };
    entry.items.push({ value: i.id, label: `${i.code} · ${i.name}` });
    groups.set(group, entry);
  }
  return [...groups.values()];
}

/** Searchable by code, name or project: the search text matches the option and its group. */
export function IndicatorPicker({ catalogue, value, onChange }: { catalogue: PivotCatalogue; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation('pivot');
  const data = useMemo(() => indicatorGroups(catalogue), [catalogue]);
  const groupOf = useMemo(() => new Map(data.flatMap((g) => g.items.map((i) => [i.value, g.group.toLowerCase()] as const))), [data]);
  return (
    <MultiSelect
      label={t('builder.indicators')}
      description={t('builder.indicatorsHelp', { max: MAX_INDICATORS })}
      placeholder={value.length ? undefined : t('builder.indicatorsPlaceholder')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      maxValues={MAX_INDICATORS}
      nothingFoundMessage={t('common:common.noResults')}
      maxDropdownHeight={360}
      comboboxProps={{ withinPortal: true }}
      filter={({ options, search }) => {
        const q = search.trim().toLowerCase();
        if (!q) return options;
        // Options arrive grouped; keep a group's items that match by their own text or the project's.
        return options
          .map((o) =>
            'group' in o
              ? { ...o, items: o.items.filter((i) => i.label.toLowerCase().includes(q) || (groupOf.get(i.value) ?? '').includes(q)) }
              : o,
          )
          .filter((o) => !('group' in o) || o.items.length > 0);
      }}
      data-testid="pivot-indicators"
    />
  );
}
