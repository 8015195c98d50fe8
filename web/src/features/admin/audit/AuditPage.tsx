import { ActionIcon, Autocomplete, Button, Card, Code, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, VisuallyHidden, useDirection } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconChevronDown, IconChevronLeft, IconChevronRight, IconFileSpreadsheet, IconX } from '@tabler/icons-react';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUrl } from '../../../api/client.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useSearchParamsUpdate } from '../../../lib/search-params.js';
import { PaginationFooter } from '../../../components/PaginationFooter.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { formatDateTime } from '../../../lib/format.js';
import { useCurrentUser } from '../../auth/session.js';
import { isAdmin } from '../access.js';
import { isForbidden, PageError } from '../components/PageError.js';
import { useUserList } from '../users/queries.js';
import { AuditDiff } from './AuditDiff.js';
import { type AuditFilters, useAuditEntries } from './queries.js';

const LIMIT = 50;
const ENTITY_TYPES = ['organisation', 'user', 'location', 'programme', 'project', 'reporting_round', 'submission', 'narrative', 'attachment', 'audit_log'] as const;
/** Suggestions for the "action contains" filter; any text works. */
const KNOWN_ACTIONS = [
  'auth.login', 'auth.login_failed', 'auth.login_throttled', 'auth.logout',
  'user.create', 'user.update', 'user.update_self', 'user.disable', 'user.enable', 'user.reset_password', 'user.change_password',
  'membership.create', 'membership.delete',
  'organisation.create', 'organisation.update',
  'programme.create', 'programme.update', 'project.create', 'project.update',
  'location.import', 'location.update', 'audit.export',
  'reporting_round.create', 'reporting_round.update', 'reporting_round.reminder', 'submission.values', 'values.import',
  'submission.submit', 'submission.return', 'submission.approve', 'submission.reopen', 'submission.comment',
  'submission.narratives', 'narrative.translation', 'attachment.upload', 'attachment.delete',
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export default function AuditPage() {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const { params, setParams, update } = useSearchParamsUpdate();
  const filters: AuditFilters = {
    action: params.get('action') || undefined,
    entityType: params.get('entity') || undefined,
    actorUserId: params.get('actor') || undefined,
    from: DATE.test(params.get('from') ?? '') ? params.get('from')! : undefined,
    to: DATE.test(params.get('to') ?? '') ? params.get('to')! : undefined,
  };
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [action, setAction] = useState(filters.action ?? '');
  const [expanded, setExpanded] = useState<string | null>(null);
  const entries = useAuditEntries(filters, LIMIT, offset);
  // The actor picker lists the people the admin manages (everyone, for an installation admin).
  const people = useUserList({ includeDisabled: true, limit: 500, offset: 0 }, isAdmin(me));
  const dir = useDirection();
  const Closed = dir.dir === 'rtl' ? IconChevronLeft : IconChevronRight;

  const setActionParam = useDebouncedCallback((v: string) => update({ action: v.trim() }), 300);
  const rangeError = filters.from && filters.to && filters.from > filters.to ? t('audit.rangeError') : undefined;
  const anyFilter = Object.values(filters).some(Boolean);

  const actorOptions = useMemo(
    () => (people.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` })),
    [people.data],
  );
  const exportHref = buildUrl('/audit/export.csv', { ...filters });

  return (
    <Stack>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          !isForbidden(entries.error) && (
            <Button component="a" href={exportHref} download variant="light" leftSection={<IconFileSpreadsheet size={16} />} data-testid="audit-export">
              {t('audit.export')}
            </Button>
          )
        }
      />
      {!isForbidden(entries.error) && (
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
            <Autocomplete
              label={t('audit.actionContains')}
              placeholder="user."
              data={KNOWN_ACTIONS}
              value={action}
              onChange={(v) => {
                setAction(v);
                setActionParam(v);
              }}
              dir="ltr"
            />
            <Select
              label={t('audit.entityType')}
              placeholder={t('common:common.all')}
              data={ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entityTypes.${e}`) }))}
              value={filters.entityType ?? null}
              onChange={(v) => update({ entity: v ?? '' })}
              clearable
            />
            <Select
              label={t('audit.actor')}
              placeholder={people.isPending ? t('common:common.loading') : t('common:common.all')}
              data={actorOptions}
              value={filters.actorUserId ?? null}
              onChange={(v) => update({ actor: v ?? '' })}
              searchable
              clearable
              nothingFoundMessage={t('common:common.noResults')}
            />
            <TextInput type="date" label={t('audit.from')} value={filters.from ?? ''} onChange={(e) => update({ from: e.currentTarget.value })} max={filters.to} />
            <TextInput
              type="date"
              label={t('audit.to')}
              value={filters.to ?? ''}
              onChange={(e) => update({ to: e.currentTarget.value })}
              min={filters.from}
              error={rangeError}
            />
          </SimpleGrid>
          {anyFilter && (
            <Group justify="flex-end" mt="sm">
              <Button
                variant="subtle"
                size="xs"
                color="gray"
                leftSection={<IconX size={14} />}
                onClick={() => {
                  setAction('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                {t('audit.clearFilters')}
              </Button>
            </Group>
          )}
        </Card>
      )}
      {entries.error && <PageError error={entries.error} />}
      {entries.isPending && !entries.error && <PageLoader />}
      {entries.data && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="xs" highlightOnHover data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={44}>
                    <VisuallyHidden>{t('audit.details')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th>{t('audit.when')}</Table.Th>
                  <Table.Th>{t('audit.who')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.entity')}</Table.Th>
                  <Table.Th>{t('audit.ip')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.data.items.map((e) => {
                  const open = expanded === e.id;
                  return (
                    <Fragment key={e.id}>
                      <Table.Tr
                        onClick={() => setExpanded(open ? null : e.id)}
                        style={{ cursor: 'pointer' }}
                        bg={open ? 'var(--mantine-color-default-hover)' : undefined}
                        data-testid="audit-row"
                      >
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-expanded={open}
                            aria-label={open ? t('audit.hideDetails') : t('audit.showDetails')}
                            onClick={(ev) => {
                              ev.stopPropagation();
                              setExpanded(open ? null : e.id);
                            }}
                          >
                            {open ? <IconChevronDown size={16} /> : <Closed size={16} />}
                          </ActionIcon>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm">{formatDateTime(e.at)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{e.actorName ?? (e.actorEmail === 'system' || !e.actorEmail ? t('audit.system') : e.actorEmail)}</Text>
                          {e.actorName && e.actorEmail && (
                            <Text size="xs" c="dimmed" dir="ltr" span>{e.actorEmail}</Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Code dir="ltr" color={/failed|throttled/.test(e.action) ? 'red.1' : undefined}>{e.action}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{t(`audit.entityTypes.${e.entityType}`, { defaultValue: e.entityType })}</Text>
                          {e.entityId && (
                            <Text size="xs" c="dimmed" ff="monospace" dir="ltr" span title={e.entityId}>{e.entityId.slice(0, 8)}…</Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace" dir="ltr" span>{e.ip ?? '—'}</Text>
                        </Table.Td>
                      </Table.Tr>
                      {open && (
                        <Table.Tr>
                          <Table.Td colSpan={6}>
                            <Stack gap="xs" py={4}>
                              <AuditDiff before={e.before} after={e.after} />
                              <Text size="xs" c="dimmed">
                                {e.entityId && <>{t('audit.entityId')}: <Code dir="ltr">{e.entityId}</Code> · </>}
                                {e.requestId && <>{t('audit.requestId')}: <Code dir="ltr">{e.requestId}</Code></>}
                              </Text>
                            </Stack>
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
                {entries.data.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="md">{t('common:common.noResults')}</Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {entries.data && <PaginationFooter total={entries.data.total} limit={LIMIT} offset={offset} onChange={(o) => update({ offset: o ? String(o) : '' })} />}
    </Stack>
  );
}
