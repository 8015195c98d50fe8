import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { downloadFromApi } from './download.js';

/**
 * Downloads an API file with the session and saves it, remembering which one is on its way (for the
 * menu button's spinner) and telling the user in their language when it fails. Used by every
 * "Excel" menu: the framework's and a submission's.
 */
export function useFileDownload<K extends string>(files: Record<K, { path: string; name: string }>, failedTitle: string) {
  const { t } = useTranslation('common');
  const [busy, setBusy] = useState<K | null>(null);
  const download = (kind: K) => {
    setBusy(kind);
    downloadFromApi(files[kind].path, files[kind].name)
      .catch((err: unknown) =>
        notifications.show({
          color: 'red',
          title: failedTitle,
          message: err instanceof ApiError && err.code === 'network_error' ? t('errors.network') : (err as Error).message,
        }),
      )
      .finally(() => setBusy(null));
  };
  return { busy, download };
}
