import { Alert, Anchor, Button, Group, Modal, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCalendarPlus, IconChartBar, IconCircleCheck, IconInfoCircle, IconList, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { WorkPlan, WorkPlanSummary } from '@shared/schemas/workplans.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { useSearchParamsUpdate } from '../../lib/search-params.js';
import { useProject } from '../projects/queries.js';
import { ActivityDialog, type ActivityTarget } from './ActivityDialog.js';
import { ActivityFiltersBar, ActivityList } from './ActivityList.js';
import { filterActivities, readFilters, readView } from './filters.js';
import { GanttChart } from './GanttChart.js';
import { PlanStatusBadge } from './labels.js';
import { NewWorkPlanModal } from './NewWorkPlanModal.js';
import { useApproveWorkPlan, useWorkPlan, useWorkPlans } from './queries.js';
import { WorkPlanExcelMenu } from './WorkPlanExcelMenu.js';
import { ProjectPageBreadcrumbs } from '../plans/ProjectPageBreadcrumbs.js';

/** The plan shown: the year in the address, else this year's, else the latest. */
function pickPlan(items: WorkPlanSummary[], yearParam: string | null, today: string): WorkPlanSummary | null {
  const byYear = (y: number) => items.find((p) => p.year === y) ?? null;
  if (yearParam && /^\d{4}$/.test(yearParam)) {
    const chosen = byYear(Number(yearParam));
    if (chosen) return chosen;
  }
  return byYear(Number(today.slice(0, 4))) ?? [...items].sort((a, b) => b.year - a.year)[0] ?? null;
}

/** `/projects/:id/work-plan`: the project's annual work plans, one year at a time, as a Gantt chart or a list. */
export default function WorkPlanPage() {
  const { t } = useTranslation('workplan');
  const { id = '' } = useParams();
  const project = useProject(id);
  const plans = useWorkPlans(id);
  const { params, update } = useSearchParamsUpdate();
  const [creating, { open: openNew, close: closeNew }] = useDisclosure(false);
  const summary = plans.data ? pickPlan(plans.data.items, params.get('year'), plans.data.today) : null;
  const plan = useWorkPlan(summary?.id ?? null);

  if (plans.isPending) return <PageLoader />;
  if (plans.error) return <ErrorAlert error={plans.error} />;
  const items = [...plans.data.items].sort((a, b) => a.year - b.year);
  const thisYear = Number(plans.data.today.slice(0, 4));
  const code = project.data?.code;

  return (
    <Stack>
      <ProjectPageBreadcrumbs projectId={id} code={code} current={t('title')} />
      <PageHeader
        title={t('title')}
        subtitle={project.data?.title}
        actions={
          plans.data.canCreate && (
            <Button variant="light" leftSection={<IconCalendarPlus size={16} />} onClick={openNew} data-testid="new-plan">
              {t('newPlan.open')}
            </Button>
          )
        }
      />
      {items.length === 0 ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="no-plans">
          {plans.data.canCreate ? t('emptyEditor') : t('empty')}
        </Alert>
      ) : (
        <>
          <Tabs value={summary ? String(summary.year) : null} onChange={(v) => v && update({ year: v })} variant="outline">
            <Tabs.List aria-label={t('years')}>
              {items.map((p) => (
                <Tabs.Tab key={p.id} value={String(p.year)} data-testid={`year-${p.year}`} rightSection={p.overdueCount > 0 ? <OverdueCount n={p.overdueCount} /> : undefined}>
                  <span dir="ltr">{p.year}</span>
                  {p.status === 'draft' && (
                    <Text span size="xs" c="dimmed" ms={6}>
                      ({t('planStatus.draft')})
                    </Text>
                  )}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          {plan.isPending ? <PageLoader /> : plan.error ? <ErrorAlert error={plan.error} /> : <PlanView plan={plan.data} />}
        </>
      )}
      {plans.data.canCreate && (
        <NewWorkPlanModal
          projectId={id}
          projectCode={code}
          takenYears={items.map((p) => p.year)}
          defaultYear={items.length ? Math.max(thisYear, ...items.map((p) => p.year + 1)) : thisYear}
          opened={creating}
          onClose={closeNew}
          onCreated={(year) => {
            closeNew();
            update({ year: String(year) });
          }}
        />
      )}
    </Stack>
  );
}

function OverdueCount({ n }: { n: number }) {
  const { t } = useTranslation('workplan');
  return (
    <Text span size="xs" c="red" fw={700} aria-label={t('overdueCount', { count: n })} title={t('overdueCount', { count: n })}>
      ⚠ {formatNumber(n)}
    </Text>
  );
}

function PlanView({ plan }: { plan: WorkPlan }) {
  const { t } = useTranslation('workplan');
  const { params, update } = useSearchParamsUpdate();
  const view = readView(params);
  const [target, setTarget] = useState<ActivityTarget | null>(null);
  const [approving, { open: openApprove, close: closeApprove }] = useDisclosure(false);
  const overdue = plan.activities.filter((a) => a.overdue).length;
  const shown = filterActivities(plan.activities, readFilters(params));
  const open = (a: { id: string }) => setTarget({ kind: 'activity', id: a.id });

  return (
    <Stack gap="sm" data-testid="work-plan" data-plan-status={plan.status} data-year={plan.year}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={700} size="lg" dir="auto" data-testid="plan-title">
              {plan.title}
            </Text>
            <PlanStatusBadge status={plan.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('header.dates', { start: formatDate(plan.startDate), end: formatDate(plan.endDate) })} · {t('header.activities', { count: plan.activities.length })}
            {overdue > 0 && (
              <Text span c="red" fw={600} size="sm">
                {' '}
                · {t('overdueCount', { count: overdue })}
              </Text>
            )}
          </Text>
          {plan.status === 'approved' && plan.approvedAt && (
            <Text size="xs" c="dimmed">
              {t('header.approvedBy', { who: plan.approvedBy?.name ?? '—', when: formatDateTime(plan.approvedAt) })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {plan.canEdit && plan.status === 'draft' && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setTarget({ kind: 'new' })} data-testid="activity-new">
              {t('addActivity')}
            </Button>
          )}
          {plan.canApprove && plan.status === 'draft' && (
            <Button color="teal" variant="light" leftSection={<IconCircleCheck size={16} />} onClick={openApprove} disabled={plan.activities.length === 0} data-testid="plan-approve">
              {t('approve.open')}
            </Button>
          )}
          <WorkPlanExcelMenu plan={plan} />
        </Group>
      </Group>
      {plan.status === 'approved' && plan.canEdit && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} py={8}>
          {t('approvedHint')}{' '}
          <Anchor component={Link} to={`/projects/${plan.projectId}/change-requests`} size="sm">
            {t('dialog.changeRequestLink')}
          </Anchor>
        </Alert>
      )}
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={view}
          onChange={(v) => update({ view: v === 'list' ? 'list' : '' })}
          data={[
            { value: 'gantt', label: <ViewLabel icon={<IconChartBar size={14} />} text={t('view.gantt')} /> },
            { value: 'list', label: <ViewLabel icon={<IconList size={14} />} text={t('view.list')} /> },
          ]}
          aria-label={t('view.label')}
          data-testid="view-toggle"
        />
        <Text size="sm" c="dimmed" data-testid="shown-count">
          {t('shown', { shown: formatNumber(shown.length), total: formatNumber(plan.activities.length) })}
        </Text>
      </Group>
      <ActivityFiltersBar activities={plan.activities} />
      {plan.activities.length === 0 ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="no-activities">
          {plan.canEdit ? t('noActivitiesEditor') : t('noActivities')}
        </Alert>
      ) : view === 'list' ? (
        <ActivityList activities={plan.activities} onOpen={open} />
      ) : shown.length === 0 ? (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="list-empty">
          {t('list.empty')}
        </Alert>
      ) : (
        <GanttChart activities={shown} window={{ start: plan.startDate, end: plan.endDate }} today={plan.today} onOpen={open} />
      )}
      <ActivityDialog plan={plan} target={target} onClose={() => setTarget(null)} />
      <ApproveModal plan={plan} opened={approving} onClose={closeApprove} />
    </Stack>
  );
}

function ViewLabel({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <Group gap={6} wrap="nowrap" justify="center">
      {icon}
      <span>{text}</span>
    </Group>
  );
}

function ApproveModal({ plan, opened, onClose }: { plan: WorkPlan; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('workplan');
  const approve = useApproveWorkPlan(plan.id);
  return (
    <Modal opened={opened} onClose={onClose} title={t('approve.title', { year: plan.year })}>
      <Stack>
        <Text size="sm">{t('approve.body', { count: plan.activities.length })}</Text>
        {plan.activities.some((a) => a.overdue) && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
            {t('approve.overdueWarning')}
          </Alert>
        )}
        <ErrorAlert error={approve.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color="teal"
            loading={approve.isPending}
            onClick={() =>
              approve.mutate(plan.version, {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('approve.done', { year: plan.year }) });
                  onClose();
                },
              })
            }
            data-testid="plan-approve-confirm"
          >
            {t('approve.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
