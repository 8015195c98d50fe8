import { ActionIcon, Badge, Button, Drawer, Group, Menu, Modal, NavLink, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconPlus, IconTrash, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SavedPivot } from '@shared/schemas/monitoring.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { formatDate } from '../../../lib/format.js';
import { ActionError } from '../../admin/components/PageError.js';
import { useDeleteSavedPivot, useSavedPivots } from './queries.js';
import { type SaveTarget, SavePivotModal } from './SavePivotModal.js';

/**
 * The saved pivots beside the builder: mine (open, rename or share, delete) and those colleagues
 * shared with me (open only). Whoever opens one sees only the figures they may see.
 */
export function SavedPivotsDrawer({ opened, onClose, currentId }: { opened: boolean; onClose: () => void; currentId: string | null }) {
  const { t } = useTranslation('pivot');
  const list = useSavedPivots();
  const [editing, setEditing] = useState<SaveTarget | null>(null);
  const [deleting, setDeleting] = useState<SavedPivot | null>(null);
  const items = list.data?.items ?? [];
  const mine = items.filter((p) => p.mine);
  const shared = items.filter((p) => !p.mine);

  const section = (title: string, pivots: SavedPivot[], empty: string, testId: string) => (
    <Stack gap={4} data-testid={testId}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {title}
      </Text>
      {pivots.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        pivots.map((p) => (
          <Group key={p.id} gap={4} wrap="nowrap" align="center">
            <NavLink
              component={Link}
              to={`/pivot/${p.id}`}
              onClick={onClose}
              active={p.id === currentId}
              label={p.name}
              description={p.mine ? formatDate(p.updatedAt) : t('saved.by', { name: p.owner.name })}
              rightSection={p.mine && p.shared ? <IconUsers size={14} aria-label={t('saved.sharedBadge')} /> : undefined}
              style={{ flex: 1, minWidth: 0 }}
              data-saved-pivot={p.id}
            />
            {p.mine && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={t('saved.actions', { name: p.name })}>
                    <IconDots size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing({ mode: 'edit', pivot: p })}>
                    {t('saved.rename')}
                  </Menu.Item>
                  <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={() => setDeleting(p)}>
                    {t('common:actions.delete')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        ))
      )}
    </Stack>
  );

  return (
    <>
      <Drawer opened={opened} onClose={onClose} title={t('saved.title')} position="right" size="sm" data-testid="saved-pivots">
        {list.isPending ? (
          <PageLoader />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <Stack gap="lg">
            <Button component={Link} to="/pivot" variant="light" leftSection={<IconPlus size={16} />} onClick={onClose} data-testid="pivot-new">
              {t('saved.new')}
            </Button>
            {section(t('saved.mine'), mine, t('saved.mineEmpty'), 'saved-pivots-mine')}
            {section(t('saved.sharedWithMe'), shared, t('saved.sharedEmpty'), 'saved-pivots-shared')}
          </Stack>
        )}
      </Drawer>
      <SavePivotModal target={editing} onClose={() => setEditing(null)} />
      <DeletePivotModal pivot={deleting} currentId={currentId} onClose={() => setDeleting(null)} />
    </>
  );
}

function DeletePivotModal({ pivot, currentId, onClose }: { pivot: SavedPivot | null; currentId: string | null; onClose: () => void }) {
  const { t } = useTranslation('pivot');
  const navigate = useNavigate();
  const remove = useDeleteSavedPivot();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={!!pivot} onClose={close} title={pivot ? t('delete.title', { name: pivot.name }) : ''}>
      <Stack>
        <Text size="sm">{pivot?.shared ? t('delete.bodyShared') : t('delete.body')}</Text>
        <ActionError error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            data-testid="pivot-delete-confirm"
            onClick={() =>
              pivot &&
              remove.mutate(pivot.id, {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('delete.done', { name: pivot.name }) });
                  close();
                  if (pivot.id === currentId) navigate('/pivot');
                },
              })
            }
          >
            {t('common:actions.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Shared by someone else: says whose it is, so the reader knows why they cannot change it. */
export function SharedBadge({ pivot }: { pivot: SavedPivot }) {
  const { t } = useTranslation('pivot');
  if (pivot.mine) return pivot.shared ? <Badge variant="light" leftSection={<IconUsers size={12} />}>{t('saved.sharedBadge')}</Badge> : null;
  return (
    <Badge variant="light" color="gray" tt="none">
      {t('saved.by', { name: pivot.owner.name })}
    </Badge>
  );
}
