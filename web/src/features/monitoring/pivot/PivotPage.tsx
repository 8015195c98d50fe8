import { Alert, Badge, Box, Button, Card, Collapse, Group, Loader, List, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAdjustmentsHorizontal, IconArrowsExchange, IconDeviceFloppy, IconFolderOpen, IconInfoCircle, IconTable } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PivotCatalogue, PivotDefinition, SavedPivot } from '@shared/schemas/monitoring.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { PageError } from '../../admin/components/PageError.js';
import {
  activeFilterCount,
  addIndicatorRows,
  MAX_COLUMNS,
  type PivotProblem,
  requestBody,
  sameDefinition,
  setIndicators,
  starterDefinition,
  swapAxes,
  validateDefinition,
} from './definition.js';
import { DimensionList } from './DimensionList.js';
import { ExportMenu } from './ExportMenu.js';
import { IndicatorPicker } from './IndicatorPicker.js';
import { PivotFilters } from './PivotFilters.js';
import { PivotTable } from './PivotTable.js';
import { usePivotCatalogue, usePivotResult, useSavedPivot, useUpdateSavedPivot } from './queries.js';
import { SavedPivotsDrawer, SharedBadge } from './SavedPivotsDrawer.js';
import { type SaveTarget, SavePivotModal } from './SavePivotModal.js';

/** `/pivot` (a new pivot) and `/pivot/:id` (a saved one); a fresh builder for each, so one's edits never leak into another. */
export default function PivotPage() {
  const { id } = useParams();
  return <PivotLoader key={id ?? 'new'} id={id} />;
}

