import { Alert, Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_LOGO_MAX_BYTES } from '@shared/schemas/report-templates.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useOrganisationLogo, useRemoveLogo, useUploadLogo } from './queries.js';

/**
 * The organisation's logo for report covers, on the organisation form: a preview, upload (PNG or
 * JPEG, checked again by the server from the bytes) and removal. Saved at once, apart from the form.
 */
export function OrganisationLogoField({ organisationId, organisationName }: { organisationId: string; organisationName: string }) {
  const { t } = useTranslation('reportTemplates');
  const logo = useOrganisationLogo(organisationId);
  const upload = useUploadLogo(organisationId);
  const remove = useRemoveLogo(organisationId);
  const [tooLarge, setTooLarge] = useState(false);
  const preview = logo.data ?? null;
  const failure = upload.error ?? remove.error;

  const choose = (file: File | null) => {
    if (!file) return;
    setTooLarge(file.size > ORGANISATION_LOGO_MAX_BYTES);
    if (file.size > ORGANISATION_LOGO_MAX_BYTES) return;
    remove.reset();
    upload.mutate(file, { onSuccess: (info) => notifications.show({ color: 'teal', message: t('logo.uploaded', { width: info.width, height: info.height }) }) });
  };

  return (
    <Stack gap="xs" data-testid="organisation-logo">
      <Text fw={500} size="sm">{t('logo.title')}</Text>
      <Text size="xs" c="dimmed">{t('logo.help')}</Text>
      <Group gap="md" align="center">
        {preview ? (
          <Image src={preview} alt={t('logo.alt', { name: organisationName })} h={64} w="auto" maw={240} fit="contain" radius="sm" bd="1px solid var(--mantine-color-gray-3)" data-testid="logo-preview" />
        ) : (
          <Text size="sm" c="dimmed">{logo.isPending ? t('common:common.loading') : t('logo.none')}</Text>
        )}
        <FileButton onChange={choose} accept="image/png,image/jpeg">
          {(props) => (
            <Button {...props} variant="light" size="xs" leftSection={<IconPhotoUp size={14} />} loading={upload.isPending} data-testid="upload-logo">
              {preview ? t('logo.replace') : t('logo.upload')}
            </Button>
          )}
        </FileButton>
        {preview && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={14} />}
            loading={remove.isPending}
            onClick={() => remove.mutate(undefined, { onSuccess: () => notifications.show({ color: 'teal', message: t('logo.removed') }) })}
          >
            {t('logo.remove')}
          </Button>
        )}
      </Group>
      {tooLarge && <Text size="sm" c="red" role="alert">{t('logo.tooLarge')}</Text>}
      {/* The server's reason for the file ("must be a PNG or JPEG image"), not the generic "some fields are not valid". */}
      {failure instanceof ApiError && failure.details.length > 0 ? (
        <Alert color="red" role="alert" p="xs">{failure.details.map((d) => d.message).join(' ')}</Alert>
      ) : (
        <ErrorAlert error={failure} />
      )}
    </Stack>
  );
}
