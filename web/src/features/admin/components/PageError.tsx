import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';

/** The server refused: the signed-in user lacks the role for this page or action. */
export const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

/**
 * A page's data could not be loaded. A refusal (403) or a missing item (404) is explained in
 * plain words instead of as a technical failure; anything else goes to the shared error alert.
 */
export function PageError({ error }: { error: unknown }) {
  const { t } = useTranslation('admin');
  if (error instanceof ApiError && error.status === 403) {
    return (
      <Alert color="orange" icon={<IconLock size={18} />} title={t('access.deniedTitle')} role="alert" data-testid="access-denied">
        <Text size="sm">{t('access.deniedBody')}</Text>
      </Alert>
    );
  }
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Alert color="gray" icon={<IconAlertTriangle size={18} />} title={t('access.notFoundTitle')} role="alert">
        <Text size="sm">{t('access.notFoundBody')}</Text>
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

/**
 * A failed action. Problems the form cannot place next to a field (the last administrator, disabling
 * oneself) are shown as their own sentences with a hint on what to do, not as "some fields are invalid".
 */
export function ActionError({ error, placed = [] }: { error: unknown; placed?: readonly string[] }) {
  const { t } = useTranslation('admin');
  if (!error) return null;
  if (error instanceof ApiError) {
    if (error.status === 403) {
      return (
        <Alert color="orange" icon={<IconLock size={18} />} title={t('access.actionDeniedTitle')} role="alert">
          <Text size="sm">{t('access.actionDeniedBody')}</Text>
        </Alert>
      );
    }
    const unplaced = error.details.filter((d) => d.row === undefined && d.field && !placed.includes(d.field.replace(/^(body|query|params)\./, '')));
    const fieldless = error.details.length > 0 && error.details.every((d) => d.row === undefined && !d.field);
    if (unplaced.length > 0 || fieldless) {
      const shown = unplaced.length > 0 ? unplaced : error.details;
      return (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('access.notDoneTitle')} role="alert">
          {shown.map((d, i) => (
            <Text size="sm" key={i}>
              {d.message}
              {t(`errorHints.${d.reason}`, { defaultValue: '' }) && <> {t(`errorHints.${d.reason}`)}</>}
            </Text>
          ))}
        </Alert>
      );
    }
    // Every detail sits next to its field; the form shows them there.
    if (error.details.length > 0) return null;
  }
  return <ErrorAlert error={error} />;
}
