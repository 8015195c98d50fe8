import { Alert, Anchor, Breadcrumbs, Card, Grid, Group, Loader, Select, Switch, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { IndicatorTargets } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { currentLocale } from '../../../i18n/index.js';
import { useSearchParamsUpdate } from '../../../lib/search-params.js';
import { categoryName, optionLabel } from '../../results/labels.js';
import { useIndicatorTargets } from '../../results/queries.js';
import { Choropleth } from './Choropleth.js';
import { MapLegend, MapTable, MapTooltip, useAreaFormat } from './MapParts.js';
import { mapModel } from './model.js';
import { type MapFilters, useIndicatorMap } from './queries.js';

export const MAP_LEVELS = ['admin1', 'admin2'] as const;
type MapLevel = (typeof MAP_LEVELS)[number];

/**
 * `/indicators/:id/map`: a choropleth of the indicator by admin area, with its legend and, beside
 * it, a table of every area's figure (the same numbers, for screen readers and for copying).
 * Level, period, option and the pending switch live in the address.
 */
export default function MapPage() {
  const { t } = useTranslation('dashboard');
  const { id = '' } = useParams();
  const { params, update } = useSearchParamsUpdate();
  const filters: MapFilters = {
    level: (MAP_LEVELS as readonly string[]).includes(params.get('level') ?? '') ? (params.get('level') as MapLevel) : 'admin1',
    from: params.get('from'),
    to: params.get('to'),
    optionId: params.get('option'),
    includePending: params.get('pending') === 'true',
  };
  const map = useIndicatorMap(id, filters);
  // Periods and categories for the pickers; without them (no right to see targets) the map still works.
  const targets = useIndicatorTargets(id);
  const [highlighted, setHighlighted] = useState<string | null>(null);

  if (map.isPending) return <PageLoader />;
  if (map.error)
    return (
      <>
        <MapBreadcrumbs id={id} />
        <ErrorAlert error={map.error} />
      </>
    );
  const m = map.data;
  const model = mapModel(m, currentLocale());

  return (
    <>
      <MapBreadcrumbs id={id} code={m.indicator.code} />
      <PageHeader
        title={
          <Group gap="sm" component="span" wrap="wrap">
            <Text span inherit ff="monospace" dir="ltr">
              {m.indicator.code}
            </Text>
            <Text span inherit dir="auto">
              {m.indicator.name}
            </Text>
          </Group>
        }
        subtitle={t('map.subtitle')}
      />
      <Card withBorder padding="sm" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            w={170}
            label={t('map.level')}
            data={MAP_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
            value={filters.level}
            onChange={(v) => v && update({ level: v })}
            allowDeselect={false}
            data-testid="map-level"
          />
          <PeriodPickers targets={targets.data} from={filters.from} to={filters.to} onChange={update} />
          <OptionPicker targets={targets.data} value={filters.optionId} onChange={(v) => update({ option: v ?? '' })} />
          {m.canIncludePending && (
            <Switch
              mb={8}
              checked={filters.includePending}
              onChange={(e) => update({ pending: e.currentTarget.checked ? 'true' : '' })}
              label={t('header.includePending')}
              data-testid="map-pending"
            />
          )}
          {map.isFetching && <Loader size="sm" mb={8} />}
        </Group>
      </Card>
      {m.includesPending && (
        <Text size="xs" c="orange.8" mb="sm">
          {t('pendingNote')}
        </Text>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder padding="sm" component="section" aria-labelledby="map-title">
            <Title order={3} size="h5" id="map-title" mb="xs">
              {t('map.title', { level: t(`levels.${m.level}`) })}
            </Title>
            <MapFigure map={m} model={model} highlighted={highlighted} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card withBorder padding="sm" component="section">
            {model.areas.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="map-no-areas">
                {t('map.noAreas')}
              </Text>
            ) : (
              <MapTable model={model} indicator={m.indicator} onHighlight={setHighlighted} />
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}

function MapFigure({ map, model, highlighted }: { map: NonNullable<ReturnType<typeof useIndicatorMap>['data']>; model: ReturnType<typeof mapModel>; highlighted: string | null }) {
  const { t } = useTranslation('dashboard');
  const { describe } = useAreaFormat(map.indicator);
  if (map.shapes.length === 0)
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="map-no-shapes">
        {t('map.noShapes')}
      </Alert>
    );
  return (
    <>
      {model.breaks.length === 0 && (
        <Alert color="gray" variant="light" mb="xs" data-testid="map-no-data">
          {t('map.allNoData')}
        </Alert>
      )}
      {/* The legend above the map, so it is on screen with the map on a laptop without scrolling. */}
      <MapLegend model={model} indicator={map.indicator} />
      <Choropleth
        shapes={map.shapes}
        areas={model.areas}
        describe={describe}
        tooltip={(a) => <MapTooltip area={a} indicator={map.indicator} />}
        highlighted={highlighted}
        label={t('map.svgLabel', { code: map.indicator.code })}
      />
      {model.withoutShape > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('map.withoutShape', { count: model.withoutShape })}
        </Text>
      )}
    </>
  );
}

function MapBreadcrumbs({ id, code }: { id: string; code?: string }) {
  const { t } = useTranslation('dashboard');
  return (
    <Breadcrumbs mb="sm">
      <Anchor component={Link} to={`/indicators/${id}`} size="sm" dir="ltr">
        {code ?? t('map.indicator')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {t('map.crumb')}
      </Text>
    </Breadcrumbs>
  );
}

/** From the start of one of the indicator's periods to the end of another (empty: the whole project). */
function PeriodPickers({
  targets,
  from,
  to,
  onChange,
}: {
  targets: IndicatorTargets | undefined;
  from: string | null;
  to: string | null;
  onChange: (patch: Record<string, string>) => void;
}) {
  const { t } = useTranslation('dashboard');
  const periods = targets?.periods ?? [];
  if (periods.length === 0) return null;
  return (
    <>
      <Select
        w={150}
        label={t('map.from')}
        placeholder={t('map.start')}
        data={periods.filter((p) => !to || p.start <= to).map((p) => ({ value: p.start, label: p.key }))}
        value={from}
        onChange={(v) => onChange({ from: v ?? '' })}
        clearable
        data-testid="map-from"
      />
      <Select
        w={150}
        label={t('map.to')}
        placeholder={t('map.end')}
        data={periods.filter((p) => !from || p.end >= from).map((p) => ({ value: p.end, label: p.key }))}
        value={to}
        onChange={(v) => onChange({ to: v ?? '' })}
        clearable
        data-testid="map-to"
      />
    </>
  );
}

/** One option of one of the indicator's categories (e.g. girls only), grouped by category; empty: the total. */
function OptionPicker({ targets, value, onChange }: { targets: IndicatorTargets | undefined; value: string | null; onChange: (v: string | null) => void }) {
  const { t } = useTranslation('dashboard');
  const categories = targets?.categories ?? [];
  if (categories.length === 0) return null;
  return (
    <Select
      w={220}
      label={t('map.option')}
      placeholder={t('map.total')}
      data={categories.map((c) => ({ group: categoryName(c), items: c.options.map((o) => ({ value: o.id, label: optionLabel(o) })) }))}
      value={value}
      onChange={onChange}
      clearable
      data-testid="map-option"
    />
  );
}
