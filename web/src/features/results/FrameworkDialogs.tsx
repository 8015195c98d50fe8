import { Alert, Button, Group, List, Modal, Select, SimpleGrid, Stack, Text, TextInput, Fieldset } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FrameworkTemplate, LEVEL_COUNT, TEMPLATE_LEVELS } from '@shared/domain/framework-templates.js';
import { LOCALES } from '@shared/locales.js';
import { type Framework, type Indicator, type ResultNode, UpdateFrameworkBody } from '@shared/schemas/index.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { apiProblems, type FieldProblem, placeOnFields, zodProblems } from './form-problems.js';
import { indicatorName, levelName, nodeTitle } from './labels.js';
import { useDeleteIndicator, useDeleteNode, useMoveNode, useUpdateFramework } from './mutations.js';
import { type FrameworkOwner, ownerOf } from './owner.js';

/** Confirms a switch of template: the level names change, results and indicators stay. */
export function TemplateConfirmModal({ framework, template, onClose }: { framework: Framework; template: FrameworkTemplate | null; onClose: () => void }) {
  const { t } = useTranslation('results');
  const update = useUpdateFramework(ownerOf(framework));
  const name = template ? t(`templates.${template}`) : '';
  const levels = template ? TEMPLATE_LEVELS[template].map((l) => l[currentLocale()] || l.en).join(' → ') : '';
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <Modal opened={!!template} onClose={close} title={t('templateConfirm.title', { template: name })} size="md">
      <Stack>
        <Text size="sm">{t('templateConfirm.body', { levels })}</Text>
        <Text size="sm" c="dimmed">
          {t('templateConfirm.renamed')}
        </Text>
        {update.error && <ErrorAlert error={update.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            loading={update.isPending}
            onClick={() =>
              template &&
              update.mutate(
                { template },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('templateConfirm.done', { template: name }) });
                    close();
                  },
                },
              )
            }
          >
            {t('templateConfirm.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The four level names in the four interface languages. An emptied name falls back to the template's. */
export function RenameLevelsModal({ framework, opened, onClose }: { framework: Framework; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('results');
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={opened} onClose={onClose} title={t('levels.title')} size="xl" fullScreen={phone}>
      {opened && <RenameLevelsForm framework={framework} onDone={onClose} />}
    </Modal>
  );
}

function RenameLevelsForm({ framework, onDone }: { framework: Framework; onDone: () => void }) {
  const { t } = useTranslation('results');
  const update = useUpdateFramework(ownerOf(framework));
  const [levels, setLevels] = useState(() => framework.levels.map((l) => ({ ...l })));
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const fields = Array.from({ length: LEVEL_COUNT }, (_, i) => LOCALES.map((l) => `levels.${i}.${l}`)).flat();
  const problems = clientProblems.length ? clientProblems : apiProblems(update.error);
  const { byField, unplaced } = placeOnFields(problems, fields);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { levels: levels.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v.trim() !== ''))) };
    const parsed = UpdateFrameworkBody.safeParse(body);
    setClientProblems(parsed.success ? [] : zodProblems(parsed.error));
    if (parsed.success) {
      update.mutate(parsed.data, {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('levels.saved') });
          onDone();
        },
      });
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('levels.title')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('levels.help')}
        </Text>
        {update.error && !clientProblems.length && <ErrorAlert error={update.error} />}
        {unplaced.length > 0 && (
          <List size="sm" c="red">
            {unplaced.map((u) => (
              <List.Item key={u}>{u}</List.Item>
            ))}
          </List>
        )}
        {levels.map((label, i) => (
          <Fieldset key={i} legend={`${t('levels.level', { number: i + 1 })} · ${levelName(framework.levels, i)}`} radius="md">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              {LOCALES.map((locale) => (
                <TextInput
                  key={locale}
                  label={t(`languages.${locale}`)}
                  value={label[locale]}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    setLevels((ls) => ls.map((l, j) => (j === i ? { ...l, [locale]: text } : l)));
                  }}
                  error={byField[`levels.${i}.${locale}`]}
                  dir={locale === 'ar' ? 'rtl' : 'ltr'}
                  lang={locale}
                  maxLength={80}
                  name={`levels.${i}.${locale}`}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Moves a node under another parent of the level above; it goes last among its new siblings. */
export function MoveNodeModal({ framework, node, onClose }: { framework: Framework; node: ResultNode | null; onClose: () => void }) {
  const { t } = useTranslation('results');
  const move = useMoveNode(ownerOf(framework));
  const [parentId, setParentId] = useState<string | null>(null);
  const close = () => {
    setParentId(null);
    move.reset();
    onClose();
  };
  if (!node) return <Modal opened={false} onClose={close} />;
  const parentLevel = levelName(framework.levels, node.level - 1);
  const options = framework.nodes
    .filter((n) => n.level === node.level - 1 && n.id !== node.parentId)
    .map((n) => ({ value: n.id, label: `${n.code} — ${nodeTitle(n)}` }));
  const submit = () => {
    if (!parentId) return;
    const position = framework.nodes.filter((n) => n.parentId === parentId).length;
    move.mutate(
      { id: node.id, body: { parentId, position } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('move.done', { code: node.code }) });
          close();
        },
      },
    );
  };
  return (
    <Modal opened onClose={close} title={t('move.title', { code: node.code })} size="md">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('move.help', { level: levelName(framework.levels, node.level), parentLevel })}
        </Text>
        {move.error && <ErrorAlert error={move.error} />}
        {options.length === 0 ? (
          <Text size="sm">{t('move.none', { parentLevel })}</Text>
        ) : (
          <Select
            label={t('move.parent', { parentLevel })}
            data={options}
            value={parentId}
            onChange={setParentId}
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="field-new-parent"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={submit} disabled={!parentId} loading={move.isPending}>
            {t('move.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** What hangs below a node, as this browser knows it. */
export function dependantsOf(framework: Framework, node: ResultNode) {
  const below: string[] = [];
  const queue = [node.id];
  while (queue.length) {
    const id = queue.shift()!;
    for (const n of framework.nodes) {
      if (n.parentId !== id) continue;
      below.push(n.id);
      queue.push(n.id);
    }
  }
  const ids = new Set([node.id, ...below]);
  return { nodes: below.length, indicators: framework.indicators.filter((i) => ids.has(i.resultNodeId)).length };
}

/** The 409 `has_dependants` detail of an answer, or undefined for any other failure. */
function dependantsDetail(error: unknown) {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return undefined;
  return error.details.find((x) => x.reason === 'has_dependants');
}

/** The counts a 409 `has_dependants` answer carries, or null for any other failure. */
function serverDependants(error: unknown): { nodes: number; indicators: number } | null {
  const d = dependantsDetail(error);
  if (!d) return null;
  return { nodes: Number(d.params?.nodes ?? 0), indicators: Number(d.params?.indicators ?? 0) };
}

/**
 * Deletes a node. The warning names what would go with it, from the framework as loaded; the first
 * request never confirms, so the server has the last word: when it finds dependants the user has
 * not been told about (someone added them meanwhile), the dialog shows its numbers and asks again.
 */
export function DeleteNodeModal({ framework, node, onClose }: { framework: Framework; node: ResultNode | null; onClose: () => void }) {
  const { t } = useTranslation('results');
  const remove = useDeleteNode(ownerOf(framework));
  const [confirmed, setConfirmed] = useState<{ nodes: number; indicators: number } | null>(null);
  const close = () => {
    setConfirmed(null);
    remove.reset();
    onClose();
  };
  if (!node) return <Modal opened={false} onClose={close} />;
  const local = dependantsOf(framework, node);
  const shown = confirmed ?? local;
  const hasDependants = shown.nodes > 0 || shown.indicators > 0;
  const level = levelName(framework.levels, node.level);
  const done = () => {
    notifications.show({ color: 'teal', message: t('delete.done', { code: node.code }) });
    close();
  };
  const submit = () => {
    // Confirm straight away only for the numbers the user is looking at.
    if (confirmed) return remove.mutate({ id: node.id, confirm: true }, { onSuccess: done });
    remove.mutate(
      { id: node.id, confirm: false },
      {
        onSuccess: done,
        onError: (err) => {
          const server = serverDependants(err);
          if (!server) return;
          if (server.nodes === local.nodes && server.indicators === local.indicators && hasDependants) {
            remove.mutate({ id: node.id, confirm: true }, { onSuccess: done });
          } else {
            setConfirmed(server);
          }
        },
      },
    );
  };
  const changed = confirmed && (confirmed.nodes !== local.nodes || confirmed.indicators !== local.indicators);
  const otherError = remove.error && !serverDependants(remove.error) ? remove.error : null;
  return (
    <Modal opened onClose={close} title={t('delete.title', { level, code: node.code })} size="md">
      <Stack>
        <Text size="sm" dir="auto">
          {t('delete.body', { title: nodeTitle(node) })}
        </Text>
        {hasDependants && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="delete-dependants">
            {changed && <Text size="sm" fw={600} mb={4}>{t('delete.changed')}</Text>}
            {t('delete.dependants', {
              nodes: t('delete.nodes', { count: shown.nodes }),
              indicators: t('delete.indicators', { count: shown.indicators }),
            })}
          </Alert>
        )}
        {otherError && <ErrorAlert error={otherError} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" onClick={submit} loading={remove.isPending}>
            {hasDependants ? t('delete.submitAll') : t('delete.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Deletes an indicator. A programme indicator that project indicators roll up into is refused
 * (409 `has_dependants`) until the user confirms: their links are then removed with it.
 */
export function DeleteIndicatorModal({
  owner,
  indicator,
  onClose,
  onDeleted,
}: {
  owner: FrameworkOwner | null;
  indicator: Indicator | null;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation('results');
  const remove = useDeleteIndicator(owner);
  /** How many project indicators roll up into it, once the server has said so. */
  const [dependants, setDependants] = useState<number | null>(null);
  const close = () => {
    setDependants(null);
    remove.reset();
    onClose();
  };
  if (!indicator) return <Modal opened={false} onClose={close} />;
  const submit = () =>
    remove.mutate(
      { id: indicator.id, confirm: dependants !== null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('indicator.deleted', { code: indicator.code }) });
          close();
          onDeleted?.();
        },
        onError: (err) => {
          const d = dependantsDetail(err);
          if (d) setDependants(Number(d.params?.indicators ?? 0));
        },
      },
    );
  const otherError = remove.error && !dependantsDetail(remove.error) ? remove.error : null;
  return (
    <Modal opened onClose={close} title={t('indicator.deleteTitle', { code: indicator.code })} size="md">
      <Stack>
        <Text size="sm" dir="auto">
          {t('indicator.deleteBody', { name: indicatorName(indicator) })}
        </Text>
        {dependants !== null && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="delete-contributions">
            <Text size="sm" fw={600} mb={4}>
              {t('indicator.contributors', { count: dependants })}
            </Text>
            {t('indicator.deleteContributions')}
          </Alert>
        )}
        {otherError && <ErrorAlert error={otherError} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={submit}>
            {dependants !== null ? t('indicator.deleteAnyway') : t('indicator.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
