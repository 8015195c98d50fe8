import { Button, FileInput, Group, Paper, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatNumber } from '../../../lib/format.js';
import { ACCEPTED_LABELS, ATTACHMENT_ACCEPT, attachmentProblem, attachmentType, sizeParts } from './files.js';
import { useUploadAttachment } from './queries.js';
import { newRequestKey } from './request-key.js';

/** Adds one file with an optional description; its type and size are checked here first, and again on the server from its content. */
export function AttachmentUpload({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation('evidence');
  const upload = useUploadAttachment(submissionId);
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  /** One key per chosen file: pressing Upload again after a lost answer does not attach it twice. */
  const [key, setKey] = useState(newRequestKey);
  const [picker, setPicker] = useState(0);

  const problem = file ? attachmentProblem(file) : null;
  const fileError = problem
    ? problem.reason === 'bad_type'
      ? t('attachments.badType', { types: ACCEPTED_LABELS })
      : problem.reason === 'empty'
        ? t('attachments.empty')
        : t('attachments.tooLarge', { size: formatNumber(...sizeParts(file!.size)), max: formatNumber(...sizeParts(problem.maxBytes!)) })
    : null;

  const choose = (f: File | null) => {
    upload.reset();
    setFile(f);
    setKey(newRequestKey());
  };

  const send = () => {
    if (!file || problem) return;
    upload.mutate(
      { file, contentType: attachmentType(file)!, description: description.trim(), key },
      {
        onSuccess: (a) => {
          notifications.show({ color: 'teal', message: t('attachments.uploadedDone', { name: a.fileName }) });
          setFile(null);
          setDescription('');
          setKey(newRequestKey());
          // A new input: the browser otherwise keeps the old choice and would not report choosing it again.
          setPicker((n) => n + 1);
        },
      },
    );
  };

  return (
    <Paper withBorder p="sm" radius="sm" component="form" onSubmit={(e: React.FormEvent) => (e.preventDefault(), send())} aria-label={t('attachments.add')}>
      <Stack gap="xs">
        <Group align="flex-start" gap="sm" wrap="wrap" grow>
          <FileInput
            key={picker}
            label={t('attachments.file')}
            description={t('attachments.fileHelp', { types: ACCEPTED_LABELS, max: formatNumber(...sizeParts(ATTACHMENT_MAX_BYTES)) })}
            placeholder={t('attachments.filePlaceholder')}
            accept={ATTACHMENT_ACCEPT}
            leftSection={<IconPaperclip size={16} />}
            value={file}
            onChange={choose}
            error={fileError}
            clearable
            miw={240}
            data-testid="attachment-file"
          />
          <TextInput
            label={t('attachments.descriptionLabel')}
            description={t('attachments.descriptionHelp')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            maxLength={500}
            dir="auto"
            miw={240}
            data-testid="attachment-description"
          />
        </Group>
        <ErrorAlert error={upload.error} title={t('attachments.uploadFailed')} />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconUpload size={16} />} loading={upload.isPending} disabled={!file || !!problem} data-testid="attachment-upload">
            {t('attachments.upload')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
