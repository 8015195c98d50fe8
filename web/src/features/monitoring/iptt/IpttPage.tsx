import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFilterOff, IconInfoCircle, IconPrinter } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Iptt, IpttScope } from '@shared/schemas/monitoring.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { formatDateTime, formatNumber } from '../../../lib/format.js';
import { useSearchParamsUpdate } from '../../../lib/search-params.js';
import { useCurrentUser } from '../../auth/session.js';
import { useFileDownload } from '../../framework-excel/use-file-download.js';
import { IpttBreadcrumbs } from './IpttBreadcrumbs.js';
import { IpttControls } from './IpttControls.js';
import { IpttLegend } from './IpttLegend.js';
import { IpttTable } from './IpttTable.js';
import classes from './iptt.module.css';
import { usePrintFit } from './print-fit.js';
import { PrintedFilters } from './PrintedFilters.js';
import { useIptt } from './queries.js';
import { type ConsolidatedScope, ScopePicker } from './ScopePicker.js';
import { CLEARED, exportPath, filtersFromParams, filtersToParams, hasFilters, ipttApiQuery, type IpttFilters } from './url-state.js';
import { buildIpttView } from './view-model.js';

// Landscape only while this page is on screen: an @page rule in the stylesheet would outlive it.
const PRINT_PAGE = '@page { size: A4 landscape; margin: 10mm; }';

/** Dates in Latin digits in Arabic too, as everywhere else in the app (lib/format.ts). */
const localeTag = (language: string) => (language === 'ar' ? 'ar-u-nu-latn' : language);

const asConsolidated = (s: string | null): ConsolidatedScope => (s === 'country' ? 'country' : 'organisation');

/**
 * The Indicator Performance Tracking Table: `/projects/:id/iptt`, `/programmes/:id/iptt`, and
 * consolidated at `/iptt?scope=organisation|country&id=…`. Filters live in the address.
 */
