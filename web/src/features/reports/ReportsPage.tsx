import { Alert, Button, Stack } from '@mantine/core';
import { IconFilePlus, IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Locale } from '@shared/locales.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { currentLocale } from '../../i18n/index.js';
import { useSearchParamsUpdate } from '../../lib/search-params.js';
import { useCurrentUser } from '../auth/session.js';
import { managesReports } from './access.js';
import { CountryPicker } from './CountryPicker.js';
import { GenerateReportDialog } from './GenerateReportDialog.js';
import { newestFirst, useReportHistory } from './queries.js';
import { ReportHistory } from './ReportHistory.js';
import { ReportsBreadcrumbs } from './ReportsBreadcrumbs.js';
import { type ReportPageScope, useReportScope } from './use-report-scope.js';

const PREFILL_KEYS = ['agreementId', 'periodStart', 'periodEnd'] as const;

/**
 * `/projects/:id/reports`, `/programmes/:id/reports` and `/reports?country=MLI`: the report history
 * of a project, a programme or a country (consolidated), and Generate for those who manage reports.
 * The report calendar links here with `?agreementId=&periodStart=&periodEnd=`, which opens the
 * dialog on that agreement and period.
 */
export default function ReportsPage({ scope: kind }: { scope: ReportPageScope }) {
  const { t } = useTranslation('reports');
  const { id: routeId = '' } = useParams();
  const { params, update } = useSearchParamsUpdate();
  const user = useCurrentUser();
  const id = kind === 'country' ? (params.get('country') ?? '').toUpperCase() : routeId;
  const info = useReportScope(kind, id, user.organisationId);
  const history = useReportHistory(info.scope, !!id && !info.error);
  const canManage = managesReports(user, info.chain);

  const prefill = { agreementId: params.get('agreementId'), periodStart: params.get('periodStart'), periodEnd: params.get('periodEnd') };
  const fromCalendar = !!(prefill.agreementId || prefill.periodStart);
  const [opened, setOpened] = useState(false);
  // Sent here by the report calendar: the dialog opens on its agreement and period until closed.
  const generating = opened || (fromCalendar && canManage);
  const close = useCallback(() => {
    setOpened(false);
    // Closing forgets the calendar's choice, so a reload does not open the dialog again.
    if (fromCalendar) update(Object.fromEntries(PREFILL_KEYS.map((k) => [k, ''])));
  }, [fromCalendar, update]);

  if (info.isPending) return <PageLoader />;
  if (info.error) return <ErrorAlert error={info.error} />;

  const subtitle = info.name ? t(`subtitle.${kind}`, { name: info.name }) : undefined;
  return (
    <Stack>
      <ReportsBreadcrumbs kind={kind} id={id} code={info.code} />
      <PageHeader
        title={t('title')}
        subtitle={subtitle}
        actions={
          canManage &&
          !!id && (
            <Button leftSection={<IconFilePlus size={16} />} onClick={() => setOpened(true)} data-testid="generate-report">
              {t('generate.open')}
            </Button>
          )
        }
      />
      {kind === 'country' && <CountryPicker value={id} onChange={(country) => update({ country })} />}
      {!id ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('country.choose')}
        </Alert>
      ) : history.isPending ? (
        <PageLoader />
      ) : history.error ? (
        <ErrorAlert error={history.error} />
      ) : (
        <ReportHistory reports={newestFirst(history.data.items)} scope={info.scope} caption={subtitle ?? t('title')} canManage={canManage} />
      )}
      {canManage && !!id && (
        <GenerateReportDialog
          opened={generating}
          onClose={close}
          scope={info.scope}
          organisationId={info.organisationId}
          fyStartMonth={info.fyStartMonth}
          defaultLanguage={(user.locale ?? currentLocale()) as Locale}
          lastTemplateId={history.data ? newestFirst(history.data.items)[0]?.templateId : null}
          prefill={prefill}
        />
      )}
    </Stack>
  );
}
