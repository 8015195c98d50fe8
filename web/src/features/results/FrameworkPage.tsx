import { Alert, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { FrameworkTemplate } from '@shared/domain/framework-templates.js';
import type { Framework, Indicator, ResultNode } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ExcelMenu } from '../framework-excel/ExcelMenu.js';
import { AdoptFromLibraryModal } from '../library/AdoptFromLibraryModal.js';
import { FrameworkBreadcrumbs, useOwnerSummary } from './FrameworkBreadcrumbs.js';
import { DeleteIndicatorModal, DeleteNodeModal, MoveNodeModal, RenameLevelsModal, TemplateConfirmModal } from './FrameworkDialogs.js';
import { FrameworkHeader } from './FrameworkHeader.js';
import { EmptyFramework, LevelLegend } from './FrameworkIntro.js';
import { FrameworkTree } from './FrameworkTree.js';
import { type IndicatorFormTarget, IndicatorFormModal } from './IndicatorFormModal.js';
import { MoveIndicatorModal } from './MoveIndicatorModal.js';
import { useMoveIndicator, useMoveNode } from './mutations.js';
import { type NodeFormTarget, NodeFormModal } from './NodeFormModal.js';
import { type FrameworkOwner, ownerOf } from './owner.js';
import { useFramework } from './queries.js';
import type { TreeActions } from './tree-actions.js';

/**
 * `/projects/:id/framework` and `/programmes/:id/framework`: the logframe of a project or of a
 * programme, from the top level down, with its indicators. The same editor serves both.
 */
export default function FrameworkPage({ kind }: { kind: FrameworkOwner['kind'] }) {
  const { id = '' } = useParams();
  const owner = useMemo<FrameworkOwner>(() => ({ kind, id }), [kind, id]);
  const framework = useFramework(owner);
  const summary = useOwnerSummary(owner);

  if (framework.isPending) return <PageLoader />;
  if (framework.error) return <ErrorAlert error={framework.error} />;
  return (
    <Stack>
      <FrameworkBreadcrumbs owner={owner} />
      <FrameworkEditor key={framework.data.id} framework={framework.data} subtitle={summary.title} />
    </Stack>
  );
}

/** The dialogs the editor can have open, one at a time. */
type Dialog =
  | { kind: 'node'; target: NodeFormTarget }
  | { kind: 'indicator'; target: IndicatorFormTarget }
  | { kind: 'moveNode'; node: ResultNode }
  | { kind: 'deleteNode'; node: ResultNode }
  | { kind: 'moveIndicator'; indicator: Indicator }
  | { kind: 'deleteIndicator'; indicator: Indicator }
  | { kind: 'template'; template: FrameworkTemplate }
  | { kind: 'rename' }
  | { kind: 'adopt'; node: ResultNode };

function FrameworkEditor({ framework, subtitle }: { framework: Framework; subtitle?: string }) {
  const { t } = useTranslation('results');
  const owner = ownerOf(framework);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const actions = useTreeActions(framework, setDialog);
  const addTop = () => setDialog({ kind: 'node', target: { mode: 'create', parent: null, level: 0 } });
  const of = <K extends Dialog['kind']>(kind: K) => (dialog?.kind === kind ? (dialog as Extract<Dialog, { kind: K }>) : null);

  return (
    <>
      <FrameworkHeader
        framework={framework}
        subtitle={subtitle}
        onTemplate={(template) => setDialog({ kind: 'template', template })}
        onRename={() => setDialog({ kind: 'rename' })}
        onAddTop={addTop}
        extra={<ExcelMenu framework={framework} />}
      />
      <LevelLegend framework={framework} />
      {!framework.canEdit && (
        <Alert color="gray" variant="light" icon={<IconEye size={18} />}>
          {framework.programmeId ? t('framework.programmeReadOnly') : t('framework.readOnly')}
        </Alert>
      )}
      {framework.nodes.length === 0 ? <EmptyFramework framework={framework} onStart={addTop} /> : <FrameworkTree framework={framework} actions={actions} />}

      <NodeFormModal framework={framework} target={of('node')?.target ?? null} onClose={close} />
      <IndicatorFormModal framework={framework} target={of('indicator')?.target ?? null} onClose={close} />
      <MoveNodeModal key={`move-${of('moveNode')?.node.id ?? ''}`} framework={framework} node={of('moveNode')?.node ?? null} onClose={close} />
      <DeleteNodeModal key={`delete-${of('deleteNode')?.node.id ?? ''}`} framework={framework} node={of('deleteNode')?.node ?? null} onClose={close} />
      <MoveIndicatorModal framework={framework} indicator={of('moveIndicator')?.indicator ?? null} onClose={close} />
      <DeleteIndicatorModal owner={owner} indicator={of('deleteIndicator')?.indicator ?? null} onClose={close} />
      <TemplateConfirmModal framework={framework} template={of('template')?.template ?? null} onClose={close} />
      <RenameLevelsModal framework={framework} opened={dialog?.kind === 'rename'} onClose={close} />
      <AdoptFromLibraryModal framework={framework} node={of('adopt')?.node ?? null} onClose={close} />
    </>
  );
}

/** The tree's menu items: most open a dialog; moving up and down saves at once. */
function useTreeActions(framework: Framework, open: (dialog: Dialog) => void): TreeActions {
  const owner = ownerOf(framework);
  const moveNode = useMoveNode(owner);
  const moveIndicator = useMoveIndicator(owner);
  const onError = (err: Error) => notifications.show({ color: 'red', message: err.message });
  return {
    addChild: (parent) => open({ kind: 'node', target: { mode: 'create', parent, level: parent.level + 1 } }),
    addIndicator: (node) => open({ kind: 'indicator', target: { mode: 'create', node } }),
    addFromLibrary: (node) => open({ kind: 'adopt', node }),
    edit: (node) => open({ kind: 'node', target: { mode: 'edit', node } }),
    reorder: (node, by) => {
      const index = framework.nodes.filter((n) => n.parentId === node.parentId).findIndex((n) => n.id === node.id);
      moveNode.mutate({ id: node.id, body: { parentId: node.parentId, position: Math.max(0, index + by) } }, { onError });
    },
    moveTo: (node) => open({ kind: 'moveNode', node }),
    remove: (node) => open({ kind: 'deleteNode', node }),
    editIndicator: (indicator, node) => open({ kind: 'indicator', target: { mode: 'edit', indicator, node } }),
    reorderIndicator: (indicator, by) => {
      const siblings = framework.indicators.filter((i) => i.resultNodeId === indicator.resultNodeId).sort((a, b) => a.position - b.position);
      const index = siblings.findIndex((i) => i.id === indicator.id);
      moveIndicator.mutate({ id: indicator.id, body: { resultNodeId: indicator.resultNodeId, position: Math.max(0, index + by) } }, { onError });
    },
    moveIndicator: (indicator) => open({ kind: 'moveIndicator', indicator }),
    removeIndicator: (indicator) => open({ kind: 'deleteIndicator', indicator }),
  };
}
