import { Button, Card, Group, Loader, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRANULARITIES, type Granularity, type Iptt } from '@shared/schemas/monitoring.js';
import { useCodelist } from '../../../api/lookups.js';
import { hasFilters, type IpttFilters } from './url-state.js';

export interface IpttControlsProps {
  filters: IpttFilters;
  options: Iptt['options'] | undefined;
  consolidated: boolean;
  canIncludePending: boolean;
  refreshing: boolean;
  onChange: (patch: Partial<IpttFilters>) => void;
  onClear: () => void;
}

const toNumbers = (values: string[]) => values.map(Number);

/**
 * A control's value shown at once while the address (which the router updates in a transition)
 * catches up; whenever the address value changes, it wins.
 */
function useInstant<T>(value: T): [T, (v: T) => void] {
  const [state, setState] = useState({ value, shown: value });
  if (state.value !== value) setState({ value, shown: value });
  return [state.value !== value ? value : state.shown, (shown: T) => setState((s) => ({ ...s, shown }))];
}

/** Granularity, period range and filters; every choice goes to the address (the page reads it back). */
export function IpttControls({ filters, options, consolidated, canIncludePending, refreshing, onChange, onClear }: IpttControlsProps) {
  const { t } = useTranslation('iptt');
  const all = t('common:common.all');
  const common = { placeholder: all, clearable: true, searchable: true, nothingFoundMessage: t('common:common.noResults'), size: 'sm' } as const;
  const min = options?.start ?? undefined;
  const max = options?.end ?? undefined;
  const [granularity, showGranularity] = useInstant(filters.granularity);
  const [includePending, showIncludePending] = useInstant(filters.includePending);
  const rangeError = filters.from && filters.to && filters.from > filters.to ? t('filters.rangeError') : undefined;

  return (
    <Card withBorder padding="sm" data-testid="iptt-controls">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm" wrap="wrap">
            <Text size="sm" fw={600} id="iptt-granularity">
              {t('granularity.label')}
            </Text>
            <SegmentedControl
              aria-labelledby="iptt-granularity"
              data-testid="iptt-granularity"
              value={granularity}
              onChange={(v) => {
                showGranularity(v as Granularity);
                onChange({ granularity: v as Granularity });
              }}
              data={GRANULARITIES.map((g) => ({ value: g, label: t(`granularity.${g}`) }))}
            />
            {refreshing && <Loader size="xs" aria-label={t('common:common.loading')} />}
          </Group>
          <Group gap="md" wrap="wrap">
            {canIncludePending && (
              <Switch
                data-testid="iptt-include-pending"
                checked={includePending}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  showIncludePending(checked);
                  onChange({ includePending: checked });
                }}
                label={t('filters.includePending')}
              />
            )}
            {hasFilters(filters) && (
              <Button variant="subtle" color="gray" size="xs" leftSection={<IconFilterOff size={14} />} onClick={onClear}>
                {t('filters.clear')}
              </Button>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm" verticalSpacing="xs">
          <TextInput
            type="date"
            size="sm"
            label={t('filters.from')}
            value={filters.from}
            min={min}
            max={filters.to || max}
            onChange={(e) => onChange({ from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            size="sm"
            label={t('filters.to')}
            value={filters.to}
            min={filters.from || min}
            max={max}
            onChange={(e) => onChange({ to: e.currentTarget.value })}
            error={rangeError}
          />
          <MultiSelect
            {...common}
            label={t('filters.levels')}
            data={(options?.levels ?? []).map((l) => ({ value: String(l.level), label: l.label }))}
            value={filters.levels.map(String)}
            onChange={(v) => onChange({ levels: toNumbers(v).sort((a, b) => a - b) })}
          />
          <MultiSelect
            {...common}
            label={t('filters.categories')}
            data={(options?.categories ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={filters.categoryIds}
            onChange={(v) => onChange({ categoryIds: v })}
          />
          <MultiSelect
            {...common}
            label={t('filters.locations')}
            data={(options?.locations ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.pcode})` }))}
            value={filters.locationIds}
            onChange={(v) => onChange({ locationIds: v })}
            limit={200}
          />
          <MultiSelect
            {...common}
            label={t('filters.organisations')}
            data={(options?.organisations ?? []).map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name }))}
            value={filters.organisationIds}
            onChange={(v) => onChange({ organisationIds: v })}
          />
          {consolidated && <SectorSelect value={filters.sector} onChange={(sector) => onChange({ sector })} />}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

/** DAC sectors from the code list, in the reader's language; asked for only on consolidated tables. */
function SectorSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('iptt');
  const sectors = useCodelist('sectors');
  const data = (sectors.data?.items ?? []).map((s) => ({ value: s.code, label: `${s.code} — ${s.name}` }));
  // A sector from the address that the list does not have (yet) stays selectable, shown by its code.
  if (value && !data.some((d) => d.value === value)) data.unshift({ value, label: value });
  return (
    <Select
      label={t('filters.sector')}
      placeholder={t('common:common.all')}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable
      clearable
      nothingFoundMessage={t('common:common.noResults')}
      limit={100}
      // Sector names are long: the list is wider than its narrow field.
      comboboxProps={{ width: 380, position: 'bottom-start' }}
    />
  );
}
