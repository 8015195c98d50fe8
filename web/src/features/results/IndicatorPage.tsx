import { Anchor, Badge, Breadcrumbs, Button, Card, Collapse, Group, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronLeft, IconChevronRight, IconPencil, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Framework, Indicator } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { Fact, Facts } from '../projects/Facts.js';
import { projectQueries } from '../projects/queries.js';
import { DeleteIndicatorModal } from './FrameworkDialogs.js';
import { type IndicatorFormTarget, IndicatorFormModal } from './IndicatorFormModal.js';
import { DirectionArrow, formatValue, indicatorName, LEVEL_COLORS, levelName, localised, nodeTitle, TypeBadge } from './labels.js';
import { type IndicatorHistory, useFramework, useIndicator, useIndicatorHistory } from './queries.js';
import { TRANSLATION_LOCALES } from './TranslationsInput.js';

/**
 * `/indicators/:id`: the indicator's reference sheet, read-only, and the history of its definition.
 * The framework links here with `?project=`, which names the project and the result it measures
 * (the indicator itself only knows its result's id).
 */
export default function IndicatorPage() {
  const { t } = useTranslation(['results', 'projects']);
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const projectId = params.get('project') ?? '';
  const indicator = useIndicator(id);
  const history = useIndicatorHistory(id);
  const framework = useFramework(projectId);
  const project = useQuery({ ...projectQueries.detail(projectId), enabled: !!projectId });
  const [editing, setEditing] = useState<IndicatorFormTarget | null>(null);
  const [deleting, setDeleting] = useState<Indicator | null>(null);

  if (indicator.isPending) return <PageLoader />;
  if (indicator.error) return <ErrorAlert error={indicator.error} />;
  const i = indicator.data;
  const fw = framework.data;
  const node = fw?.nodes.find((n) => n.id === i.resultNodeId);
  const frameworkUrl = projectId ? `/projects/${projectId}/framework` : null;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/projects" size="sm">
          {t('projects:projects.title')}
        </Anchor>
        {project.data && (
          <Anchor component={Link} to={`/projects/${project.data.id}`} size="sm">
            {project.data.code}
          </Anchor>
        )}
        {frameworkUrl && (
          <Anchor component={Link} to={frameworkUrl} size="sm">
            {t('framework.title')}
          </Anchor>
        )}
        <Text size="sm" c="dimmed">
          {i.code}
        </Text>
      </Breadcrumbs>
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
        subtitle={project.data ? project.data.title : undefined}
        actions={
          fw?.canEdit && (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing({ mode: 'edit', indicator: i, node })}>
                {t('sheet.edit')}
              </Button>
              <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(i)}>
                {t('indicator.delete')}
              </Button>
            </>
          )
        }
      />
      {node && fw && (
        <Card withBorder padding="sm">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" c="dimmed">
              {t('sheet.result')}:
            </Text>
            <Badge variant="light" color={LEVEL_COLORS[node.level]} tt="none">
              {levelName(fw.levels, node.level)}
            </Badge>
            <Text size="sm" ff="monospace" fw={600} dir="ltr">
              {node.code}
            </Text>
            <Text size="sm" dir="auto">
              {nodeTitle(node)}
            </Text>
          </Group>
        </Card>
      )}
      <ReferenceSheet indicator={i} />
      <Card withBorder padding="md" component="section" aria-labelledby="history-title">
        <Title order={3} id="history-title" mb="sm">
          {t('sheet.history')}
        </Title>
        {history.isPending ? <PageLoader /> : history.error ? <ErrorAlert error={history.error} /> : <History history={history.data} framework={fw} type={i.type} />}
      </Card>
      <IndicatorFormModal framework={fw} projectId={projectId || undefined} target={editing} onClose={() => setEditing(null)} />
      {fw && (
        <DeleteIndicatorModal
          projectId={fw.projectId}
          indicator={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => navigate(frameworkUrl ?? '/projects', { replace: true })}
        />
      )}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

const Empty = () => (
  <Text span size="sm" c="dimmed">
    —
  </Text>
);

/** A text field of the sheet; multi-line texts keep their line breaks. */
function Long({ text }: { text: string }) {
  return text ? (
    <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  ) : (
    <Empty />
  );
}

/** The other languages a text exists in, besides the one shown. */
function OtherLanguages({ original, translations }: { original: string; translations: Record<string, string> }) {
  const { t } = useTranslation('results');
  const locale = currentLocale();
  const shown = localised(original, translations);
  const others = [
    ...(shown !== original ? [{ key: 'original', label: '', text: original }] : []),
    ...TRANSLATION_LOCALES.filter((l) => l !== locale && translations[l]?.trim()).map((l) => ({ key: l, label: t(`languages.${l}`), text: translations[l]! })),
  ];
  if (others.length === 0) return null;
  return (
    <Stack gap={2} mt={4}>
      {others.map((o) => (
        <Text key={o.key} size="xs" c="dimmed" dir="auto" lang={o.key === 'original' ? undefined : o.key}>
          {o.label && <strong>{o.label}: </strong>}
          {o.text}
        </Text>
      ))}
    </Stack>
  );
}

