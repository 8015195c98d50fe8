import { Alert, Button, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileText, IconInfoCircle, IconLock, IconMessageExclamation, IconPaperclip, IconTable, IconUsersGroup } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useParams } from 'react-router';
import type { NarrativeList, SubmissionDetail } from '@shared/schemas/index.js';
import { api } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { formatDateTime } from '../../../lib/format.js';
import { AttachmentsPanel, NarrativesPanel, SubmissionExcelMenu } from '../evidence/index.js';
import { reportingQueries } from '../queries.js';
import { problemMessage, submitProblems } from './checks.js';
import { type CellKey, cellsByIndicator, effectiveCells, parseCellKey } from './grid-model.js';
import classes from './grid.module.css';
import { type PlacedProblem, placeCheckProblems } from './problem-places.js';
import { ReviewDialogs, type SubmitCheck } from './ReviewDialogs.js';
import { SaveBanner, SaveStatusLine } from './SaveStatus.js';
import { type ActionName, SubmissionHeader } from './SubmissionHeader.js';
import { EventsTimeline } from './EventsTimeline.js';
import { useSubmissionGrid } from './useSubmissionGrid.js';
import { ValuesGrid } from './ValuesGrid.js';

/** `/submissions/:id`: one organisation's package for a round — filled in by its reporters, reviewed by the round's managers. */
export default function SubmissionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('submission');
  const detail = useQuery(reportingQueries.submission(id));
  if (detail.isPending) return <PageLoader />;
  if (detail.error) return <ErrorAlert error={detail.error} title={t('loadError')} />;
  return <SubmissionView key={id} detail={detail.data} />;
}

/** Scrolls to a cell, opens nothing, and puts the caret in it. */
function goToCell(key: CellKey) {
  const td = document.querySelector<HTMLElement>(`[data-cell="${CSS.escape(key)}"]`);
  if (!td) return;
  td.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' });
  td.classList.remove(classes.highlight!);
  void td.offsetWidth;
  td.classList.add(classes.highlight!);
  td.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true });
}

type Tab = 'values' | 'narratives' | 'evidence';

