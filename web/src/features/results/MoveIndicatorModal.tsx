import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Framework, Indicator } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { indicatorName, levelName, nodeTitle } from './labels.js';
import { useMoveIndicator } from './mutations.js';
import { ownerOf } from './owner.js';

/**
 * Moves an indicator under any result of the framework, at a chosen place among that result's
 * indicators. Two selects rather than drag and drop, so it works from the keyboard and on a phone.
 */
export function MoveIndicatorModal({ framework, indicator, onClose }: { framework: Framework; indicator: Indicator | null; onClose: () => void }) {
  const { t } = useTranslation('results');
  return (
    <Modal opened={!!indicator} onClose={onClose} title={indicator ? t('moveIndicator.title', { code: indicator.code }) : ''} size="lg">
      {indicator && <MoveIndicatorForm key={indicator.id} framework={framework} indicator={indicator} onDone={onClose} />}
    </Modal>
  );
}

function MoveIndicatorForm({ framework, indicator, onDone }: { framework: Framework; indicator: Indicator; onDone: () => void }) {
  const { t } = useTranslation('results');
  const move = useMoveIndicator(ownerOf(framework));
  const [nodeId, setNodeId] = useState<string>(indicator.resultNodeId);
  const siblings = framework.indicators
    .filter((i) => i.resultNodeId === nodeId && i.id !== indicator.id)
    .sort((a, b) => a.position - b.position);
  const [position, setPosition] = useState<string>(() => String(nodeId === indicator.resultNodeId ? indicator.position : siblings.length));

  // Results in tree order, named with their level; the list indents them as in the tree.
  const nodes = framework.nodes.map((n) => ({ value: n.id, label: `${levelName(framework.levels, n.level)} ${n.code} — ${nodeTitle(n)}` }));
  const levelOf = new Map(framework.nodes.map((n) => [n.id, n.level]));
  const positions = [
    ...siblings.map((s, k) => ({ value: String(k), label: t('moveIndicator.before', { code: s.code, name: indicatorName(s) }) })),
    { value: String(siblings.length), label: siblings.length ? t('moveIndicator.last') : t('moveIndicator.only') },
  ];
  const unchanged = nodeId === indicator.resultNodeId && Number(position) === indicator.position;

  const submit = () =>
    move.mutate(
      { id: indicator.id, body: { resultNodeId: nodeId, position: Number(position) } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('moveIndicator.done', { code: indicator.code }) });
          onDone();
        },
      },
    );

  return (
    <Stack>
      <Text size="sm" c="dimmed" dir="auto">
        {t('moveIndicator.help', { name: indicatorName(indicator) })}
      </Text>
      {move.error && <ErrorAlert error={move.error} />}
      <Select
        label={t('moveIndicator.result')}
        data={nodes}
        value={nodeId}
        onChange={(v) => {
          if (!v) return;
          setNodeId(v);
          // Last among the new result's indicators, unless the user picks a place.
          setPosition(String(framework.indicators.filter((i) => i.resultNodeId === v && i.id !== indicator.id).length));
        }}
        renderOption={({ option }) => (
          <Text size="sm" ps={(levelOf.get(option.value) ?? 0) * 12} dir="auto">
            {option.label}
          </Text>
        )}
        searchable
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        data-testid="field-move-result"
      />
      <Select
        label={t('moveIndicator.position')}
        data={positions}
        value={position}
        onChange={(v) => v !== null && setPosition(v)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        data-testid="field-move-position"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common:actions.cancel')}
        </Button>
        <Button onClick={submit} disabled={unchanged} loading={move.isPending}>
          {t('moveIndicator.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
