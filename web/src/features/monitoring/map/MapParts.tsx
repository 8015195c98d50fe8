import { Box, Group, Paper, ScrollArea, Stack, Table, Text, useDirection } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorMap } from '@shared/schemas/index.js';
import { formatNumber } from '../../../lib/format.js';
import { formatIndicatorValue, formatPercent } from '../dashboard/figures.js';
import { NoDataPattern } from './Choropleth.js';
import type { MapAreaView, MapModel } from './model.js';

type IndicatorFacts = IndicatorMap['indicator'];

export function useAreaFormat(indicator: IndicatorFacts) {
  const { t } = useTranslation('dashboard');
  const yesNo = { yes: t('common:common.yes'), no: t('common:common.no') };
  const value = (v: number | null) => formatIndicatorValue(v, indicator.type, formatNumber, yesNo);
  /** What a screen reader hears for an area, and what the table says: the same words. */
  const describe = (a: MapAreaView) => {
    if (a.value === null) return `${a.name}: ${t('map.noData')}`;
    const parts = [`${a.name}: ${value(a.value)}${indicator.unit && indicator.type !== 'percentage' ? ` ${indicator.unit}` : ''}`];
    if (a.target !== null) parts.push(t('map.targetCoverage', { target: value(a.target), coverage: formatPercent(a.coverage, formatNumber) }));
    if (a.pending) parts.push(t('pendingMark'));
    return parts.join(' · ');
  };
  return { value, describe };
}

/** The box shown over an area on hover or focus. */
export function MapTooltip({ area, indicator }: { area: MapAreaView; indicator: IndicatorFacts }) {
  const { t } = useTranslation('dashboard');
  const { dir } = useDirection();
  const { value } = useAreaFormat(indicator);
  return (
    <Paper withBorder shadow="md" p="xs" dir={dir} miw={170} maw={280} data-testid="map-tooltip" data-pcode={area.pcode} data-value={area.value ?? ''}>
      <Text size="sm" fw={600}>
        {area.name}{' '}
        <Text span size="xs" c="dimmed" ff="monospace" dir="ltr">
          {area.pcode}
        </Text>
      </Text>
      <Text size="sm" data-testid="map-tooltip-value" c={area.value === null ? 'dimmed' : undefined}>
        {area.value === null ? t('map.noData') : `${value(area.value)}${area.pending ? ' *' : ''}`}
        {area.value !== null && indicator.unit && indicator.type !== 'percentage' && (
          <Text span size="xs" c="dimmed">
            {' '}
            {indicator.unit}
          </Text>
        )}
      </Text>
      {area.target !== null && (
        <Stack gap={0} mt={4}>
          <Text size="xs" data-testid="map-tooltip-target">
            {t('map.target')}: {value(area.target)}
          </Text>
          <Text size="xs" data-testid="map-tooltip-coverage">
            {t('map.coverage')}: {formatPercent(area.coverage, formatNumber)}
          </Text>
        </Stack>
      )}
      {area.pending && (
        <Text size="xs" c="orange.8" mt={4}>
          {t('pendingMark')}
        </Text>
      )}
    </Paper>
  );
}

/** Class breaks as numbers, light to dark, and "No data" hatched like the map. */
export function MapLegend({ model, indicator }: { model: MapModel; indicator: IndicatorFacts }) {
  const { t } = useTranslation('dashboard');
  const { value } = useAreaFormat(indicator);
  const patternId = `legend-no-data-${useId().replace(/:/g, '')}`;
  return (
    <Box data-testid="map-legend" mb="xs">
      <Text size="xs" fw={600} mb={4}>
        {indicator.unit && indicator.type !== 'percentage' ? t('map.legendUnit', { unit: indicator.unit }) : t('map.legend')}
      </Text>
      <Group gap="md" wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {model.legend.map((c, i) => (
          <Group key={i} gap={6} wrap="nowrap" component="li" data-testid="legend-class" data-from={c.from} data-to={c.to}>
            <Box w={18} h={14} style={{ background: c.color, border: '1px solid #ced4da', borderRadius: 2 }} aria-hidden />
            <Text size="xs" style={{ unicodeBidi: 'isolate', whiteSpace: 'nowrap' }}>
              <bdi>{value(c.from)}</bdi> – <bdi>{value(c.to)}</bdi>
            </Text>
          </Group>
        ))}
        <Group gap={6} wrap="nowrap" component="li" data-testid="legend-no-data">
          <svg width={18} height={14} aria-hidden>
            <defs>
              <NoDataPattern id={patternId} />
            </defs>
            <rect x={0.5} y={0.5} width={17} height={13} rx={2} fill={`url(#${patternId})`} stroke="#ced4da" />
          </svg>
          <Text size="xs">
            {t('map.noData')}
            {model.noData > 0 && ` (${formatNumber(model.noData)})`}
          </Text>
        </Group>
      </Group>
    </Box>
  );
}

/** Every area's figure, in the same order as the keyboard visits the map: the map for screen readers. */
export function MapTable({
  model,
  indicator,
  onHighlight,
}: {
  model: MapModel;
  indicator: IndicatorFacts;
  onHighlight: (locationId: string | null) => void;
}) {
  const { t } = useTranslation('dashboard');
  const { value } = useAreaFormat(indicator);
  return (
    <ScrollArea.Autosize mah={600} type="auto">
      <Table verticalSpacing={6} striped highlightOnHover stickyHeader data-testid="map-table" onMouseLeave={() => onHighlight(null)}>
        <caption style={{ captionSide: 'top', textAlign: 'start', fontSize: 12, color: 'var(--mantine-color-dimmed)', paddingBottom: 4 }}>
          {t('map.tableCaption', { code: indicator.code })}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('map.area')}</Table.Th>
            <Table.Th ta="end">{indicator.unit && indicator.type !== 'percentage' ? `${t('map.value')} (${indicator.unit})` : t('map.value')}</Table.Th>
            {model.anyTarget && <Table.Th ta="end">{t('map.target')}</Table.Th>}
            {model.anyTarget && <Table.Th ta="end">{t('map.coverage')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {model.areas.map((a) => (
            <Table.Tr key={a.locationId} data-testid="map-row" data-pcode={a.pcode} data-value={a.value ?? ''} onMouseEnter={() => onHighlight(a.locationId)}>
              <Table.Td>
                <Text size="sm">{a.name}</Text>
                <Text size="xs" c="dimmed" ff="monospace" dir="ltr" ta="start">
                  {a.pcode}
                  {!a.hasShape && ` · ${t('map.noShape')}`}
                </Text>
              </Table.Td>
              <Table.Td ta="end" data-testid="map-row-value">
                {a.value === null ? (
                  <Text size="sm" c="dimmed" fs="italic">
                    {t('map.noData')}
                  </Text>
                ) : (
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {value(a.value)}
                    {a.pending && (
                      <Text span c="orange.8" title={t('pendingMark')}>
                        {' '}*
                      </Text>
                    )}
                  </Text>
                )}
              </Table.Td>
              {model.anyTarget && (
                <Table.Td ta="end">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {value(a.target)}
                  </Text>
                </Table.Td>
              )}
              {model.anyTarget && (
                <Table.Td ta="end">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatPercent(a.coverage, formatNumber)}
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
