import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '@shared/schemas/index.js';
import { ApiError } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { keyOfCell } from './grid-model.js';
import { type PlacedProblem, placeServerDetails } from './problem-places.js';
import { ProblemList } from './ProblemList.js';
import { newActionKey, type ReviewAction, useReviewAction } from './submission-api.js';
import type { ActionName } from './SubmissionHeader.js';

/** A 409 (someone else acted first, or the package moved on) is shown by the page over the refreshed package. */
export const isConflict = (e: unknown) => e instanceof ApiError && e.status === 409;

export interface SubmitCheck {
  /** The version the checks ran on: the package as the server had it once every change was saved. */
  version: number;
  problems: PlacedProblem[];
  /** Changes that could not be saved first (offline, refused): submitting waits for them. */
  unsaved: number;
}

interface DialogProps {
  detail: SubmissionDetail;
  action: ActionName | null;
  /** For submit: the checks run when the dialog opened (null while they run). */
  check: SubmitCheck | null;
  onClose: () => void;
  onConflict: () => void;
  onGoToCell: (key: string) => void;
  onGoToSection: (section: string) => void;
  onDone: (action: ActionName) => void;
}

/** Submit, return, approve or reopen, each in its dialog; the same `Idempotency-Key` for the retries of one opening. */
export function ReviewDialogs(p: DialogProps) {
  const { t } = useTranslation('submission');
  const mutation = useReviewAction(p.detail.submission.id);
  const [key, setKey] = useState(newActionKey);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const close = () => {
    mutation.reset();
    setText('');
    setTried(false);
    setKey(newActionKey());
    p.onClose();
  };
  const version = p.action === 'submit' && p.check ? p.check.version : p.detail.submission.version;
  const run = (a: ReviewAction) =>
    mutation.mutate(
      { ...a, key },
      {
        onSuccess: () => {
          const done = p.action!;
          close();
          p.onDone(done);
        },
        onError: (e) => {
          if (isConflict(e)) {
            close();
            p.onConflict();
          }
        },
      },
    );

  const refused = mutation.error instanceof ApiError && mutation.error.status === 400 && mutation.error.details.some((d) => d.params) ? placeServerDetails(p.detail, mutation.error.details, t('grid.wholeProject')) : null;
  const otherError = mutation.error && !refused && !isConflict(mutation.error) ? mutation.error : null;
  const required = p.action === 'return' || p.action === 'reopen';
  const missing = required && text.trim() === '';
  const openCellComments = p.detail.comments.filter((c) => c.cell && !c.resolvedAt);
  const cellName = (cell: NonNullable<SubmissionDetail['comments'][number]['cell']>) => {
    const i = p.detail.indicators.find((x) => x.id === cell.indicatorId);
    const place = cell.locationId === null ? t('grid.wholeProject') : (p.detail.locations.find((l) => l.id === cell.locationId)?.name ?? '?');
    return { where: `${i?.code ?? '?'} · ${place}`, key: keyOfCell(cell, i?.categories) };
  };

  const confirm = () => {
    setTried(true);
    if (missing) return;
    const comment = text.trim();
    if (p.action === 'submit') run({ action: 'submit', body: { version } });
    else if (p.action === 'return') run({ action: 'return', body: { version, comment, valueComments: [] } });
    else if (p.action === 'approve') run({ action: 'approve', body: { version, comment } });
    else if (p.action === 'reopen') run({ action: 'reopen', body: { version, reason: comment } });
  };

  const blocked = p.action === 'submit' && (!p.check || p.check.problems.some((x) => x.severity === 'error') || p.check.unsaved > 0);
  const title = p.action ? t(`dialogs.${p.action}.title`) : '';

  return (
    <Modal opened={p.action !== null} onClose={close} title={title} size="lg" centered>
      {p.action && (
        <Stack gap="sm">
          {p.action === 'submit' && !p.check && <Text size="sm">{t('dialogs.submit.checking')}</Text>}
          {p.action === 'submit' && p.check && p.check.unsaved > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
              {t('dialogs.submit.unsaved', { count: p.check.unsaved })}
            </Alert>
          )}
          {p.action === 'submit' && p.check && p.check.problems.length > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('dialogs.submit.problemsTitle', { count: p.check.problems.length })} data-testid="submit-problems">
              <Text size="sm" mb="xs">
                {t('dialogs.submit.problemsHelp')}
              </Text>
              <ProblemList problems={p.check.problems} onGoToCell={(k) => (close(), p.onGoToCell(k))} onGoToSection={(s) => (close(), p.onGoToSection(s))} />
            </Alert>
          )}
          {p.action === 'submit' && p.check && !blocked && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />}>
              {t('dialogs.submit.ready')}
            </Alert>
          )}
          {p.action !== 'submit' && <Text size="sm">{t(`dialogs.${p.action}.body`)}</Text>}
          {p.action === 'return' && openCellComments.length > 0 && (
            <div>
              <Text size="sm" fw={600}>
                {t('dialogs.return.valueComments', { count: openCellComments.length })}
              </Text>
              <List size="sm" spacing={2} data-testid="return-value-comments">
                {openCellComments.map((c) => {
                  const n = cellName(c.cell!);
                  return (
                    <List.Item key={c.id}>
                      <strong dir="auto">{n.where}</strong>: <bdi>{c.body}</bdi>
                    </List.Item>
                  );
                })}
              </List>
            </div>
          )}
          {p.action === 'return' && openCellComments.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('dialogs.return.noValueComments')}
            </Text>
          )}
          {p.action === 'approve' && openCellComments.length > 0 && (
            <Alert color="orange" variant="light">
              {t('dialogs.approve.openComments', { count: openCellComments.length })}
            </Alert>
          )}
          {p.action !== 'submit' && (
            <Textarea
              label={t(`dialogs.${p.action}.comment`)}
              required={required}
              autosize
              minRows={3}
              maxRows={10}
              maxLength={p.action === 'reopen' ? 2000 : 5000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={tried && missing ? t('dialogs.required') : undefined}
              data-autofocus
              data-testid="action-comment"
            />
          )}
          {refused && (
            <Alert color="red" variant="light" title={t('dialogs.submit.refused')} data-testid="server-problems">
              <ProblemList problems={refused} onGoToCell={(k) => (close(), p.onGoToCell(k))} onGoToSection={(s) => (close(), p.onGoToSection(s))} />
            </Alert>
          )}
          {otherError && <ErrorAlert error={otherError} />}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              {t('dialogs.cancel')}
            </Button>
            <Button
              onClick={confirm}
              loading={mutation.isPending}
              disabled={blocked}
              color={p.action === 'approve' ? 'teal' : undefined}
              data-testid="confirm-action"
            >
              {t(`dialogs.${p.action}.confirm`)}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
