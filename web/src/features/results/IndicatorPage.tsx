import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Framework, Indicator } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { MapButton } from '../monitoring/map/MapButton.js';
import { ReportedValuesCard } from '../reporting/ReportedValuesCard.js';
import { ContributionsCard } from './ContributionsCard.js';
import { FrameworkBreadcrumbs, useOwnerSummary } from './FrameworkBreadcrumbs.js';
import { DeleteIndicatorModal } from './FrameworkDialogs.js';
import { IndicatorFormModal, type IndicatorFormTarget } from './IndicatorFormModal.js';
import { IndicatorHistory } from './IndicatorHistory.js';
import { indicatorName, LEVEL_COLORS, levelName, nodeTitle } from './labels.js';
import { frameworkPath, ownerOf } from './owner.js';
import { resultsQueries, useFramework, useIndicator, useIndicatorHistory } from './queries.js';
import { ReferenceSheet } from './ReferenceSheet.js';
import { TargetsCard } from './targets/TargetsCard.js';

/**
 * `/indicators/:id`: the indicator's reference sheet, its targets, the project indicators rolling up
 * into it (for a programme indicator) and the history of its definition and targets. The indicator
 * names its project or programme, whose framework names the result it measures.
 */
export default function IndicatorPage() {
  const { id = '' } = useParams();
  const indicator = useIndicator(id);
  if (indicator.isPending) return <PageLoader />;
  if (indicator.error) return <ErrorAlert error={indicator.error} />;
  return <IndicatorView key={id} indicator={indicator.data} />;
}

function IndicatorView({ indicator: i }: { indicator: Indicator }) {
  const { t } = useTranslation('results');
  const navigate = useNavigate();
  const owner = ownerOf(i);
  const framework = useFramework(owner);
  const summary = useOwnerSummary(owner);
  const history = useIndicatorHistory(i.id);
  const [editing, setEditing] = useState<IndicatorFormTarget | null>(null);
  const [deleting, setDeleting] = useState<Indicator | null>(null);
  const fw = framework.data;
  const node = fw?.nodes.find((n) => n.id === i.resultNodeId);
  // The targets section loads the places and categories; the history names target cells with them.
  const targets = useQuery({ ...resultsQueries.targets(i.id), enabled: false });
  const naming = {
    locations: targets.data?.locations ?? [],
    categories: targets.data?.categories ?? fw?.categories.filter((c) => i.categoryIds.includes(c.id)) ?? [],
  };

  return (
    <Stack>
      <FrameworkBreadcrumbs owner={owner} current={i.code} />
      <PageHeader
        title={
          <Group gap="sm" component="span" wrap="wrap">
            <Text span inherit ff="monospace" dir="ltr">
              {i.code}
            </Text>
            <Text span inherit dir="auto">
              {indicatorName(i)}
            </Text>
          </Group>
        }
        subtitle={summary.title}
        actions={
          <>
            <MapButton indicatorId={i.id} type={i.type} />
            {fw?.canEdit && (
              <>
                <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing({ mode: 'edit', indicator: i, node })}>
                  {t('sheet.edit')}
                </Button>
                <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(i)}>
                  {t('indicator.delete')}
                </Button>
              </>
            )}
          </>
        }
      />
      {node && fw && <ResultCard framework={fw} nodeId={node.id} />}
      <ReferenceSheet indicator={i} framework={fw} />
      <TargetsCard indicator={i} />
      {i.projectId && <ReportedValuesCard indicator={i} />}
      {i.programmeId && <ContributionsCard indicatorId={i.id} />}
      <Card withBorder padding="md" component="section" aria-labelledby="history-title">
        <Title order={3} id="history-title" mb="sm">
          {t('sheet.history')}
        </Title>
        {history.isPending ? (
          <PageLoader />
        ) : history.error ? (
          <ErrorAlert error={history.error} />
        ) : (
          <IndicatorHistory history={history.data} framework={fw} type={i.type} naming={naming} />
        )}
      </Card>
      {fw && <IndicatorFormModal framework={fw} target={editing} onClose={() => setEditing(null)} />}
      <DeleteIndicatorModal
        owner={owner}
        indicator={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => navigate(frameworkPath(owner), { replace: true })}
      />
    </Stack>
  );
}

/** The result the indicator measures, with its level. */
function ResultCard({ framework, nodeId }: { framework: Framework; nodeId: string }) {
  const { t } = useTranslation('results');
  const node = framework.nodes.find((n) => n.id === nodeId);
  if (!node) return null;
  return (
    <Card withBorder padding="sm">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('sheet.result')}:
        </Text>
        <Badge variant="light" color={LEVEL_COLORS[node.level]} tt="none">
          {levelName(framework.levels, node.level)}
        </Badge>
        <Text size="sm" ff="monospace" fw={600} dir="ltr">
          {node.code}
        </Text>
        <Text size="sm" dir="auto">
          {nodeTitle(node)}
        </Text>
      </Group>
    </Card>
  );
}
