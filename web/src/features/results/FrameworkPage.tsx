import { ActionIcon, Alert, Anchor, Badge, Box, Breadcrumbs, Button, Card, Group, Menu, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowsMove,
  IconChevronDown,
  IconChevronUp,
  IconDotsVertical,
  IconEye,
  IconInfoCircle,
  IconPencil,
  IconPlus,
  IconTags,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FRAMEWORK_TEMPLATES, type FrameworkTemplate, LEVEL_COUNT } from '@shared/domain/framework-templates.js';
import type { Framework, Indicator, ResultNode } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { useProject } from '../projects/queries.js';
import { DeleteIndicatorModal, DeleteNodeModal, MoveNodeModal, RenameLevelsModal, TemplateConfirmModal } from './FrameworkDialogs.js';
import { type IndicatorFormTarget, IndicatorFormModal } from './IndicatorFormModal.js';
import { DirectionArrow, formatValue, indicatorName, LEVEL_COLORS, levelName, nodeTitle, TypeBadge } from './labels.js';
import { useMoveIndicator, useMoveNode } from './mutations.js';
import { type NodeFormTarget, NodeFormModal } from './NodeFormModal.js';
import { useFramework } from './queries.js';

/** What the tree asks the page to open. */
interface TreeActions {
  addChild: (parent: ResultNode) => void;
  addIndicator: (node: ResultNode) => void;
  edit: (node: ResultNode) => void;
  reorder: (node: ResultNode, by: -1 | 1) => void;
  moveTo: (node: ResultNode) => void;
  remove: (node: ResultNode) => void;
  editIndicator: (indicator: Indicator, node: ResultNode) => void;
  reorderIndicator: (indicator: Indicator, by: -1 | 1) => void;
  removeIndicator: (indicator: Indicator) => void;
}

/** `/projects/:id/framework`: the project's logframe, from the top level down, with its indicators. */
export default function FrameworkPage() {
  const { t } = useTranslation(['results', 'projects']);
  const { id = '' } = useParams();
  const project = useProject(id);
  const framework = useFramework(id);

  if (framework.isPending || project.isPending) return <PageLoader />;
  if (project.error) return <ErrorAlert error={project.error} />;
  if (framework.error) return <ErrorAlert error={framework.error} />;
  const p = project.data;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/projects" size="sm">
          {t('projects:projects.title')}
        </Anchor>
        <Anchor component={Link} to={`/projects/${p.id}`} size="sm">
          {p.code}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('framework.title')}
        </Text>
      </Breadcrumbs>
      <FrameworkEditor framework={framework.data} projectTitle={p.title} />
    </Stack>
  );
}

