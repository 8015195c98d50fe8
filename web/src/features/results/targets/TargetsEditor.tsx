import { Alert, Badge, Button, Group, List, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeReason } from '@shared/domain/framework-templates.js';
import type { Indicator, IndicatorTargets } from '@shared/schemas/index.js';
import { formatNumber } from '../../../lib/format.js';
import { apiProblems } from '../form-problems.js';
import { formatValue, optionLabel } from '../labels.js';
import { usePutTargets } from '../mutations.js';
import {
  type Cells,
  cellKey,
  cellsFromTargets,
  type ColumnMode,
  columnsFor,
  countByLocation,
  LOP_PERIOD_KEY,
  parseCellKey,
  periodRollUp,
  problemsByCell,
  rollUpPeriods,
  sameCells,
  targetsFromCells,
} from './grid.js';
import { parseLocaleNumber } from './locale-number.js';
import { SaveTargetsModal } from './SaveTargetsModal.js';
import { TargetsTable } from './TargetsTable.js';

const ALL = '';

/**
 * The targets of one indicator as a table to fill in: one place (or all together) at a time, every
 * cell kept while the user switches places or columns, and the whole set saved at once with a reason.
 * `onSaved` remounts the editor on the saved targets.
 */
export function TargetsEditor({ indicator, data, onSaved }: { indicator: Indicator; data: IndicatorTargets; onSaved: () => void }) {
  const { t } = useTranslation('results');
  const initial = useMemo(() => cellsFromTargets(data.targets, data.categories), [data]);
  const [cells, setCells] = useState<Cells>(initial);
  /** Text typed into a cell that is not a number, by cell; such a cell has no value. */
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<ColumnMode>('combinations');
  const [location, setLocation] = useState<string>(ALL);
  const [saving, setSaving] = useState(false);
  const [sentOrder, setSentOrder] = useState<string[]>([]);
  const put = usePutTargets(indicator.id);
  const locationId = location === ALL ? null : location;
  const columns = useMemo(() => columnsFor(data.categories, mode), [data.categories, mode]);
  const dirty = !sameCells(cells, initial) || Object.keys(invalid).length > 0;
  const placed = useMemo(() => problemsByCell(apiProblems(put.error), sentOrder), [put.error, sentOrder]);
  const cellLabel = useCellLabel(data);

  const onCommit = useCallback((cell: string, text: string) => {
    const value = parseLocaleNumber(text);
    setCells((c) => {
      const next = { ...c };
      if (value === null || Number.isNaN(value)) delete next[cell];
      else next[cell] = value;
      return next;
    });
    setInvalid((i) => {
      if (value === null || !Number.isNaN(value)) {
        if (!(cell in i)) return i;
        const { [cell]: _, ...rest } = i;
        return rest;
      }
      return { ...i, [cell]: text };
    });
  }, []);

  // Leaving the page with unsaved targets asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const submit = (why: { reason: ChangeReason; note: string }) => {
    const { targets, order } = targetsFromCells(cells);
    setSentOrder(order);
    put.mutate(
      { targets, why },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('targets.saved', { code: indicator.code }) });
          setSaving(false);
          onSaved();
        },
        onError: (err) => {
          // Problems with cells are shown on the table; for the reason or a general failure the dialog stays open.
          if (Object.keys(problemsByCell(apiProblems(err), order).byCell).length > 0) setSaving(false);
        },
      },
    );
  };

  const counts = countByLocation(cells);
  const locationOptions = [
    { value: ALL, label: withCount(t('targets.allLocations'), counts.get('') ?? 0) },
    ...data.locations.map((l) => ({ value: l.id, label: withCount(`${l.name} (${l.pcode})`, counts.get(l.id) ?? 0) })),
  ];
  const invalidCount = Object.keys(invalid).length;
  const whyProblems = placed.other.filter((p) => p.field.startsWith('why.'));
  const otherProblems = placed.other.filter((p) => !p.field.startsWith('why.'));

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          {data.locations.length > 0 && (
            <Select
              label={t('targets.location')}
              data={locationOptions}
              value={location}
              onChange={(v) => v !== null && setLocation(v)}
              allowDeselect={false}
              searchable={data.locations.length > 8}
              w={280}
              comboboxProps={{ withinPortal: true }}
              data-testid="targets-location"
            />
          )}
          {data.categories.length > 1 && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="targets-columns-label">
                {t('targets.columns')}
              </Text>
              <SegmentedControl
                aria-labelledby="targets-columns-label"
                value={mode}
                onChange={(v) => setMode(v as ColumnMode)}
                data={[
                  { value: 'combinations', label: t('targets.modeCombinations') },
                  { value: 'categories', label: t('targets.modeCategories') },
                ]}
                data-testid="targets-mode"
              />
            </Stack>
          )}
        </Group>
        {data.canEdit && (
          <Group gap="xs">
            {dirty && (
              <Badge color="yellow" variant="light" tt="none" data-testid="targets-dirty">
                {t('targets.unsaved')}
              </Badge>
            )}
            <Button
              variant="default"
              disabled={!dirty || put.isPending}
              onClick={() => {
                setCells(initial);
                setInvalid({});
                put.reset();
              }}
            >
              {t('targets.discard')}
            </Button>
            <Button leftSection={<IconDeviceFloppy size={16} />} disabled={!dirty || invalidCount > 0} onClick={() => setSaving(true)} data-testid="targets-save">
              {t('targets.saveButton')}
            </Button>
          </Group>
        )}
      </Group>

      {mode === 'categories' && data.categories.length > 1 && (
        <Text size="xs" c="dimmed">
          {t('targets.modeCategoriesHelp')}
        </Text>
      )}
      {invalidCount > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
          {t('targets.invalidCells', { count: invalidCount })}
        </Alert>
      )}
      {Object.keys(placed.byCell).length > 0 && !saving && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" title={t('targets.notSaved')} data-testid="targets-errors">
          <List size="sm">
            {Object.entries(placed.byCell).map(([cell, message]) => (
              <List.Item key={cell}>
                <strong>{cellLabel(cell)}</strong>: {message}
              </List.Item>
            ))}
            {otherProblems.map((p) => (
              <List.Item key={p.field}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      <TargetsTable
        data={data}
        type={indicator.type}
        columns={columns}
        mode={mode}
        locationId={locationId}
        cells={cells}
        invalid={invalid}
        errors={put.isPending ? {} : placed.byCell}
        canEdit={data.canEdit}
        onCommit={onCommit}
      />
      <RollUpNote indicator={indicator} data={data} cells={cells} locationId={locationId} />

      <SaveTargetsModal
        opened={saving}
        summary={t('targets.saveSummary', { count: Object.keys(cells).length, formatted: formatNumber(Object.keys(cells).length) })}
        pending={put.isPending}
        problems={whyProblems}
        error={whyProblems.length === 0 && Object.keys(placed.byCell).length === 0 ? put.error : null}
        onSubmit={submit}
        onClose={() => setSaving(false)}
      />
    </Stack>
  );
}

const withCount = (label: string, count: number) => (count ? `${label} · ${formatNumber(count)}` : label);

/** A cell in words for the problem list: "2026-Q1 · Kolwezi · Female · 0–4 years". */
function useCellLabel(data: IndicatorTargets) {
  const { t } = useTranslation('results');
  return (cell: string) => {
    const { period, locationId, optionIds } = parseCellKey(cell);
    const place = locationId ? (data.locations.find((l) => l.id === locationId)?.name ?? locationId) : t('targets.allLocations');
    const options = optionIds.map((id) => data.categories.flatMap((c) => c.options).find((o) => o.id === id)).map((o) => (o ? optionLabel(o) : '?'));
    return [period === LOP_PERIOD_KEY ? t('targets.lifeOfProject') : period, place, ...(options.length ? options : [t('targets.total')])].join(' · ');
  };
}

/**
 * The period targets rolled up beside the life-of-project target, as information only: the LoP
 * target is its own number (people reached in several quarters are counted once), never overwritten.
 */
function RollUpNote({ indicator, data, cells, locationId }: { indicator: Indicator; data: IndicatorTargets; cells: Cells; locationId: string | null }) {
  const { t } = useTranslation('results');
  const rule = periodRollUp(indicator);
  if (!rule || data.periods.length === 0) return null;
  const value = rollUpPeriods(cells, data.periods.map((p) => p.key), locationId, '', rule);
  const lop = locationId === null ? data.lopTarget : (cells[cellKey(LOP_PERIOD_KEY, locationId, '')] ?? null);
  const periods = t(`targets.periodTargets.${data.frequency}`);
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="targets-rollup">
      <IconInfoCircle size={16} color="var(--mantine-color-blue-6)" style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="sm">
        {value === null ? t('targets.noPeriodTargets', { periods }) : t(`targets.rollUp.${rule}`, { periods, value: formatValue(value, indicator.type) })}
        {' — '}
        {locationId === null
          ? t('targets.lopSeparate', { value: formatValue(lop, indicator.type) })
          : lop === null
            ? t('targets.noLopPlace')
            : t('targets.lopSeparatePlace', { value: formatValue(lop, indicator.type) })}
      </Text>
    </Group>
  );
}
