import { Button, Center, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.js';

/**
 * The session could not be checked because the server did not answer (a dropped field connection)
 * or failed. That is not a sign-out: the user keeps their place and can try again.
 */
export function ConnectionProblem({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md">
      <Stack maw={480} data-testid="connection-problem">
        <ErrorAlert error={error} />
        <Group>
          <Button onClick={onRetry} loading={retrying}>
            {t('actions.retry')}
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
