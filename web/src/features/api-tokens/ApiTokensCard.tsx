import { Badge, Button, Card, Code, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, ApiTokenStatus } from '@shared/schemas/api-tokens.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { ActionError } from '../admin/components/PageError.js';
import { CreateApiTokenModal } from './CreateApiTokenModal.js';
import { useMyApiTokens, useRevokeApiToken, useUserApiTokens } from './queries.js';

const STATUS_COLOURS: Record<ApiTokenStatus, string> = { active: 'teal', expired: 'gray', revoked: 'red' };

/** The profile page's "API tokens" section: the user's tokens, a new one, revoking one. */
export function ApiTokensCard() {
  const { t } = useTranslation('apiTokens');
  const tokens = useMyApiTokens();
  const [creating, setCreating] = useState(false);
  return (
    <TokensCard
      tokens={tokens}
      intro={t('intro')}
      empty={t('empty')}
      action={
        <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setCreating(true)} data-testid="api-token-new">
          {t('new')}
        </Button>
      }
    >
      <CreateApiTokenModal opened={creating} onClose={() => setCreating(false)} />
    </TokensCard>
  );
}

/**
 * A user's tokens on their administration page, for installation administrators: seen and revoked
 * (when someone leaves or a token leaks), never created — a token is made by its owner, signed in.
 */
export function UserApiTokensCard({ userId }: { userId: string }) {
  const { t } = useTranslation('apiTokens');
  return <TokensCard tokens={useUserApiTokens(userId)} intro={t('adminIntro')} empty={t('adminEmpty')} />;
}

function TokensCard({
  tokens,
  intro,
  empty,
  action,
  children,
}: {
  tokens: ReturnType<typeof useMyApiTokens>;
  intro: string;
  empty: string;
  action?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation('apiTokens');
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <Card withBorder data-testid="api-tokens">
      <Stack>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={4}>{t('title')}</Title>
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          </div>
          {action}
        </Group>
        {tokens.error && <ErrorAlert error={tokens.error} />}
        {tokens.data && tokens.data.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        )}
        {tokens.data && tokens.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.name')}</Table.Th>
                  <Table.Th>{t('columns.created')}</Table.Th>
                  <Table.Th>{t('columns.lastUsed')}</Table.Th>
                  <Table.Th>{t('columns.expires')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.items.map((token) => (
                  <Table.Tr key={token.id} data-testid="api-token-row">
                    <Table.Td>
                      <Text size="sm" fw={500} dir="auto">
                        {token.name}
                      </Text>
                      <Code dir="ltr">{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{formatDate(token.createdAt)}</Table.Td>
                    <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('never')}</Table.Td>
                    <Table.Td>{token.expiresAt ? formatDate(token.expiresAt) : t('noExpiry')}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOURS[token.status]} variant="light" miw="max-content">
                        {t(`status.${token.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="end">
                      {token.status === 'active' && (
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRevoking(token)} data-testid="api-token-revoke">
                          {t('revoke.action')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {children}
      <RevokeModal token={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}

function RevokeModal({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const { t } = useTranslation('apiTokens');
  const revoke = useRevokeApiToken();
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal opened={!!token} onClose={close} title={t('revoke.title')}>
      {token && (
        <Stack>
          <Group gap="xs">
            <IconKey size={16} />
            <Text size="sm" fw={500} dir="auto">
              {token.name}
            </Text>
            <Code dir="ltr">{token.prefix}…</Code>
          </Group>
          <Text size="sm">{t('revoke.body')}</Text>
          <ActionError error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate(token.id, { onSuccess: close })} data-testid="api-token-revoke-confirm">
              {t('revoke.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