export default function IpttPage({ scope: routeScope }: { scope?: 'project' | 'programme' }) {
  const { t, i18n } = useTranslation(['iptt', 'results']);
  const { id: routeId = '' } = useParams();
  const { params, update } = useSearchParamsUpdate();
  const user = useCurrentUser();

  const consolidatedScope = asConsolidated(params.get('scope'));
  const scope: IpttScope = routeScope ?? consolidatedScope;
  const id = routeScope ? routeId : (params.get('id') ?? '');
  const paramString = params.toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(paramString)), [paramString]);
  const query = useMemo(() => ipttApiQuery(scope, id, filters), [scope, id, filters]);

  // `/iptt` on its own opens the reader's own organisation.
  const bare = !routeScope && !params.get('scope');
  useEffect(() => {
    if (bare) update({ scope: 'organisation', id: user.organisationId });
  }, [bare, update, user.organisationId]);

  const iptt = useIptt(query, !!id);
  const pageRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  usePrintFit(pageRef, tableRef);
  const { busy, download } = useFileDownload({ xlsx: { path: exportPath(query), name: 'iptt.xlsx' } }, t('actions.exportFailed'));
  const language = i18n.language;
  const view = useMemo(
    () => (iptt.data ? buildIpttView(iptt.data, formatNumber, localeTag(language), { yes: t('results:sheet.yes'), no: t('results:sheet.no') }) : null),
    // formatNumber reads the interface language, so the table is rebuilt when it changes.
    [iptt.data, language, t],
  );

  const change = (patch: Partial<IpttFilters>) => update(filtersToParams(patch));
  const clear = () => change(CLEARED);
  const data = iptt.data;
  const refreshing = iptt.isFetching && !iptt.isPending;

  return (
    <Stack className={classes.page} gap="sm" ref={pageRef}>
      <style>{PRINT_PAGE}</style>
      {routeScope && (
        <div className={classes.noPrint}>
          <IpttBreadcrumbs scope={routeScope} id={id} />
        </div>
      )}
      <PageHeader
        title={t('title')}
        subtitle={data?.title}
        actions={
          <Group gap="sm" className={classes.noPrint}>
            <Button
              variant="light"
              leftSection={<IconFileSpreadsheet size={16} />}
              loading={busy === 'xlsx'}
              disabled={!data}
              onClick={() => download('xlsx')}
              data-testid="iptt-export"
            >
              {t('actions.export')}
            </Button>
            <Button variant="default" leftSection={<IconPrinter size={16} />} disabled={!data} onClick={() => window.print()} data-testid="iptt-print">
              {t('actions.print')}
            </Button>
          </Group>
        }
      />
      {!routeScope && (
        <div className={classes.noPrint}>
          <ScopePicker scope={consolidatedScope} id={id} onChange={(s, next) => update({ scope: s, id: next })} />
        </div>
      )}
      {data && <AsOf data={data} />}
      {data && (view?.indicatorCount || hasFilters(filters)) ? (
        <div className={classes.noPrint}>
          <IpttControls
            filters={filters}
            options={data.options}
            consolidated={scope !== 'project'}
            canIncludePending={data.canIncludePending}
            refreshing={refreshing}
            onChange={change}
            onClear={clear}
          />
        </div>
      ) : null}
      {data && <PrintedFilters data={data} filters={filters} consolidated={scope !== 'project'} />}
      {!id ? (
        bare ? null : (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
            {t(consolidatedScope === 'country' ? 'picker.chooseCountry' : 'picker.chooseOrganisation')}
          </Alert>
        )
      ) : iptt.isPending ? (
        <PageLoader />
      ) : iptt.error && !data ? (
        <ErrorAlert error={iptt.error} />
      ) : view && view.indicatorCount === 0 ? (
        <EmptyState scope={scope} id={id} filtered={hasFilters(filters)} onClear={clear} />
      ) : view ? (
        <>
          {iptt.error && <ErrorAlert error={iptt.error} />}
          <Text size="xs" className={classes.smallPrintNote}>
            {t('smallPrint')}
          </Text>
          <IpttTable view={view} caption={data?.title ?? t('title')} refreshing={refreshing} tableRef={tableRef} />
          <IpttLegend showPending={view.anyPending || !!data?.includesPending} />
        </>
      ) : null}
    </Stack>
  );
}

/** "Approved figures as of 1 Jul 2026, 10:00" — or, when pending values were asked for, a warning that says so. */
function AsOf({ data }: { data: Iptt }) {
  const { t } = useTranslation('iptt');
  const when = formatDateTime(data.generatedAt);
  return (
    <Group gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed" data-testid="iptt-as-of">
        {data.includesPending ? t('asOfPending', { date: when }) : t('asOf', { date: when })}
      </Text>
      {data.includesPending && (
        <Badge color="orange" variant="light" tt="none" data-testid="iptt-includes-pending">
          {t('includesPending')}
        </Badge>
      )}
    </Group>
  );
}

function EmptyState({ scope, id, filtered, onClear }: { scope: IpttScope; id: string; filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation('iptt');
  if (filtered) {
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} title={t('empty.filteredTitle')} data-testid="iptt-empty">
        <Text size="sm" mb="xs">
          {t('empty.filtered')}
        </Text>
        <Button variant="light" size="xs" leftSection={<IconFilterOff size={14} />} onClick={onClear}>
          {t('filters.clear')}
        </Button>
      </Alert>
    );
  }
  const framework = scope === 'project' ? `/projects/${id}/framework` : scope === 'programme' ? `/programmes/${id}/framework` : null;
  return (
    <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} title={t('empty.title')} data-testid="iptt-empty">
      <Text size="sm">{framework ? t('empty.body') : t('empty.consolidated')}</Text>
      {framework && (
        <Anchor component={Link} to={framework} size="sm" mt="xs" display="inline-block">
          {t('empty.link')}
        </Anchor>
      )}
    </Alert>
  );
}
