import { ActionIcon, Anchor, Box, Group, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowsMove, IconBooks, IconChevronDown, IconChevronUp, IconDotsVertical, IconHierarchy3, IconPencil, IconStack2, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Framework, Indicator, ResultNode } from '@shared/schemas/index.js';
import { categoryName, DirectionArrow, formatValue, indicatorName, TypeBadge } from './labels.js';
import type { TreeActions } from './tree-actions.js';

/** One indicator in a compact row: on a laptop its figures line up in columns; on a phone they wrap below the name. */
export function IndicatorRow({
  framework,
  indicator: i,
  node,
  index,
  count,
  actions,
}: {
  framework: Framework;
  indicator: Indicator;
  node: ResultNode;
  index: number;
  count: number;
  actions: TreeActions;
}) {
  const { t } = useTranslation('results');
  const yesNo = { yes: t('sheet.yes'), no: t('sheet.no') };
  return (
    <Group
      gap="xs"
      py={6}
      wrap="wrap"
      align="center"
      data-testid="indicator-row"
      data-code={i.code}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group gap="xs" wrap="nowrap" style={{ flex: '1 1 260px', minWidth: 0 }}>
        <Anchor
          component={Link}
          to={`/indicators/${i.id}`}
          ff="monospace"
          fw={600}
          size="sm"
          dir="ltr"
          style={{ flexShrink: 0 }}
          aria-label={t('indicator.open', { code: i.code })}
        >
          {i.code}
        </Anchor>
        <Text size="sm" dir="auto" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {indicatorName(i)}
        </Text>
        <LinkIcons framework={framework} indicator={i} />
      </Group>
      <Group gap="sm" wrap="wrap" align="center">
        <Box w={{ base: 'auto', sm: 118 }}>
          <TypeBadge type={i.type} />
        </Box>
        <Text size="xs" c="dimmed" w={{ base: 'auto', sm: 80 }} maw={160} truncate title={i.unit}>
          {i.unit || '—'}
        </Text>
        <Metric label={t('indicator.baseline')} value={formatValue(i.baselineValue, i.type, yesNo)} />
        <Metric label={t('indicator.lopTarget')} value={formatValue(i.lopTarget, i.type, yesNo)} strong />
        <Group gap={4} wrap="nowrap">
          <DirectionArrow direction={i.direction} />
          {framework.canEdit && <IndicatorMenu indicator={i} node={node} index={index} count={count} actions={actions} />}
        </Group>
      </Group>
    </Group>
  );
}

/** Small marks for what ties the indicator to others: its categories, its library entry, its programme indicator. */
function LinkIcons({ framework, indicator: i }: { framework: Framework; indicator: Indicator }) {
  const { t } = useTranslation('results');
  const categories = i.categoryIds.map((id) => framework.categories.find((c) => c.id === id)).filter((c) => !!c);
  const target = i.contributesToId ? framework.programmeIndicators.find((p) => p.id === i.contributesToId) : undefined;
  const marks = [
    categories.length > 0 && { key: 'categories', icon: IconStack2, label: t('indicator.disaggregatedBy', { categories: categories.map(categoryName).join(' × ') }) },
    i.libraryIndicatorId && { key: 'library', icon: IconBooks, label: t('indicator.fromLibrary') },
    i.contributesToId && { key: 'rollup', icon: IconHierarchy3, label: t('indicator.contributesTo', { code: target?.code ?? '…' }) },
  ].filter((m) => !!m);
  if (marks.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
      {marks.map(({ key, icon: Icon, label }) => (
        <Tooltip key={key} label={label} withArrow multiline maw={320}>
          <Icon size={15} color="var(--mantine-color-dimmed)" aria-label={label} role="img" data-testid={`indicator-mark-${key}`} tabIndex={0} />
        </Tooltip>
      ))}
    </Group>
  );
}

function IndicatorMenu({ indicator: i, node, index, count, actions }: { indicator: Indicator; node: ResultNode; index: number; count: number; actions: TreeActions }) {
  const { t } = useTranslation('results');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('indicator.actions', { code: i.code })} data-testid="indicator-menu">
          <IconDotsVertical size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => actions.editIndicator(i, node)}>
          {t('indicator.edit')}
        </Menu.Item>
        <Menu.Item leftSection={<IconChevronUp size={16} />} disabled={index === 0} onClick={() => actions.reorderIndicator(i, -1)}>
          {t('indicator.moveUp')}
        </Menu.Item>
        <Menu.Item leftSection={<IconChevronDown size={16} />} disabled={index === count - 1} onClick={() => actions.reorderIndicator(i, 1)}>
          {t('indicator.moveDown')}
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowsMove size={16} />} onClick={() => actions.moveIndicator(i)}>
          {t('indicator.moveTo')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => actions.removeIndicator(i)}>
          {t('indicator.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function Metric({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Stack gap={0} w={{ base: 'auto', sm: 96 }}>
      <Text size="10px" c="dimmed" tt="uppercase" lh={1.2}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 600 : 400}>
        {value}
      </Text>
    </Stack>
  );
}
