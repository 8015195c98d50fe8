import { ActionIcon, Anchor, Button, Card, Center, Group, Loader, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionDetail } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDateTime, formatNumber } from '../../../lib/format.js';
import { AttachmentUpload } from './AttachmentUpload.js';
import { sizeParts, typeLabel } from './files.js';
import { type Attachment, useAttachments, useDeleteAttachment } from './queries.js';

/** Evidence for the package (attendance lists, photos, spreadsheets): listed for every reader, added and removed by its reporters. */
export function AttachmentsPanel({ detail }: { detail: SubmissionDetail }) {
  const { t } = useTranslation('evidence');
  const submissionId = detail.submission.id;
  const attachments = useAttachments(submissionId);
  const canEdit = detail.canEdit && !!attachments.data?.canEdit;
  const [removing, setRemoving] = useState<Attachment | null>(null);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="attachments-title" data-testid="attachments">
      <Title order={3} id="attachments-title" mb={4}>
        {t('attachments.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('attachments.help')}
      </Text>
      {attachments.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : attachments.error ? (
        <ErrorAlert error={attachments.error} />
      ) : (
        <Stack gap="md">
          {attachments.data.items.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="attachments-empty">
              {t('attachments.none')}
            </Text>
          ) : (
            <AttachmentTable items={attachments.data.items} canEdit={canEdit} onRemove={setRemoving} />
          )}
          {canEdit && <AttachmentUpload submissionId={submissionId} />}
        </Stack>
      )}
      <DeleteAttachmentModal submissionId={submissionId} attachment={removing} onClose={() => setRemoving(null)} />
    </Card>
  );
}

function AttachmentTable({ items, canEdit, onRemove }: { items: Attachment[]; canEdit: boolean; onRemove: (a: Attachment) => void }) {
  const { t } = useTranslation('evidence');
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" fz="sm" data-testid="attachments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('attachments.name')}</Table.Th>
            <Table.Th>{t('attachments.type')}</Table.Th>
            <Table.Th ta="end">{t('attachments.size')}</Table.Th>
            <Table.Th>{t('attachments.uploaded')}</Table.Th>
            <Table.Th>{t('attachments.description')}</Table.Th>
            {canEdit && <Table.Th w={48} aria-label={t('attachments.actions')} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id} data-testid="attachment-row">
              <Table.Td>
                {/* Same origin: the session cookie travels with the link, and the server names the file. */}
                <Anchor href={`/api/attachments/${a.id}/content`} download={a.fileName} size="sm" style={{ overflowWrap: 'anywhere' }} aria-label={t('attachments.download', { name: a.fileName })}>
                  <Group gap={4} wrap="nowrap" component="span">
                    <IconDownload size={14} style={{ flexShrink: 0 }} />
                    <span dir="auto">{a.fileName}</span>
                  </Group>
                </Anchor>
              </Table.Td>
              <Table.Td>{typeLabel(a.contentType)}</Table.Td>
              <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                {formatNumber(...sizeParts(a.sizeBytes))}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{a.uploadedBy.name}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(a.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" dir="auto" style={{ overflowWrap: 'anywhere' }}>
                  {a.description || '—'}
                </Text>
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <Tooltip label={t('attachments.delete')}>
                    <ActionIcon variant="subtle" color="red" onClick={() => onRemove(a)} aria-label={t('attachments.deleteNamed', { name: a.fileName })} data-testid="attachment-delete">
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeleteAttachmentModal({ submissionId, attachment, onClose }: { submissionId: string; attachment: Attachment | null; onClose: () => void }) {
  const { t } = useTranslation('evidence');
  const remove = useDeleteAttachment(submissionId);
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = () =>
    attachment &&
    remove.mutate(attachment.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('attachments.deleted', { name: attachment.fileName }) });
        close();
      },
    });
  return (
    <Modal opened={!!attachment} onClose={close} title={t('attachments.deleteTitle')}>
      <Stack>
        <Text size="sm">{attachment && t('attachments.deleteBody', { name: attachment.fileName })}</Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={remove.isPending} data-testid="attachment-delete-confirm">
            {t('common:actions.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
