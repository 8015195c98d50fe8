import { Alert, Anchor, Button, Card, Group, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconDownload, IconGitPullRequest, IconInfoCircle, IconPencil, IconPlus, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { BudgetDetail } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { useSearchParamsUpdate } from '../../lib/search-params.js';
import { downloadFromApi } from '../framework-excel/download.js';
import { MoneyPageError } from '../plans/MoneyPageError.js';
import { useProject } from '../projects/queries.js';
import { BudgetSettingsDialog, ReasonDialog, RequestChangeDialog } from './BudgetDialogs.js';
import { formatMoney } from './grid.js';
import { VersionBadges, VersionName } from './labels.js';
import { LinesEditor } from './LinesEditor.js';
import { LinesTable } from './LinesTable.js';
import { useBudget, useBudgets, useStartRevision, useVersionStep, type VersionStep } from './queries.js';
import { ProjectPageBreadcrumbs } from '../plans/ProjectPageBreadcrumbs.js';

type Dialog = null | 'new' | 'settings' | 'revise' | 'request' | VersionStep;

/**
 * `/projects/:id/budget`: the project's budgets (`?budget=`), the chosen version (`?version=`,
 * default the one in force) with its lines by category and period, the draft editor, the original's
 * approval and revisions submitted as change requests.
 */
export default function BudgetPage() {
  const { t } = useTranslation(['budget', 'projects']);
  const { id: projectId = '' } = useParams();
  const { params, update } = useSearchParamsUpdate();
  const project = useProject(projectId);
  const list = useBudgets(projectId);
  const chosen = params.get('budget');
  const budgetId = chosen ?? list.data?.items[0]?.id ?? null;
  const versionParam = Number(params.get('version')) || undefined;
  const detail = useBudget(budgetId, versionParam);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  if (project.isPending || list.isPending) return <PageLoader />;
  if (project.error) return <ErrorAlert error={project.error} />;
  if (list.error) return <MoneyPageError projectId={projectId} title={t('title')} error={list.error} />;
  const budgets = list.data.items;
  const d = detail.data;

  return (
    <Stack>
      <ProjectPageBreadcrumbs projectId={projectId} code={project.data.code} current={t('title')} />
      <PageHeader
        title={t('title')}
        subtitle={project.data.title}
        actions={
          <>
            {budgets.length > 0 && (
              <Select
                aria-label={t('chooseBudget')}
                w={380}
                maw="100%"
                allowDeselect={false}
                data={budgets.map((b) => ({ value: b.id, label: `${b.title} (${b.currency})` }))}
                value={budgetId}
                onChange={(v) => {
                  setEditing(false);
                  update({ budget: v ?? '', version: '' });
                }}
                data-testid="budget-select"
              />
            )}
            {list.data.canCreate && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('new')} data-testid="budget-new">
                {t('new')}
              </Button>
            )}
          </>
        }
      />

      {budgets.length === 0 && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="budget-empty">
          {list.data.canCreate ? t('emptyCanCreate') : t('empty')}
        </Alert>
      )}
      {detail.error && <ErrorAlert error={detail.error} />}
      {downloadError !== null && <ErrorAlert error={downloadError} />}
      {budgetId && !d && detail.isPending && <PageLoader />}

      {d && (
        <>
          <Card withBorder padding="sm">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={4}>
                <Text fw={600} data-testid="budget-title">
                  {d.budget.title}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('summary', { currency: d.budget.currency, start: formatDate(d.budget.startDate), end: formatDate(d.budget.endDate), periods: t(`periodType.${d.budget.periodType}`) })}
                  {d.budget.agreement && ` · ${d.budget.agreement.agreementNumber}`}
                </Text>
                <Text size="sm" c="dimmed">
                  {d.budget.secondApprovalThresholdMinor !== null
                    ? t('thresholds', { threshold: formatMoney(d.budget.secondApprovalThresholdMinor, d.budget.currency), variance: d.budget.varianceThresholdPct })
                    : t('thresholdsNone', { variance: d.budget.varianceThresholdPct })}
                </Text>
              </Stack>
              <Group gap="xs">
                {d.canEditSettings && (
                  <Button variant="default" size="xs" leftSection={<IconSettings size={14} />} onClick={() => setDialog('settings')} data-testid="budget-settings">
                    {t('settings.open')}
                  </Button>
                )}
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconDownload size={14} />}
                  onClick={() => {
                    setDownloadError(null);
                    downloadFromApi(`/budgets/${d.budget.id}/export.xlsx?version=${d.selected.number}`, `budget-v${d.selected.number}.xlsx`).catch(setDownloadError);
                  }}
                  data-testid="budget-download"
                >
                  {t('download')}
                </Button>
              </Group>
            </Group>
          </Card>

          <Group gap="xs" wrap="wrap" data-testid="budget-versions">
            {d.versions.map((v) => (
              <UnstyledButton
                key={v.id}
                onClick={() => {
                  setEditing(false);
                  update({ version: String(v.number) });
                }}
                data-testid={`budget-version-${v.number}`}
                aria-pressed={v.id === d.selected.id}
                style={{
                  border: `1px solid var(--mantine-color-${v.id === d.selected.id ? 'blue-6' : 'gray-3'})`,
                  background: v.id === d.selected.id ? 'var(--mantine-color-blue-0)' : undefined,
                  borderRadius: 8,
                  paddingBlock: 6,
                  paddingInline: 10,
                }}
              >
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600}>
                    <VersionName v={v} />
                  </Text>
                  <VersionBadges v={v} />
                </Group>
              </UnstyledButton>
            ))}
          </Group>

          <VersionCard d={d} projectId={projectId} editing={editing} onEdit={() => setEditing(true)} onDialog={setDialog} />

          <Card withBorder padding="sm">
            {editing && d.canEdit ? <LinesEditor key={d.selected.id + d.selected.version} detail={d} onDone={() => setEditing(false)} /> : <LinesTable detail={d} projectId={projectId} />}
          </Card>

          {dialog === 'settings' && <BudgetSettingsDialog projectId={projectId} opened onClose={() => setDialog(null)} list={list.data} detail={d} onCreated={() => setDialog(null)} />}
          {dialog === 'request' && <RequestChangeDialog projectId={projectId} detail={d} opened onClose={() => setDialog(null)} />}
          <StepDialogs d={d} dialog={dialog} onClose={() => setDialog(null)} onRevised={(n) => update({ version: String(n) })} />
        </>
      )}
      {dialog === 'new' && (
        <BudgetSettingsDialog
          projectId={projectId}
          opened
          onClose={() => setDialog(null)}
          list={list.data}
          detail={null}
          onCreated={(id) => {
            setDialog(null);
            update({ budget: id, version: '' });
            setEditing(true);
          }}
        />
      )}
    </Stack>
  );
}