function ReferenceSheet({ indicator: i }: { indicator: Indicator }) {
  const { t } = useTranslation('results');
  const yesNo = { yes: t('sheet.yes'), no: t('sheet.no') };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="reference-sheet">
      <Section title={t('indicatorForm.sections.identity')}>
        <Facts>
          <Fact label={t('fields.code')}>
            <Text span size="sm" ff="monospace" dir="ltr">
              {i.code}
            </Text>
          </Fact>
          <Fact label={t('fields.name')}>
            <Long text={indicatorName(i)} />
            <OtherLanguages original={i.name} translations={i.names} />
          </Fact>
          <Fact label={t('fields.definition')}>
            <Long text={localised(i.definition, i.definitions)} />
            {i.definition && <OtherLanguages original={i.definition} translations={i.definitions} />}
          </Fact>
          <Fact label={t('fields.unit')}>{i.unit || <Empty />}</Fact>
        </Facts>
      </Section>
      <Section title={t('indicatorForm.sections.measurement')}>
        <Facts>
          <Fact label={t('fields.type')}>
            <Stack gap={4}>
              <TypeBadge type={i.type} />
              <Text size="xs" c="dimmed">
                {t(`typeHelp.${i.type}`)}
              </Text>
            </Stack>
          </Fact>
          <Fact label={t('fields.direction')}>
            <Group gap={6} wrap="nowrap">
              <DirectionArrow direction={i.direction} />
              <Text span size="sm">
                {t(`directions.${i.direction}`)}
              </Text>
            </Group>
          </Fact>
          <Fact label={t('fields.timeAggregation')}>
            <Text size="sm">{t(`timeAggregations.${i.timeAggregation}`)}</Text>
            <Text size="xs" c="dimmed">
              {t(`timeHelp.${i.timeAggregation}`)}
            </Text>
          </Fact>
          <Fact label={t('fields.locationAggregation')}>
            <Text size="sm">{t(`locationAggregations.${i.locationAggregation}`)}</Text>
            <Text size="xs" c="dimmed">
              {t(`locationHelp.${i.locationAggregation}`)}
            </Text>
          </Fact>
          <Fact label={t('fields.cumulative')}>{i.cumulative ? t('sheet.yes') : t('sheet.no')}</Fact>
        </Facts>
      </Section>
      <Section title={`${t('indicatorForm.sections.baseline')} · ${t('indicatorForm.sections.target')}`}>
        <Facts>
          <Fact label={t('fields.baselineValue')}>
            <Text span size="sm" data-testid="sheet-baseline">
              {formatValue(i.baselineValue, i.type, yesNo)}
            </Text>
          </Fact>
          <Fact label={t('fields.baselineDate')}>{formatDate(i.baselineDate, 'long')}</Fact>
          <Fact label={t('fields.lopTarget')}>
            <Text span size="sm" fw={600} data-testid="sheet-lop-target">
              {formatValue(i.lopTarget, i.type, yesNo)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('indicatorForm.lopTargetHelp')}
            </Text>
          </Fact>
        </Facts>
      </Section>
      <Section title={t('indicatorForm.sections.data')}>
        <Facts>
          <Fact label={t('fields.meansOfVerification')}>
            <Long text={i.meansOfVerification} />
          </Fact>
          <Fact label={t('fields.dataSource')}>
            <Long text={i.dataSource} />
          </Fact>
          <Fact label={t('fields.collectionMethod')}>
            <Long text={i.collectionMethod} />
          </Fact>
          <Fact label={t('fields.frequency')}>{t(`frequencies.${i.frequency}`)}</Fact>
          <Fact label={t('fields.responsible')}>
            <Long text={i.responsible} />
          </Fact>
        </Facts>
      </Section>
    </SimpleGrid>
  );
}

const ENUM_FIELDS: Record<string, string> = {
  type: 'types',
  direction: 'directions',
  timeAggregation: 'timeAggregations',
  locationAggregation: 'locationAggregations',
  frequency: 'frequencies',
};

