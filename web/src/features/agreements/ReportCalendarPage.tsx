import { Alert, Anchor, Badge, Button, Card, Chip, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileText, IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REPORT_DUE_STATUSES, type ReportCalendarItem, type ReportDueStatus } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useSearchParamsUpdate } from '../../lib/search-params.js';
import { useProjects } from '../projects/queries.js';
import { addDays, byDueMonth, defaultWindow, monthEnd, monthStart, reportsLink, shiftMonth, statusCounts } from './calendar.js';
import { donorShort, DUE_STATUS_STYLE, DueStatusBadge, DueWhen, PeriodCell } from './labels.js';
import { useReportCalendar } from './queries.js';

const MONTH = /^\d{4}-\d{2}$/;
/** How far back the page looks for reports still overdue (the API answers for about three years at once). */
const EARLIER_MONTHS = 35;
const todayUtc = () => new Date().toISOString().slice(0, 10);

/** "November 2026" in the interface language (Latin digits in Arabic, as everywhere else). */
const monthTitle = (month: string) =>
  new Intl.DateTimeFormat(currentLocale() === 'ar' ? 'ar-u-nu-latn' : currentLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** `/report-calendar`: every agreement's reports due, month by month, with filters kept in the address. */
export default function ReportCalendarPage() {
  const { t } = useTranslation('agreements');
  const { params, update } = useSearchParamsUpdate();
  const window = defaultWindow(todayUtc());
  const fromMonth = MONTH.test(params.get('from') ?? '') ? params.get('from')! : window.from;
  const toMonth = MONTH.test(params.get('to') ?? '') ? params.get('to')! : window.to;
  const projectId = params.get('projectId') ?? '';
  const statusParam = params.get('status') ?? '';
  const status = (REPORT_DUE_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as ReportDueStatus) : null;

  const from = monthStart(fromMonth);
  const to = monthEnd(toMonth);
  const calendar = useReportCalendar({ from, to, ...(projectId && { projectId }) });
  // Reports still overdue from before the first month shown: easy to miss, so they are counted apart.
  const earlier = useReportCalendar({ from: monthStart(shiftMonth(from, -EARLIER_MONTHS)), to: addDays(from, -1), ...(projectId && { projectId }) });
  const earlierOverdue = (earlier.data?.items ?? []).filter((i) => i.status === 'overdue' && i.dueDate < from);
  const projects = useProjects({ limit: 500 });
  const projectData = useMemo(() => (projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.title}` })), [projects.data]);

  // The server also lists reports whose period falls in the window but which are due later; the page is by due month.
  const items = (calendar.data?.items ?? []).filter((i) => i.dueDate >= from && i.dueDate <= to);
  const counts = statusCounts(items);
  const shown = status ? items.filter((i) => i.status === status) : items;

  return (
    <Stack>
      <PageHeader
        title={t('calendar.title')}
        subtitle={calendar.data ? t('calendar.subtitle', { date: formatDate(calendar.data.today, 'long') }) : undefined}
      />
      <Card withBorder padding="sm">
        <Group align="flex-end" wrap="wrap" gap="sm">
          <Select
            label={t('calendar.project')}
            placeholder={t('calendar.allProjects')}
            data={projectData}
            value={projectId || null}
            onChange={(v) => update({ projectId: v ?? '' })}
            searchable
            clearable
            miw={260}
            style={{ flex: 1 }}
            data-testid="calendar-project"
          />
          <TextInput type="month" label={t('calendar.from')} value={fromMonth} onChange={(e) => MONTH.test(e.currentTarget.value) && update({ from: e.currentTarget.value })} w={170} />
          <TextInput type="month" label={t('calendar.to')} value={toMonth} onChange={(e) => MONTH.test(e.currentTarget.value) && update({ to: e.currentTarget.value })} w={170} />
        </Group>
        <Chip.Group multiple={false} value={status ?? 'all'} onChange={(v) => update({ status: v === 'all' ? '' : v })}>
          <Group gap="xs" mt="sm" role="radiogroup" aria-label={t('calendar.statusFilter')} data-testid="calendar-status">
            <Chip value="all" variant="outline">
              {t('calendar.all')} ({formatNumber(items.length)})
            </Chip>
            {REPORT_DUE_STATUSES.map((s) => (
              <Chip key={s} value={s} variant="outline" color={DUE_STATUS_STYLE[s].color}>
                {t(`status.${s}`)} ({formatNumber(counts[s])})
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Card>
      {earlierOverdue.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="calendar-earlier-overdue">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('calendar.earlierOverdue', { count: earlierOverdue.length, month: monthTitle(fromMonth) })}</Text>
            <Button size="xs" variant="light" color="red" onClick={() => update({ from: earlierOverdue[0]!.dueDate.slice(0, 7) })}>
              {t('calendar.showEarlier', { month: monthTitle(earlierOverdue[0]!.dueDate.slice(0, 7)) })}
            </Button>
          </Group>
        </Alert>
      )}
      {calendar.isPending ? (
        <PageLoader />
      ) : calendar.error ? (
        <ErrorAlert error={calendar.error} />
      ) : shown.length === 0 ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="calendar-empty">
          {items.length === 0 ? t('calendar.empty') : t('calendar.emptyStatus')}
        </Alert>
      ) : (
        byDueMonth(shown).map(({ month, items: due }) => <MonthSection key={month} month={month} items={due} today={calendar.data.today} />)
      )}
    </Stack>
  );
}

function MonthSection({ month, items, today }: { month: string; items: ReportCalendarItem[]; today: string }) {
  const { t } = useTranslation('agreements');
  return (
    <section aria-labelledby={`month-${month}`} data-month={month}>
      <Group gap="xs" mb={6}>
        <Title order={3} size="h4" id={`month-${month}`}>
          {monthTitle(month)}
        </Title>
        <Badge variant="default" radius="sm">
          {t('calendar.reports', { count: items.length })}
        </Badge>
        {month === today.slice(0, 7) && (
          <Badge variant="outline" color="gray" radius="sm">
            {t('calendar.thisMonth')}
          </Badge>
        )}
      </Group>
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{t('calendar.due')}</Table.Th>
                <Table.Th w={130}>{t('calendar.status')}</Table.Th>
                <Table.Th>{t('calendar.projectColumn')}</Table.Th>
                <Table.Th>{t('calendar.agreement')}</Table.Th>
                <Table.Th>{t('calendar.period')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={`${i.agreementId}-${i.periodStart}`} data-status={i.status} data-agreement={i.agreementNumber}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {formatDate(i.dueDate)}
                    </Text>
                    <DueWhen dueDate={i.dueDate} today={today} status={i.status} />
                  </Table.Td>
                  <Table.Td>
                    <DueStatusBadge status={i.status} />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/projects/${i.project.id}`} size="sm" fw={500} dir="ltr">
                      {i.project.code}
                    </Anchor>
                    <Text size="xs" c="dimmed" dir="auto" lineClamp={1}>
                      {i.project.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" dir="ltr" style={{ unicodeBidi: 'isolate' }}>
                      {i.agreementNumber}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {donorShort(i.donor)} · {t(`frequency.${i.reportFrequency}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <PeriodCell periodKey={i.periodKey} start={i.periodStart} end={i.periodEnd} />
                  </Table.Td>
                  <Table.Td ta="end">
                    <Button component={Link} to={reportsLink(i)} size="xs" variant={i.status === 'submitted' ? 'subtle' : 'light'} leftSection={<IconFileText size={14} />}>
                      {i.status === 'submitted' && i.report
                        ? t('calendar.seeReport', { date: formatDate(i.report.generatedAt.slice(0, 10)) })
                        : i.canManage
                          ? t('calendar.prepare')
                          : t('calendar.openReports')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </section>
  );
}