function PivotLoader({ id }: { id: string | undefined }) {
  const { t } = useTranslation('pivot');
  const catalogue = usePivotCatalogue();
  const saved = useSavedPivot(id);
  if (catalogue.isPending || (id && saved.isPending)) return <PageLoader />;
  const error = catalogue.error ?? saved.error;
  if (error) {
    return (
      <Stack>
        <PageHeader title={t('title')} />
        <PageError error={error} />
        <Group>
          <Button component={Link} to="/pivot" variant="default">
            {t('saved.new')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return <PivotBuilder catalogue={catalogue.data!} saved={saved.data ?? null} />;
}

/** Waits this long after the last change before asking the server, so picking three options sends one request. */
const RUN_DELAY_MS = 500;

function PivotBuilder({ catalogue, saved }: { catalogue: PivotCatalogue; saved: SavedPivot | null }) {
  const { t } = useTranslation('pivot');
  const [definition, setDefinition] = useState<PivotDefinition>(() => saved?.definition ?? starterDefinition([]));
  const [filtersOpen, setFiltersOpen] = useState(() => activeFilterCount(definition) > 0);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [saveTarget, setSaveTarget] = useState<SaveTarget | null>(null);
  const updateSaved = useUpdateSavedPivot();
  const [debounced] = useDebouncedValue(definition, RUN_DELAY_MS);
  const problems = validateDefinition(definition, catalogue);
  const sendable = validateDefinition(debounced, catalogue).length === 0 && problems.length === 0;
  const body = requestBody(debounced);
  const result = usePivotResult(body, sendable);
  const dirty = saved ? !sameDefinition(saved.definition, definition) : definition.indicatorIds.length > 0;
  const filterCount = activeFilterCount(definition);
  const showPending = catalogue.canIncludePending !== false;

  const saveChanges = () =>
    saved &&
    updateSaved.mutate(
      { id: saved.id, body: { definition: requestBody(definition) } },
      { onSuccess: (p) => notifications.show({ color: 'teal', message: t('save.saved', { name: p.name }) }) },
    );

  return (
    <Stack>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            <span>{saved?.name ?? t('title')}</span>
            {saved && <SharedBadge pivot={saved} />}
            {saved && dirty && (
              <Badge color="orange" variant="light" tt="none" data-testid="pivot-unsaved">
                {t('save.unsaved')}
              </Badge>
            )}
          </Group>
        }
        subtitle={t('subtitle')}
        actions={
          <>
            <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => setDrawerOpen(true)} data-testid="pivot-saved-open">
              {t('saved.open')}
            </Button>
            {saved?.mine && (
              <Button leftSection={<IconDeviceFloppy size={16} />} disabled={!dirty || problems.length > 0} loading={updateSaved.isPending} onClick={saveChanges} data-testid="pivot-save-changes">
                {t('save.saveChanges')}
              </Button>
            )}
            <Button
              variant={saved?.mine ? 'default' : 'filled'}
              leftSection={saved?.mine ? undefined : <IconDeviceFloppy size={16} />}
              disabled={problems.length > 0}
              onClick={() => setSaveTarget({ mode: 'create', definition: requestBody(definition), name: saved ? t('save.copyOf', { name: saved.name }) : '' })}
              data-testid="pivot-save"
            >
              {saved ? t('save.saveAs') : t('save.save')}
            </Button>
            <ExportMenu definition={requestBody(definition)} disabled={problems.length > 0} fileName={saved?.name ?? t('export.fileName')} />
          </>
        }
      />
      {updateSaved.error && <ErrorAlert error={updateSaved.error} />}

      <Card withBorder padding="md">
        <Stack gap="md">
          <IndicatorPicker catalogue={catalogue} value={definition.indicatorIds} onChange={(ids) => setDefinition(setIndicators(definition, catalogue, ids))} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <DimensionList axis="rows" definition={definition} catalogue={catalogue} onChange={setDefinition} />
            <DimensionList axis="columns" definition={definition} catalogue={catalogue} onChange={setDefinition} />
          </SimpleGrid>
          <Group justify="space-between" gap="sm">
            <Group gap="sm">
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconArrowsExchange size={16} />}
                disabled={definition.rows.length > MAX_COLUMNS || (definition.rows.length === 0 && definition.columns.length === 0)}
                onClick={() => setDefinition(swapAxes(definition))}
                data-testid="pivot-swap"
              >
                {t('builder.swap')}
              </Button>
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconAdjustmentsHorizontal size={16} />}
                onClick={() => setFiltersOpen((o) => !o)}
                aria-expanded={filtersOpen}
                aria-controls="pivot-filters"
                data-testid="pivot-filters-toggle"
              >
                {filterCount ? t('filters.toggleCount', { count: filterCount }) : t('filters.toggle')}
              </Button>
            </Group>
            {showPending && (
              <Switch
                label={t('builder.includePending')}
                description={t('builder.includePendingHelp')}
                checked={definition.includePending}
                onChange={(e) => setDefinition({ ...definition, includePending: e.currentTarget.checked })}
                data-testid="pivot-pending"
              />
            )}
          </Group>
          <Collapse expanded={filtersOpen} id="pivot-filters">
            <PivotFilters definition={definition} catalogue={catalogue} onChange={setDefinition} />
          </Collapse>
        </Stack>
      </Card>

      {problems.length > 0 ? (
        <Problems problems={problems} onAddIndicatorRows={() => setDefinition(addIndicatorRows(definition))} />
      ) : (
        <Card withBorder padding="md" pos="relative">
          <Group justify="space-between" mb="sm" gap="xs">
            <Group gap="xs">
              <IconTable size={18} />
              <Text fw={600}>{t('table.heading')}</Text>
            </Group>
            {(result.isFetching || !sendable) && <Loader size="xs" aria-label={t('table.updating')} />}
          </Group>
          {result.error ? (
            <Stack gap="xs">
              <ErrorAlert error={result.error} title={t('table.failed')} />
              <Group>
                <Button variant="default" size="xs" onClick={() => void result.refetch()}>
                  {t('common:actions.retry')}
                </Button>
              </Group>
            </Stack>
          ) : !result.data ? (
            <PageLoader />
          ) : result.data.rowMembers.length === 0 ? (
            <Text c="dimmed" data-testid="pivot-empty">
              {t('table.empty')}
            </Text>
          ) : (
            <Box style={{ opacity: result.isPlaceholderData ? 0.55 : 1, transition: 'opacity 120ms' }} aria-busy={result.isFetching}>
              <PivotTable result={result.data} catalogue={catalogue} />
            </Box>
          )}
        </Card>
      )}

      <SavedPivotsDrawer opened={drawerOpen} onClose={() => setDrawerOpen(false)} currentId={saved?.id ?? null} />
      <SavePivotModal target={saveTarget} onClose={() => setSaveTarget(null)} />
    </Stack>
  );
}

/** What to change before the table can be shown, in words, with a one-click fix where there is an obvious one. */
function Problems({ problems, onAddIndicatorRows }: { problems: PivotProblem[]; onAddIndicatorRows: () => void }) {
  const { t } = useTranslation('pivot');
  const onlyNoIndicator = problems.length === 1 && problems[0]!.code === 'noIndicator';
  return (
    <Alert color={onlyNoIndicator ? 'blue' : 'yellow'} icon={<IconInfoCircle size={18} />} title={onlyNoIndicator ? t('problems.startTitle') : t('problems.title')} data-testid="pivot-problems">
      <List size="sm" spacing={4}>
        {problems.map((p) => (
          <List.Item key={p.code}>
            {t(`problems.${p.code}`, { max: 'max' in p ? p.max : undefined })}
            {p.code === 'indicatorDimensionNeeded' && (
              <Button size="compact-xs" variant="light" ms="sm" onClick={onAddIndicatorRows} data-testid="pivot-fix-indicators">
                {t('problems.addIndicatorRows')}
              </Button>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