/** A value from the history in words: enums translated, booleans as yes/no, translations per language. */
function useHistoryValue(framework: Framework | undefined, type: Indicator['type']) {
  const { t } = useTranslation('results');
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('history.empty');
    // Figures in the indicator's current type: a percentage target reads "80 %", as on the sheet.
    if (typeof value === 'number' && (field === 'baselineValue' || field === 'lopTarget')) return formatValue(value, type);
    if (typeof value === 'boolean') return value ? t('sheet.yes') : t('sheet.no');
    if (typeof value === 'string' && ENUM_FIELDS[field]) return t(`${ENUM_FIELDS[field]}.${value}`, { defaultValue: value });
    if (typeof value === 'string' && field === 'resultNodeId') return framework?.nodes.find((n) => n.id === value)?.code ?? value;
    if (typeof value === 'string' && field === 'baselineDate') return formatDate(value, 'long');
    if (typeof value === 'number') return formatNumber(value, { maximumFractionDigits: 4 });
    if (typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== '' && v != null);
      if (entries.length === 0) return t('history.empty');
      return entries.map(([k, v]) => `${t(`languages.${k}`, { defaultValue: k })}: ${String(v)}`).join(' · ');
    }
    return String(value);
  };
}

function History({ history, framework, type }: { history: IndicatorHistory; framework: Framework | undefined; type: Indicator['type'] }) {
  const { t } = useTranslation('results');
  if (history.items.length === 0) return <Text size="sm" c="dimmed">{t('sheet.noHistory')}</Text>;
  return (
    <Stack gap="md" data-testid="indicator-history">
      {history.items.map((entry, k) => (
        <HistoryEntry key={`${entry.at}-${k}`} entry={entry} framework={framework} type={type} />
      ))}
    </Stack>
  );
}

const ACTION_COLORS: Record<string, string> = { 'indicator.create': 'teal', 'indicator.update': 'blue', 'indicator.move': 'grape', 'indicator.delete': 'red' };

function HistoryEntry({ entry, framework, type }: { entry: IndicatorHistory['items'][number]; framework: Framework | undefined; type: Indicator['type'] }) {
  const { t } = useTranslation('results');
  const show = useHistoryValue(framework, type);
  const created = entry.action === 'indicator.create';
  // A creation lists every field with nothing before it: folded away, it would drown the real changes.
  const [open, { toggle }] = useDisclosure(!created);
  const changes = entry.changes.filter((c) => c.field !== 'position' || entry.action === 'indicator.move');
  return (
    <Card withBorder padding="sm" radius="md" data-testid="history-entry">
      <Group gap="xs" wrap="wrap" mb={entry.reason || entry.note ? 4 : 0}>
        <Badge color={ACTION_COLORS[entry.action] ?? 'gray'} variant="light" tt="none">
          {t(`history.actions.${entry.action}`, { defaultValue: entry.action })}
        </Badge>
        <Text size="sm" fw={500}>
          {entry.actorName ?? t('history.unknownActor')}
        </Text>
        <Text size="sm" c="dimmed">
          {formatDateTime(entry.at)}
        </Text>
      </Group>
      {(entry.reason || entry.note) && (
        <Group gap="xs" wrap="wrap" align="baseline" mb={4}>
          {entry.reason && (
            <Badge variant="outline" color="yellow" tt="none" data-testid="history-reason">
              {t(`reasons.${entry.reason}`)}
            </Badge>
          )}
          {entry.note && (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }} data-testid="history-note">
              {entry.note}
            </Text>
          )}
        </Group>
      )}
      {changes.length > 0 && (
        <>
          {created && (
            <UnstyledButton onClick={toggle} aria-expanded={open} mt={4}>
              <Group gap={4}>
                {open ? <IconChevronDown size={14} /> : document.documentElement.dir === 'rtl' ? <IconChevronLeft size={14} /> : <IconChevronRight size={14} />}
                <Text size="sm" c="blue">
                  {t('history.createdFields')}
                </Text>
              </Group>
            </UnstyledButton>
          )}
          <Collapse expanded={open}>
            <Table.ScrollContainer minWidth={420} mt="xs">
              <Table layout="fixed" withTableBorder fz="sm" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="28%">{t('history.field')}</Table.Th>
                    {!created && <Table.Th>{t('history.before')}</Table.Th>}
                    <Table.Th>{created ? '' : t('history.after')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {changes.map((c) => (
                    <Table.Tr key={c.field} data-field={c.field}>
                      <Table.Td fw={500}>{t(`fields.${c.field}`, { defaultValue: c.field })}</Table.Td>
                      {!created && (
                        <Table.Td c="dimmed" style={{ overflowWrap: 'anywhere' }} dir="auto">
                          {show(c.field, c.before)}
                        </Table.Td>
                      )}
                      <Table.Td style={{ overflowWrap: 'anywhere' }} dir="auto">
                        {show(c.field, c.after)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Collapse>
        </>
      )}
    </Card>
  );
}
