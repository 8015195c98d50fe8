import { Alert, List, ScrollArea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from '@shared/errors.js';
import { ApiError } from '../api/client.js';

/** Where an imported file's problem is, e.g. "Sheet Indicators, row 7, column type:" (the key names the parts present). */
function where(d: ErrorDetail): string | null {
  if (d.sheet === undefined && d.column === undefined) return d.row !== undefined ? 'errors.row' : null;
  return `errors.at.${[d.sheet !== undefined && 'Sheet', d.row !== undefined && 'Row', d.column !== undefined && 'Column'].filter(Boolean).join('')}`;
}

/** Shows an API error in the user's language; row and field problems are listed when there are any. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const message =
    apiError?.code === 'network_error' ? t('errors.network') : apiError?.message || t('errors.unexpected');
  const listed = apiError?.details.filter((d) => d.row !== undefined || d.sheet !== undefined || d.column !== undefined || !d.field) ?? [];
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={title ?? t('errors.title')} role="alert">
      {message}
      {listed.length > 0 && (
        // Every problem, in a box that scrolls: an import can report hundreds, and all of them must be fixable.
        <ScrollArea.Autosize mah={320} mt="xs" type="auto" offsetScrollbars data-testid="error-details">
          <List size="sm" spacing={2}>
            {listed.map((d, i) => {
              const at = where(d);
              return (
                <List.Item key={i}>
                  {at && <strong>{t(at, { sheet: d.sheet, row: d.row, column: d.column })} </strong>}
                  {d.field && !d.column && <code>{d.field}</code>} {d.message}
                </List.Item>
              );
            })}
          </List>
        </ScrollArea.Autosize>
      )}
      {apiError?.requestId && apiError.status >= 500 && <div style={{ fontSize: 12, marginTop: 6 }}>{t('errors.reference', { id: apiError.requestId })}</div>}
    </Alert>
  );
}