/** The chosen version: who submitted and decided what, and what the reader may do with it. */
function VersionCard({ d, projectId, editing, onEdit, onDialog }: { d: BudgetDetail; projectId: string; editing: boolean; onEdit: () => void; onDialog: (x: Dialog) => void }) {
  const { t } = useTranslation('budget');
  const v = d.selected;
  return (
    <Card withBorder padding="sm" data-testid="budget-version-card">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>
              <VersionName v={v} />
            </Text>
            <VersionBadges v={v} />
            <Text size="sm" c="dimmed">
              {t('total')}: <strong data-testid="budget-total">{formatMoney(d.totals.totalMinor, d.budget.currency)}</strong>
            </Text>
          </Group>
          {v.reason && (
            <Text size="sm">
              {t('reason')}: <span dir="auto">{v.reason}</span>
            </Text>
          )}
          {v.submittedBy && (
            <Text size="sm" c="dimmed">
              {t('submittedBy', { name: v.submittedBy.name, at: formatDateTime(v.submittedAt) })}
            </Text>
          )}
          {v.decidedBy && (
            <Text size="sm" c="dimmed">
              {t(v.status === 'rejected' || v.status === 'draft' ? 'returnedBy' : 'decidedBy', { name: v.decidedBy.name, at: formatDateTime(v.decidedAt) })}
              {v.decisionNote && (
                <>
                  {' — '}
                  <span dir="auto">{v.decisionNote}</span>
                </>
              )}
            </Text>
          )}
          {v.changeRequestId && (
            <Anchor component={Link} to={`/projects/${projectId}/change-requests?open=${v.changeRequestId}`} size="sm" data-testid="budget-change-request-link">
              {t('viewChangeRequest')}
            </Anchor>
          )}
        </Stack>
        <Group gap="xs">
          {d.canEdit && !editing && (
            <Button variant="light" leftSection={<IconPencil size={16} />} onClick={onEdit} data-testid="budget-edit">
              {t('editLines')}
            </Button>
          )}
          {d.canSubmit && !editing && (
            <Button onClick={() => onDialog('submit')} data-testid="budget-submit">
              {t('submit.open')}
            </Button>
          )}
          {d.canApprove && (
            <>
              <Button color="green" onClick={() => onDialog('approve')} data-testid="budget-approve">
                {t('approve.open')}
              </Button>
              <Button color="red" variant="light" onClick={() => onDialog('reject')} data-testid="budget-reject">
                {t('reject.open')}
              </Button>
            </>
          )}
          {d.canRequestChange && !editing && (
            <Button leftSection={<IconGitPullRequest size={16} />} onClick={() => onDialog('request')} data-testid="budget-request-change">
              {t('request.open')}
            </Button>
          )}
          {/* A revision starts from the version in force, so it is offered there and not on a superseded one. */}
          {d.canRevise && v.inForce && (
            <Button variant="light" onClick={() => onDialog('revise')} data-testid="budget-revise">
              {t('revise.open')}
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );
}

function StepDialogs({ d, dialog, onClose, onRevised }: { d: BudgetDetail; dialog: Dialog; onClose: () => void; onRevised: (n: number) => void }) {
  const { t } = useTranslation('budget');
  const step = useVersionStep();
  const revise = useStartRevision(d.budget.id);
  const run = (s: VersionStep) => (note: string) => step.mutate({ versionId: d.selected.id, step: s, note, version: d.selected.version }, { onSuccess: onClose });
  return (
    <>
      {dialog === 'submit' && (
        <ReasonDialog opened title={t('submit.title')} label={t('submit.label')} action={t('submit.confirm')} required={false} pending={step.isPending} error={step.error} onClose={onClose} onConfirm={run('submit')} testid="budget-submit" />
      )}
      {dialog === 'approve' && (
        <ReasonDialog opened title={t('approve.title')} label={t('approve.label')} action={t('approve.confirm')} required={false} pending={step.isPending} error={step.error} onClose={onClose} onConfirm={run('approve')} testid="budget-approve" color="green" />
      )}
      {dialog === 'reject' && (
        <ReasonDialog opened title={t('reject.title')} label={t('reject.label')} action={t('reject.confirm')} required pending={step.isPending} error={step.error} onClose={onClose} onConfirm={run('reject')} testid="budget-reject" color="red" />
      )}
      {dialog === 'revise' && (
        <ReasonDialog
          opened
          title={t('revise.title')}
          label={t('revise.label')}
          action={t('revise.confirm')}
          required
          pending={revise.isPending}
          error={revise.error}
          onClose={onClose}
          onConfirm={(reason) =>
            revise.mutate(reason, {
              onSuccess: (r) => {
                onClose();
                onRevised(r.selected.number);
              },
            })
          }
          testid="budget-revise"
        />
      )}
    </>
  );
}
