import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage } from '@shared/i18n/error-messages.js';
import { currentLocale } from '../i18n/index.js';
import { ErrorAlert } from './ErrorAlert.js';

/**
 * The top of a form: a summary when the browser's own check found problems (they sit next to
 * their fields), or the server's error with any problems that have no field on this form.
 */
export function FormProblems({ clientProblems, error, unplaced }: { clientProblems: number; error: unknown; unplaced: string[] }) {
  if (clientProblems > 0) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {errorMessage('validation_failed', currentLocale())}
      </Alert>
    );
  }
  if (!error) return null;
  return (
    <div>
      <ErrorAlert error={error} />
      {unplaced.length > 0 && (
        <List size="sm" c="red" mt="xs">
          {unplaced.map((u) => (
            <List.Item key={u}>{u}</List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