function FrameworkEditor({ framework, projectTitle }: { framework: Framework; projectTitle: string }) {
  const { t } = useTranslation('results');
  const [nodeForm, setNodeForm] = useState<NodeFormTarget | null>(null);
  const [indicatorForm, setIndicatorForm] = useState<IndicatorFormTarget | null>(null);
  const [moving, setMoving] = useState<ResultNode | null>(null);
  const [deleting, setDeleting] = useState<ResultNode | null>(null);
  const [deletingIndicator, setDeletingIndicator] = useState<Indicator | null>(null);
  const [template, setTemplate] = useState<FrameworkTemplate | null>(null);
  const [renaming, setRenaming] = useState(false);
  const moveNode = useMoveNode(framework.projectId);
  const moveIndicator = useMoveIndicator(framework.projectId);
  const edit = framework.canEdit;

  const siblingsOf = (node: ResultNode) => framework.nodes.filter((n) => n.parentId === node.parentId);
  const actions: TreeActions = {
    addChild: (parent) => setNodeForm({ mode: 'create', parent, level: parent.level + 1 }),
    addIndicator: (node) => setIndicatorForm({ mode: 'create', node }),
    edit: (node) => setNodeForm({ mode: 'edit', node }),
    reorder: (node, by) => {
      const index = siblingsOf(node).findIndex((n) => n.id === node.id);
      moveNode.mutate(
        { id: node.id, body: { parentId: node.parentId, position: Math.max(0, index + by) } },
        { onError: (err) => notifications.show({ color: 'red', message: err.message }) },
      );
    },
    moveTo: setMoving,
    remove: setDeleting,
    editIndicator: (indicator, node) => setIndicatorForm({ mode: 'edit', indicator, node }),
    reorderIndicator: (indicator, by) => {
      const index = framework.indicators.filter((i) => i.resultNodeId === indicator.resultNodeId).findIndex((i) => i.id === indicator.id);
      moveIndicator.mutate(
        { id: indicator.id, body: { resultNodeId: indicator.resultNodeId, position: Math.max(0, index + by) } },
        { onError: (err) => notifications.show({ color: 'red', message: err.message }) },
      );
    },
    removeIndicator: setDeletingIndicator,
  };
  const topLevel = levelName(framework.levels, 0);
  const tops = framework.nodes.filter((n) => n.parentId === null);

  return (
    <>
      <PageHeader
        title={t('framework.title')}
        subtitle={projectTitle}
        actions={
          !edit ? (
            <Badge variant="outline" color="gray" tt="none" size="lg" fw={500} data-testid="template-badge">
              {t('framework.template')}: {t(`templates.${framework.template}`)}
            </Badge>
          ) : (
            <>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" c="dimmed" component="label" htmlFor="framework-template">
                  {t('framework.template')}
                </Text>
                <Select
                  id="framework-template"
                  data={FRAMEWORK_TEMPLATES.map((v) => ({ value: v, label: t(`templates.${v}`) }))}
                  value={framework.template}
                  onChange={(v) => v && v !== framework.template && setTemplate(v as FrameworkTemplate)}
                  allowDeselect={false}
                  w={160}
                  data-testid="template-select"
                />
              </Group>
              <Button variant="default" leftSection={<IconTags size={16} />} onClick={() => setRenaming(true)}>
                {t('framework.renameLevels')}
              </Button>
              {tops.length > 0 && (
                <Button leftSection={<IconPlus size={16} />} onClick={() => setNodeForm({ mode: 'create', parent: null, level: 0 })}>
                  {t('framework.addTop', { level: topLevel })}
                </Button>
              )}
            </>
          )
        }
      />
      <LevelLegend framework={framework} />
      {!edit && (
        <Alert color="gray" variant="light" icon={<IconEye size={18} />}>
          {t('framework.readOnly')}
        </Alert>
      )}
      {tops.length === 0 ? (
        <EmptyFramework framework={framework} onStart={() => setNodeForm({ mode: 'create', parent: null, level: 0 })} />
      ) : (
        <Stack gap="sm" data-testid="framework-tree">
          {tops.map((n, i) => (
            <NodeBranch key={n.id} framework={framework} node={n} index={i} count={tops.length} actions={actions} />
          ))}
        </Stack>
      )}

      <NodeFormModal framework={framework} target={nodeForm} onClose={() => setNodeForm(null)} />
      <IndicatorFormModal framework={framework} target={indicatorForm} onClose={() => setIndicatorForm(null)} />
      <MoveNodeModal key={moving?.id ?? 'none'} framework={framework} node={moving} onClose={() => setMoving(null)} />
      <DeleteNodeModal key={deleting?.id ?? 'none'} framework={framework} node={deleting} onClose={() => setDeleting(null)} />
      <DeleteIndicatorModal projectId={framework.projectId} indicator={deletingIndicator} onClose={() => setDeletingIndicator(null)} />
      <TemplateConfirmModal framework={framework} template={template} onClose={() => setTemplate(null)} />
      <RenameLevelsModal framework={framework} opened={renaming} onClose={() => setRenaming(false)} />
    </>
  );
}

