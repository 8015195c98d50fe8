import { Alert, Anchor, Badge, Box, Button, Card, Center, Container, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconClockOff, IconDownload, IconFileTypeDocx, IconFileTypePdf, IconFileTypeXls, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { GRANULARITIES, type Granularity } from '@shared/schemas/monitoring.js';
import type { ReportFormat } from '@shared/schemas/reports.js';
import type { SharedView } from '@shared/schemas/sharing.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LanguageMenu } from '../../components/LanguageMenu.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { IpttLegend } from '../monitoring/iptt/IpttLegend.js';
import { IpttTable } from '../monitoring/iptt/IpttTable.js';
import { buildIpttView } from '../monitoring/iptt/view-model.js';
import { shareLinkQueries } from './queries.js';

type ProjectView = Extract<SharedView, { kind: 'project' }>;
type ReportView = Extract<SharedView, { kind: 'report' }>;

const FILE_ICONS: Record<ReportFormat, typeof IconFileTypeDocx> = { docx: IconFileTypeDocx, xlsx: IconFileTypeXls, pdf: IconFileTypePdf };
/** Dates in Latin digits in Arabic too, as everywhere else in the app. */
const localeTag = (language: string) => (language === 'ar' ? 'ar-u-nu-latn' : language);
const fileSize = (bytes: number) =>
  bytes >= 1_000_000
    ? formatNumber(bytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
    : formatNumber(Math.max(1, Math.round(bytes / 1000)), { style: 'unit', unit: 'kilobyte' });

/**
 * `/shared/:token`: what a share link shows to someone without an account, outside the signed-in
 * layout: one generated report's files, or the project's live IPTT of approved figures. A link that
 * expired, was revoked or never existed gets one page that says so, whichever it was.
 */
export default function SharedPage() {
  const { t } = useTranslation(['sharing', 'iptt', 'results']);
  const { token = '' } = useParams();
  const [granularity, setGranularity] = useState<Granularity>('quarter');
  const view = useQuery({ ...shareLinkQueries.view(token, granularity), placeholderData: keepPreviousData });
  const gone = view.error instanceof ApiError && view.error.status === 404;

  return (
    <Box mih="100vh" bg="gray.0">
      <Container size="xl" py="md">
        <Group justify="space-between" mb="md">
          <Group gap={8}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <Text fw={700} size="lg">
              Fieldbook
            </Text>
            <Badge variant="light" color="gray" tt="none">
              {t('public.readOnly')}
            </Badge>
          </Group>
          <LanguageMenu />
        </Group>
        {view.isPending ? (
          <PageLoader />
        ) : gone ? (
          <LinkGone />
        ) : view.error && !view.data ? (
          <ErrorAlert error={view.error} />
        ) : view.data ? (
          <Stack>
            <Heading view={view.data} />
            {view.data.kind === 'report' ? (
              <ReportFiles view={view.data} />
            ) : (
              <ProjectResults view={view.data} granularity={granularity} onGranularity={setGranularity} refreshing={view.isFetching} />
            )}
            <Text size="xs" c="dimmed" ta="center" data-testid="shared-expiry">
              {t('public.expires', { date: formatDateTime(view.data.expiresAt), label: view.data.label })}
            </Text>
          </Stack>
        ) : null}
      </Container>
    </Box>
  );
}

function LinkGone() {
  const { t } = useTranslation('sharing');
  return (
    <Center mih="60vh">
      <Card withBorder shadow="sm" padding="xl" maw={520} data-testid="shared-gone">
        <Stack align="center" ta="center">
          <IconClockOff size={48} stroke={1.5} color="var(--mantine-color-gray-6)" />
          <Title order={2}>{t('gone.title')}</Title>
          <Text c="dimmed">{t('gone.body')}</Text>
        </Stack>
      </Card>
    </Center>
  );
}

function Heading({ view }: { view: SharedView }) {
  const { t } = useTranslation('sharing');
  const p = view.project;
  const organisations: { role: string; names: string[] }[] = [
    { role: t('public.lead'), names: [p.leadOrganisation.name] },
    { role: t('public.implementing'), names: p.implementingOrganisations.map((o) => o.name) },
    { role: t('public.donor'), names: p.donor ? [p.donor.name] : [] },
  ].filter((o) => o.names.length > 0);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text size="sm" c="dimmed" data-testid="shared-organisation">
          {t('public.sharedBy', { organisation: view.organisationName })}
        </Text>
        <Title order={1} size="h2" dir="auto">
          {view.kind === 'report' ? view.report.title : p.title}
        </Title>
        <Text size="sm" c="dimmed">
          <Text span ff="monospace" dir="ltr">
            {p.code}
          </Text>
          {view.kind === 'report' ? ` · ${p.title}` : ''} · {formatDate(p.startDate)} – {formatDate(p.endDate)}
          {p.countries.length > 0 && ` · ${p.countries.join(', ')}`}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: organisations.length }} spacing="xs" mt="xs">
          {organisations.map((o) => (
            <Fact key={o.role} label={o.role}>
              {o.names.join(', ')}
            </Fact>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
      {label}
    </Text>
    <Text size="sm" dir="auto">
      {children}
    </Text>
  </div>
);

function ReportFiles({ view }: { view: ReportView }) {
  const { t } = useTranslation('sharing');
  return (
    <Card withBorder>
      <Stack>
        <div>
          <Title order={3}>{t('public.reportFiles')}</Title>
          <Text size="sm" c="dimmed">
            {t('public.period', { from: formatDate(view.report.periodStart), to: formatDate(view.report.periodEnd) })}
            {view.report.finishedAt && ` · ${t('public.generated', { date: formatDateTime(view.report.finishedAt) })}`}
          </Text>
        </div>
        {view.files.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('public.noFiles')}
          </Text>
        ) : (
          <Group>
            {view.files.map((f) => {
              const Icon = FILE_ICONS[f.format];
              return (
                <Button
                  key={f.format}
                  component="a"
                  href={f.downloadUrl}
                  download={f.fileName}
                  variant="light"
                  size="md"
                  leftSection={<Icon size={20} />}
                  rightSection={<IconDownload size={16} />}
                  data-testid={`shared-file-${f.format}`}
                >
                  {t(`formats.${f.format}`)} · {fileSize(f.size)}
                </Button>
              );
            })}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function ProjectResults(p: { view: ProjectView; granularity: Granularity; onGranularity: (g: Granularity) => void; refreshing: boolean }) {
  const { t, i18n } = useTranslation(['sharing', 'iptt', 'results']);
  const language = i18n.language;
  const table = useMemo(
    () => buildIpttView(p.view.iptt, formatNumber, localeTag(language), { yes: t('results:sheet.yes'), no: t('results:sheet.no') }),
    [p.view.iptt, language, t],
  );
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={3}>{t('public.results')}</Title>
            <Text size="sm" c="dimmed">
              {t('public.approvedOnly', { date: formatDateTime(p.view.iptt.generatedAt) })}
            </Text>
          </div>
          <SegmentedControl
            value={p.granularity}
            onChange={(v) => p.onGranularity(v as Granularity)}
            data={GRANULARITIES.map((g) => ({ value: g, label: t(`iptt:granularity.${g}`) }))}
            data-testid="shared-granularity"
          />
        </Group>
        {table.indicatorCount === 0 ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('public.noIndicators')}
          </Alert>
        ) : (
          <>
            <IpttTable view={table} caption={p.view.iptt.title} refreshing={p.refreshing} />
            <IpttLegend showPending={false} />
          </>
        )}
        <Anchor href="#" size="xs" c="dimmed" onClick={(e) => { e.preventDefault(); window.print(); }}>
          {t('public.print')}
        </Anchor>
      </Stack>
    </Card>
  );
}
