import { ActionIcon, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeneratedReport } from '@shared/schemas/index.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate } from '../../lib/format.js';
import { useDeleteReport, useRegenerateReport } from './mutations.js';
import { inProgress, type ReportScopeRef } from './queries.js';

/** First-strong isolate … pop directional isolate: a Latin title or a date keeps its own order inside an Arabic sentence. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** Regenerate and Delete for people who manage reports; the server checks again. */
export function ReportActions({ report, scope }: { report: GeneratedReport; scope: ReportScopeRef }) {
  const { t } = useTranslation('reports');
  const regenerate = useRegenerateReport(scope);
  const [deleting, setDeleting] = useState(false);

  const again = () =>
    regenerate.mutate(report.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('actions.regenerated') }),
      onError: (e) => notifications.show({ color: 'red', title: t('actions.regenerateFailed'), message: e instanceof ApiError && e.message ? e.message : t('common:errors.unexpected') }),
    });

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('actions.menu', { title: report.title })} loading={regenerate.isPending} data-testid="report-actions">
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconRefresh size={16} />} onClick={again} disabled={inProgress(report)}>
            {t('actions.regenerate')}
          </Menu.Item>
          <Menu.Item leftSection={<IconTrash size={16} />} color="red" onClick={() => setDeleting(true)}>
            {t('actions.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <DeleteReportModal report={deleting ? report : null} scope={scope} onClose={() => setDeleting(false)} />
    </>
  );
}

function DeleteReportModal({ report, scope, onClose }: { report: GeneratedReport | null; scope: ReportScopeRef; onClose: () => void }) {
  const { t } = useTranslation('reports');
  const remove = useDeleteReport(scope);
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = () =>
    report &&
    remove.mutate(report.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('delete.done') });
        close();
      },
    });
  return (
    <Modal opened={!!report} onClose={close} title={t('delete.title')}>
      <Stack>
        <Text size="sm">
          {report && t('delete.body', { title: isolate(report.title), start: isolate(formatDate(report.periodStart)), end: isolate(formatDate(report.periodEnd)) })}
        </Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={remove.isPending} data-testid="confirm-report-delete">
            {t('delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