/** The four levels in order, named as this framework names them. */
function LevelLegend({ framework }: { framework: Framework }) {
  const { t } = useTranslation('results');
  return (
    <Group gap={6} wrap="wrap" aria-label={t('framework.levelsLegend')} role="list">
      {Array.from({ length: LEVEL_COUNT }, (_, i) => (
        <Group key={i} gap={6} wrap="nowrap" role="listitem">
          {i > 0 && (
            <Text c="dimmed" size="sm" aria-hidden>
              ›
            </Text>
          )}
          <Badge variant="dot" color={LEVEL_COLORS[i]} tt="none" size="lg" fw={500}>
            {i + 1}. {levelName(framework.levels, i)}
          </Badge>
        </Group>
      ))}
    </Group>
  );
}

function EmptyFramework({ framework, onStart }: { framework: Framework; onStart: () => void }) {
  const { t } = useTranslation('results');
  const names = Array.from({ length: LEVEL_COUNT }, (_, i) => levelName(framework.levels, i));
  return (
    <Card withBorder p={{ base: 'md', sm: 'xl' }} data-testid="framework-empty">
      <Stack align="flex-start" gap="sm" maw={720}>
        <Group gap="xs" wrap="nowrap">
          <IconInfoCircle size={22} color="var(--mantine-color-blue-6)" />
          <Title order={3}>{t('empty.title')}</Title>
        </Group>
        <Text>{t('empty.body')}</Text>
        <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {names.map((name, i) => (
            <Group key={i} component="li" gap="xs" wrap="nowrap" align="flex-start" ps={i * 16}>
              <Badge variant="light" color={LEVEL_COLORS[i]} tt="none" styles={{ root: { flexShrink: 0 } }}>
                {i + 1}. {name}
              </Badge>
              <Text size="sm">{t(`empty.level${i}`)}</Text>
            </Group>
          ))}
        </Stack>
        {framework.canEdit ? (
          <>
            <Text c="dimmed" size="sm">
              {t('empty.start', { level: names[0] })}
            </Text>
            <Button leftSection={<IconPlus size={16} />} onClick={onStart}>
              {t('framework.addTop', { level: names[0] })}
            </Button>
          </>
        ) : (
          <Text c="dimmed" size="sm">
            {t('empty.readOnly')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function NodeBranch({ framework, node, index, count, actions }: { framework: Framework; node: ResultNode; index: number; count: number; actions: TreeActions }) {
  const { t } = useTranslation('results');
  const children = framework.nodes.filter((n) => n.parentId === node.id);
  const indicators = framework.indicators.filter((i) => i.resultNodeId === node.id).sort((a, b) => a.position - b.position);
  const level = levelName(framework.levels, node.level);
  const childLevel = node.level + 1 < LEVEL_COUNT ? levelName(framework.levels, node.level + 1) : null;
  const parentLevel = node.level > 0 ? levelName(framework.levels, node.level - 1) : null;
  const color = LEVEL_COLORS[node.level] ?? 'gray';
  const title = nodeTitle(node);

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
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Group gap="xs" wrap="wrap">
              <Badge variant="light" color={color} tt="none" styles={{ root: { flexShrink: 0 } }}>
                {level}
              </Badge>
              <Text ff="monospace" fw={700} size="sm" dir="ltr">
                {node.code}
              </Text>
            </Group>
            <Text fw={500} dir="auto" style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Text>
            {node.description && (
              <Text size="sm" c="dimmed" dir="auto" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
                {node.description}
              </Text>
            )}
          </Stack>
          {framework.canEdit && (
            <Group gap={4} wrap="nowrap">
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPlus size={14} />}
                onClick={() => actions.addIndicator(node)}
                visibleFrom="sm"
              >
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
          )}
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

/** One indicator in a compact row: on a laptop its figures line up in columns; on a phone they wrap below the name. */
function IndicatorRow({
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
          to={`/indicators/${i.id}?project=${framework.projectId}`}
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
          {framework.canEdit && (
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
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => actions.removeIndicator(i)}>
                {t('indicator.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          )}
        </Group>
      </Group>
    </Group>
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