function SubmissionView({ detail }: { detail: SubmissionDetail }) {
  const { t } = useTranslation('submission');
  const qc = useQueryClient();
  const grid = useSubmissionGrid(detail);
  const { autosave } = grid;
  const [activeCell, setActiveCell] = useState<CellKey | null>(null);
  const [action, setAction] = useState<ActionName | null>(null);
  const [check, setCheck] = useState<SubmitCheck | null>(null);
  const [conflict, setConflict] = useState(false);
  const [tab, setTab] = useState<Tab>('values');
  const submissionId = detail.submission.id;
  const held = Object.keys(grid.errors).length + grid.badTextCount;

  // Unsent changes: the browser asks before closing, the app before going to another page.
  const unsent = autosave.status.unsent;
  useEffect(() => {
    if (unsent === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsent]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsent > 0 && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    // Most of the time the save just needs its second: let it finish, then go.
    void autosave.settle().then((ok) => ok && Object.keys(autosave.getQueue().rejected).length === 0 && blocker.proceed?.());
  }, [blocker.state]); // eslint-disable-line react-hooks/exhaustive-deps

  const runSubmitChecks = useCallback(async () => {
    setCheck(null);
    const saved = await autosave.settle();
    const fresh = await qc.fetchQuery({ ...reportingQueries.submission(submissionId), staleTime: 0 });
    const narratives = await api<NarrativeList>(`/submissions/${submissionId}/narratives`).catch(() => ({ items: [] }) as Pick<NarrativeList, 'items'>);
    const cells = effectiveCells(cellsByIndicator(fresh.values, fresh.indicators), autosave.getQueue().rejected, null).result;
    const message = (p: Parameters<typeof problemMessage>[0]) => problemMessage(p, grid.formatters);
    const problems: PlacedProblem[] = placeCheckProblems(fresh, submitProblems(fresh, cells, narratives.items), message, t('grid.wholeProject'));
    // Cells held back by the entry checks or holding text that is not a number block submitting too.
    for (const [key, list] of Object.entries(grid.errors)) {
      const { indicatorId, locationId } = parseCellKey(key);
      const i = fresh.indicators.findIndex((x) => x.id === indicatorId);
      const place = locationId === null ? t('grid.wholeProject') : (fresh.locations.find((l) => l.id === locationId)?.name ?? '?');
      problems.unshift({ message: list.join(' '), severity: 'error', cell: key, section: null, where: `${fresh.indicators[i]?.code ?? '?'} · ${place}`, order: i });
    }
    if (grid.badTextCount > 0) problems.unshift({ message: t('problems.notNumbers', { count: grid.badTextCount }), severity: 'error', cell: null, section: null, where: null, order: -1 });
    setCheck({ version: fresh.submission.version, problems, unsaved: saved ? 0 : autosave.status.unsent });
  }, [autosave, grid.errors, grid.badTextCount, grid.formatters, qc, submissionId, t]);

  const onAction = (a: ActionName) => {
    setActiveCell(null);
    setAction(a);
    if (a === 'submit') void runSubmitChecks();
  };

  const showCell = (key: CellKey) => {
    setTab('values');
    requestAnimationFrame(() => goToCell(key));
  };
  const showSection = () => {
    setTab('narratives');
    requestAnimationFrame(() => document.getElementById('narratives-title')?.scrollIntoView({ behavior: 'smooth' }));
  };

  const approvedEvent = [...detail.events].reverse().find((e) => e.action === 'approve');
  const s = detail.submission;

  return (
    <Stack gap="md">
      <SubmissionHeader detail={detail} onAction={onAction} extra={<SubmissionExcelMenu detail={detail} />} saveStatus={detail.canEdit ? <SaveStatusLine status={autosave.status} held={held} /> : null} />
      <div className={classes.banner}>
        <SaveBanner status={autosave.status} canEdit={detail.canEdit} onRetry={autosave.retryNow} onDiscard={autosave.discard} />
      </div>
      {conflict && (
        <Alert color="orange" variant="light" icon={<IconUsersGroup size={18} />} withCloseButton onClose={() => setConflict(false)} role="alert" data-testid="conflict">
          {t('conflict')}
        </Alert>
      )}
      {!detail.canEdit && (
        <Alert color={s.status === 'approved' ? 'teal' : 'gray'} variant="light" icon={s.status === 'approved' ? <IconLock size={18} /> : <IconInfoCircle size={18} />} data-testid="read-only">
          {s.status === 'approved'
            ? t('readOnly.approved', { name: s.decidedBy?.name ?? approvedEvent?.user.name ?? '—', date: formatDateTime(s.decidedAt ?? approvedEvent?.at) }) + (detail.canReopen ? ` ${t('readOnly.canReopen')}` : '')
            : s.status === 'submitted'
              ? t('readOnly.submitted')
              : t('readOnly.other')}
        </Alert>
      )}
      {detail.canEdit && s.openComments > 0 && (
        <Alert color="orange" variant="light" icon={<IconMessageExclamation size={18} />} data-testid="returned-note">
          {t('returnedNote', { count: s.openComments })}
        </Alert>
      )}
      <Group gap="md" wrap="wrap">
        {detail.comments.some((c) => c.cell && !c.resolvedAt) && (
          <Text size="xs" c="dimmed">
            <span className={classes.openComment} style={{ display: 'inline-block', width: 12, height: 12, verticalAlign: 'middle', marginInlineEnd: 4 }} />
            {t('legend.openComment')}
          </Text>
        )}
        {(detail.canReview || detail.canComment) && detail.flags.length > 0 && (
          <Text size="xs" c="dimmed">
            <span className={classes.flagged} style={{ display: 'inline-block', width: 12, height: 12, verticalAlign: 'middle', marginInlineEnd: 4, border: '1px solid var(--mantine-color-yellow-5)' }} />
            {t('legend.flag', { count: detail.flags.length })}
          </Text>
        )}
        {detail.canEdit && (
          <Text size="xs" c="dimmed">
            {t('legend.keyboard')}
          </Text>
        )}
      </Group>
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted>
        <Tabs.List mb="md">
          <Tabs.Tab value="values" leftSection={<IconTable size={16} />} data-testid="tab-values">
            {t('tabs.values')}
          </Tabs.Tab>
          <Tabs.Tab value="narratives" leftSection={<IconFileText size={16} />} data-testid="tab-narratives">
            {t('tabs.narratives')}
          </Tabs.Tab>
          <Tabs.Tab value="evidence" leftSection={<IconPaperclip size={16} />} data-testid="tab-evidence">
            {t('tabs.evidence')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="values">
          <ValuesGrid detail={detail} grid={grid} activeCell={activeCell} onActiveCell={setActiveCell} />
        </Tabs.Panel>
        <Tabs.Panel value="narratives">
          <NarrativesPanel detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="evidence">
          <AttachmentsPanel detail={detail} />
        </Tabs.Panel>
      </Tabs>
      <EventsTimeline detail={detail} />
      <ReviewDialogs
        detail={detail}
        action={action}
        check={check}
        onClose={() => setAction(null)}
        onConflict={() => setConflict(true)}
        onGoToCell={showCell}
        onGoToSection={showSection}
        onDone={(a) => notifications.show({ color: 'teal', message: t(`done.${a}`) })}
      />
      <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('leave.title')} centered>
        <Text size="sm">{t('leave.body', { count: unsent })}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            {t('leave.stay')}
          </Button>
          <Button color="orange" onClick={() => blocker.proceed?.()}>
            {t('leave.leave')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
