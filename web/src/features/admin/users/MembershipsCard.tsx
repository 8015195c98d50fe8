import { ActionIcon, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, SCOPE_TYPES, type ScopeType } from '@shared/roles.js';
import type { Membership, User } from '@shared/schemas/index.js';
import { ApiError } from '../../../api/client.js';
import { useOrganisations } from '../../../api/lookups.js';
import { formatDate } from '../../../lib/format.js';
import { useCurrentUser } from '../../auth/session.js';
import { canAdminOrganisation, isInstallationAdmin } from '../access.js';
import { ActionError } from '../components/PageError.js';
import { membershipLabel } from '../../../components/MembershipBadge.js';
import { scopeQueries, useAddMembership, useRemoveMembership } from './queries.js';

/** The user's grants (role × scope) with remove buttons, and a form to add one. */
export function MembershipsCard({ user, manageable }: { user: User; manageable: boolean }) {
  const { t } = useTranslation('admin');
  const remove = useRemoveMembership(user.id);
  const [removing, setRemoving] = useState<Membership | null>(null);

  return (
    <Card withBorder>
      <Stack>
        <div>
          <Title order={4}>{t('memberships.title')}</Title>
          <Text size="sm" c="dimmed">{t('memberships.explain')}</Text>
        </div>
        <ActionError error={remove.error} />
        {user.memberships.length === 0 ? (
          <Text c="dimmed" size="sm">{t('users.noRoles')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('memberships.role')}</Table.Th>
                  <Table.Th>{t('memberships.scopeType')}</Table.Th>
                  <Table.Th>{t('memberships.scope')}</Table.Th>
                  <Table.Th>{t('memberships.since')}</Table.Th>
                  {manageable && <Table.Th w={60} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {user.memberships.map((m) => (
                  <Table.Tr key={m.id} data-testid="membership-row">
                    <Table.Td>
                      <Badge variant="light" tt="none" fw={600}>{t(`common:roles.${m.role}`)}</Badge>
                    </Table.Td>
                    <Table.Td>{t(`common:scope.${m.scopeType}`)}</Table.Td>
                    <Table.Td>{m.scopeType === 'installation' ? '—' : (m.scopeName ?? '—')}</Table.Td>
                    <Table.Td>{formatDate(m.createdAt)}</Table.Td>
                    {manageable && (
                      <Table.Td>
                        <Tooltip label={t('memberships.remove')}>
                          <ActionIcon
                            color="red"
                            variant="subtle"
                            aria-label={t('memberships.removeLabel', { role: membershipLabel(t, m) })}
                            onClick={() => {
                              remove.reset();
                              setRemoving(m);
                            }}
                          >
                            <IconTrash size={18} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {manageable && <AddMembershipForm user={user} />}
      </Stack>
      <Modal opened={!!removing} onClose={() => setRemoving(null)} title={t('memberships.removeTitle')}>
        {removing && (
          <Stack>
            <Text size="sm">{t('memberships.removeExplain', { role: membershipLabel(t, removing), name: user.name })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>{t('common:actions.cancel')}</Button>
              <Button
                color="red"
                loading={remove.isPending}
                data-testid="confirm-remove-membership"
                onClick={() =>
                  remove.mutate(removing.id, {
                    onSuccess: () => notifications.show({ color: 'teal', message: t('memberships.removed') }),
                    onSettled: () => setRemoving(null),
                  })
                }
              >
                {t('common:actions.remove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}

function AddMembershipForm({ user }: { user: User }) {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const add = useAddMembership(user.id);
  const [role, setRole] = useState<Role | null>(null);
  const [scopeType, setScopeType] = useState<ScopeType>('organisation');
  const [scopeId, setScopeId] = useState<string | null>(null);
  const options = useScopeOptions(scopeType);
  const needsScope = scopeType !== 'installation';

  // Only an installation admin can grant an installation-wide role; others are not offered it.
  const scopeTypes = SCOPE_TYPES.filter((s) => s !== 'installation' || isInstallationAdmin(me));

  const conflict = add.error instanceof ApiError && add.error.status === 409;
  const scopeError = add.error instanceof ApiError ? add.error.fieldErrors().scopeId : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!role || (needsScope && !scopeId)) return;
    add.mutate(
      { role, scopeType, scopeId: needsScope ? scopeId : null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('memberships.added') });
          setRole(null);
          setScopeId(null);
        },
      },
    );
  };

  return (
    <Card withBorder bg="var(--mantine-color-default-hover)" component="form" onSubmit={submit} p="sm">
      <Stack gap="sm">
        <Text fw={600} size="sm">{t('memberships.addTitle')}</Text>
        {conflict ? (
          <Text c="red" size="sm" role="alert">{t('memberships.duplicate')}</Text>
        ) : (
          <ActionError error={add.error} placed={['scopeId']} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('memberships.role')}
            data={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
            value={role}
            onChange={(v) => setRole(v as Role | null)}
            required
            data-testid="membership-role"
          />
          <Select
            label={t('memberships.scopeType')}
            data={scopeTypes.map((s) => ({ value: s, label: t(`common:scope.${s}`) }))}
            value={scopeType}
            onChange={(v) => {
              setScopeType((v ?? 'organisation') as ScopeType);
              setScopeId(null);
            }}
            allowDeselect={false}
            data-testid="membership-scope-type"
          />
          <Select
            label={t('memberships.scope')}
            placeholder={needsScope ? (options.isPending ? t('common:common.loading') : t('memberships.chooseScope')) : t('common:scope.installation')}
            data={options.data}
            value={scopeId}
            onChange={setScopeId}
            disabled={!needsScope}
            searchable
            required={needsScope}
            error={scopeError}
            nothingFoundMessage={t('common:common.noResults')}
            data-testid="membership-scope"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={add.isPending} disabled={!role || (needsScope && !scopeId)}>
            {t('memberships.add')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Choices for the scope select, fetched only for the scope type picked. */
function useScopeOptions(scopeType: ScopeType): { data: { value: string; label: string }[]; isPending: boolean } {
  const me = useCurrentUser();
  const organisations = useOrganisations();
  const programmes = useQuery({ ...scopeQueries.programmes(), enabled: scopeType === 'programme' });
  const projects = useQuery({ ...scopeQueries.projects(), enabled: scopeType === 'project' });
  return useMemo(() => {
    switch (scopeType) {
      case 'organisation':
        return {
          data: (organisations.data?.items ?? [])
            .filter((o) => canAdminOrganisation(me, o.id))
            .map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name })),
          isPending: organisations.isPending,
        };
      case 'programme':
        return {
          data: (programmes.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` })),
          isPending: programmes.isPending,
        };
      case 'project':
        return {
          data: (projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.title}` })),
          isPending: projects.isPending,
        };
      default:
        return { data: [], isPending: false };
    }
  }, [scopeType, organisations.data, organisations.isPending, programmes.data, programmes.isPending, projects.data, projects.isPending, me]);
}
