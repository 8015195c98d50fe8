import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { ChangeReason } from '@shared/domain/framework-templates.js';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { ChangeReasonFields, NO_WHY, type Why, whyProblems } from '../ChangeReasonFields.js';
import type { FieldProblem } from '../form-problems.js';

/**
 * Asks why the targets change before saving them, as the indicator form does for its definition.
 * `problems` are the server's about the reason (`why.reason`, `why.note`); `error` any other failure
 * that is not about a cell.
 */
export function SaveTargetsModal({
  opened,
  summary,
  pending,
  problems,
  error,
  onSubmit,
  onClose,
}: {
  opened: boolean;
  summary: string;
  pending: boolean;
  problems: FieldProblem[];
  error: unknown;
  onSubmit: (why: { reason: ChangeReason; note: string }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('results');
  return (
    <Modal opened={opened} onClose={onClose} title={t('targets.saveTitle')} size="lg" closeOnClickOutside={false}>
      {opened && <SaveForm summary={summary} pending={pending} problems={problems} error={error} onSubmit={onSubmit} onClose={onClose} />}
    </Modal>
  );
}

function SaveForm({ summary, pending, problems, error, onSubmit, onClose }: Omit<Parameters<typeof SaveTargetsModal>[0], 'opened'>) {
  const { t } = useTranslation('results');
  const [why, setWhy] = useState<Why>(NO_WHY);
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const shown = clientProblems.length ? clientProblems : problems;
  const errors = {
    reason: shown.find((p) => p.field === 'why.reason')?.message,
    note: shown.find((p) => p.field === 'why.note')?.message,
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = whyProblems(why);
    setClientProblems(found);
    if (found.length === 0 && why.reason) onSubmit({ reason: why.reason, note: why.note });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('targets.saveTitle')}>
      <Stack>
        <Text size="sm" data-testid="targets-save-summary">
          {summary}
        </Text>
        {!!error && <ErrorAlert error={error} />}
        <ChangeReasonFields value={why} onChange={setWhy} errors={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('targets.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
