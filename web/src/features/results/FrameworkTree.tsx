import { ActionIcon, Badge, Box, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconArrowsMove, IconChevronDown, IconChevronUp, IconDotsVertical, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LEVEL_COUNT } from '@shared/domain/framework-templates.js';
import type { Framework, ResultNode } from '@shared/schemas/index.js';
import { AddFromLibraryItem } from '../library/AddFromLibraryItem.js';
import { IndicatorRow } from './IndicatorRow.js';
import { LEVEL_COLORS, levelName, nodeTitle } from './labels.js';
import type { TreeActions } from './tree-actions.js';

/** The result tree from the top level down, each node with its indicators. */
export function FrameworkTree({ framework, actions }: { framework: Framework; actions: TreeActions }) {
  const tops = framework.nodes.filter((n) => n.parentId === null);
  return (
    <Stack gap="sm" data-testid="framework-tree">
      {tops.map((n, i) => (
        <NodeBranch key={n.id} framework={framework} node={n} index={i} count={tops.length} actions={actions} />
      ))}
    </Stack>
  );
}

function NodeBranch({ framework, node, index, count, actions }: { framework: Framework; node: ResultNode; index: number; count: number; actions: TreeActions }) {
  const children = framework.nodes.filter((n) => n.parentId === node.id);
  const indicators = framework.indicators.filter((i) => i.resultNodeId === node.id).sort((a, b) => a.position - b.position);
  const color = LEVEL_COLORS[node.level] ?? 'gray';

  return (
    <Box>
      <Paper
        withBorder
        p="sm"
        radius="md"
        data-testid="result-node"
        data-code={node.code}
        style={{ borderInlineStart: `4px solid var(--mantine-color-${color}-5)` }}
      >
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <NodeHeading framework={framework} node={node} />
          {framework.canEdit && <NodeMenu framework={framework} node={node} index={index} count={count} actions={actions} />}
        </Group>
        {indicators.length > 0 && (
          <Stack gap={0} mt="xs" data-testid="indicator-list">
            {indicators.map((i, k) => (
              <IndicatorRow key={i.id} framework={framework} indicator={i} node={node} index={k} count={indicators.length} actions={actions} />
            ))}
          </Stack>
        )}
      </Paper>
      {children.length > 0 && (
        <Stack
          gap="sm"
          mt="sm"
          ms={{ base: 6, sm: 'md' }}
          ps={{ base: 'xs', sm: 'lg' }}
          style={{ borderInlineStart: '2px solid var(--mantine-color-gray-3)' }}
        >
          {children.map((c, i) => (
            <NodeBranch key={c.id} framework={framework} node={c} index={i} count={children.length} actions={actions} />
          ))}
        </Stack>
      )}
    </Box>
  );
}

function NodeHeading({ framework, node }: { framework: Framework; node: ResultNode }) {
  const color = LEVEL_COLORS[node.level] ?? 'gray';
  return (
    <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color={color} tt="none" styles={{ root: { flexShrink: 0 } }}>
          {levelName(framework.levels, node.level)}
        </Badge>
        <Text ff="monospace" fw={700} size="sm" dir="ltr">
          {node.code}
        </Text>
      </Group>
      <Text fw={500} dir="auto" style={{ overflowWrap: 'anywhere' }}>
        {nodeTitle(node)}
      </Text>
      {node.description && (
        <Text size="sm" c="dimmed" dir="auto" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
          {node.description}
        </Text>
      )}
    </Stack>
  );
}

function NodeMenu({ framework, node, index, count, actions }: { framework: Framework; node: ResultNode; index: number; count: number; actions: TreeActions }) {
  const { t } = useTranslation('results');
  const childLevel = node.level + 1 < LEVEL_COUNT ? levelName(framework.levels, node.level + 1) : null;
  const parentLevel = node.level > 0 ? levelName(framework.levels, node.level - 1) : null;
  return (
    <Group gap={4} wrap="nowrap">
      <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => actions.addIndicator(node)} visibleFrom="sm">
        {t('node.addIndicator')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={t('node.actions', { code: node.code })} data-testid="node-menu">
            <IconDotsVertical size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {childLevel && (
            <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => actions.addChild(node)}>
              {t('node.addChild', { level: childLevel })}
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => actions.addIndicator(node)}>
            {t('node.addIndicator')}
          </Menu.Item>
          <AddFromLibraryItem onClick={() => actions.addFromLibrary(node)} />
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => actions.edit(node)}>
            {t('node.edit')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconChevronUp size={16} />} disabled={index === 0} onClick={() => actions.reorder(node, -1)}>
            {t('node.moveUp')}
          </Menu.Item>
          <Menu.Item leftSection={<IconChevronDown size={16} />} disabled={index === count - 1} onClick={() => actions.reorder(node, 1)}>
            {t('node.moveDown')}
          </Menu.Item>
          {parentLevel && (
            <Menu.Item leftSection={<IconArrowsMove size={16} />} onClick={() => actions.moveTo(node)}>
              {t('node.moveTo', { level: parentLevel })}
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => actions.remove(node)}>
            {t('node.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
