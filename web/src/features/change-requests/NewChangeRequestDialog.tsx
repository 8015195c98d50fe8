import { ActionIcon, Alert, Anchor, Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { combinations } from '@shared/domain/disaggregations.js';
import type { ChangeKind, CreateChangeRequestBody, IndicatorTargets } from '@shared/schemas/index.js';
import { FormProblems } from '../../components/FormProblems.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { apiProblems, placeProblems } from '../projects/form-errors.js';
import { useChangeRequestOptions, useCreateChangeRequest, useIndicatorTargets } from './queries.js';

interface TargetItem {
  indicatorId: string;
  indicatorLabel: string;
  periodKey: string;
  locationId: string | null;
  cellLabel: string;
  disaggregationKey: string;
  before: number | null;
  value: number | null;
}
interface PlanItem {
  activityId: string;
  label: string;
  beforeStart: string;
  beforeEnd: string;
  plannedStart: string;
  plannedEnd: string;
  cancel: boolean;
}

/** Select values for "all places" and "total" (a select option needs a non-empty value). */
const ALL = '__all';
const TOTAL = '__total';

const FIELDS = ['title', 'description', 'justification', 'impact', 'changes', 'kind'] as const;

/** "New change request": the kind, the changes (target cells, activities or a draft budget revision), then what, why and impact. */
export function NewChangeRequestDialog({ projectId, canRequest, onClose }: { projectId: string; canRequest: ChangeKind[]; onClose: (createdId?: string) => void }) {
  const { t } = useTranslation('changeRequests');
  const phone = useMediaQuery('(max-width: 48em)');
  const options = useChangeRequestOptions(projectId, true);
  const create = useCreateChangeRequest(projectId);
  const [kind, setKind] = useState<ChangeKind>(canRequest[0] ?? 'targets');
  const [text, setText] = useState({ title: '', description: '', justification: '', impact: '' });
  const [targets, setTargets] = useState<TargetItem[]>([]);
  const [plan, setPlan] = useState<PlanItem[]>([]);
  const [revisionId, setRevisionId] = useState<string | null>(null);
  const [clientProblems, setClientProblems] = useState<{ field: string; message: string }[]>([]);

  const problems = clientProblems.length ? clientProblems : apiProblems(create.error);
  const { byField, unplaced } = placeProblems(problems, FIELDS);
  // A problem with one change (`changes.2.value`) goes on its row of the list.
  const byItem = new Map<number, string[]>();
  for (const p of problems) {
    const m = /^changes\.(\d+)(?:\.|$)/.exec(p.field);
    if (m) byItem.set(Number(m[1]), [...(byItem.get(Number(m[1])) ?? []), p.message]);
  }
  const changesError = problems.filter((p) => p.field === 'changes' || p.field === 'changes.budgetVersionId').map((p) => p.message).join(' ') || undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: { field: string; message: string }[] = [];
    for (const f of ['title', 'description', 'justification'] as const) if (!text[f].trim()) local.push({ field: f, message: t('new.required') });
    const count = kind === 'targets' ? targets.length : kind === 'plan' ? plan.length : revisionId ? 1 : 0;
    if (!count) local.push({ field: 'changes', message: kind === 'budget' ? t('new.pickRevision') : t('new.addOne') });
    setClientProblems(local);
    if (local.length) return;
    const base = { title: text.title.trim(), description: text.description.trim(), justification: text.justification.trim(), impact: text.impact.trim() };
    const body: CreateChangeRequestBody =
      kind === 'targets'
        ? { kind, ...base, changes: targets.map((c) => ({ indicatorId: c.indicatorId, periodKey: c.periodKey, locationId: c.locationId, disaggregationKey: c.disaggregationKey, value: c.value })) }
        : kind === 'plan'
          ? {
              kind,
              ...base,
              changes: plan.map((c) =>
                c.cancel
                  ? { activityId: c.activityId, cancel: true }
                  : {
                      activityId: c.activityId,
                      ...(c.plannedStart !== c.beforeStart ? { plannedStart: c.plannedStart } : {}),
                      ...(c.plannedEnd !== c.beforeEnd ? { plannedEnd: c.plannedEnd } : {}),
                    },
              ),
            }
          : { kind, ...base, changes: { budgetVersionId: revisionId! } };
    create.mutate(body, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('new.done', { reference: saved.reference }) });
        onClose(saved.id);
      },
    });
  };

  return (
    <Modal opened onClose={() => onClose()} title={t('new.title')} size="xl" fullScreen={phone} data-testid="cr-dialog">
      <form onSubmit={submit} noValidate aria-label={t('new.title')}>
        <Stack>
          <FormProblems clientProblems={clientProblems.length} error={create.error} unplaced={unplaced.filter((u) => !/^changes\./.test(u))} />
          {canRequest.length > 1 && (
            <SegmentedControl
              value={kind}
              onChange={(v) => {
                setKind(v as ChangeKind);
                create.reset();
                setClientProblems([]);
              }}
              data={canRequest.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              data-testid="cr-kind"
            />
          )}
          {kind === 'targets' && (
            <TargetsPicker
              indicators={options.data?.indicators ?? []}
              items={targets}
              onAdd={(item) => setTargets((list) => [...list.filter((x) => !(x.indicatorId === item.indicatorId && x.periodKey === item.periodKey && x.locationId === item.locationId && x.disaggregationKey === item.disaggregationKey)), item])}
              onRemove={(i) => setTargets((list) => list.filter((_, j) => j !== i))}
              problems={byItem}
              error={changesError}
            />
          )}
          {kind === 'plan' && (
            <PlanPicker
              activities={options.data?.activities ?? []}
              items={plan}
              onAdd={(item) => setPlan((list) => [...list.filter((x) => x.activityId !== item.activityId), item])}
              onRemove={(i) => setPlan((list) => list.filter((_, j) => j !== i))}
              problems={byItem}
              error={changesError}
            />
          )}
          {kind === 'budget' &&
            (options.data && options.data.draftRevisions.length === 0 ? (
              <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} data-testid="cr-no-revision">
                {t('new.noRevision')}{' '}
                <Anchor component={Link} to={`/projects/${projectId}/budget`} size="sm">
                  {t('new.toBudget')}
                </Anchor>
              </Alert>
            ) : (
              <Select
                label={t('new.revision')}
                description={t('new.revisionHelp')}
                data={(options.data?.draftRevisions ?? []).map((v) => ({ value: v.id, label: t('new.revisionLabel', { title: v.budgetTitle, number: v.number, currency: v.currency }) }))}
                value={revisionId}
                onChange={setRevisionId}
                error={changesError}
                required
                data-testid="cr-revision"
              />
            ))}
          <TextInput
            label={t('fields.title')}
            value={text.title}
            onChange={(e) => setText({ ...text, title: e.currentTarget.value })}
            error={byField.title}
            required
            maxLength={200}
            dir="auto"
            data-testid="cr-title"
          />
          <SimpleGrid cols={1} spacing="sm">
            {(['description', 'justification', 'impact'] as const).map((f) => (
              <Textarea
                key={f}
                label={t(`fields.${f}`)}
                description={t(`fields.${f}Help`)}
                value={text[f]}
                onChange={(e) => setText({ ...text, [f]: e.currentTarget.value })}
                error={byField[f]}
                required={f !== 'impact'}
                autosize
                minRows={2}
                maxLength={5000}
                dir="auto"
                data-testid={`cr-${f}`}
              />
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose()}>
              {t('new.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="cr-submit">
              {t('new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ItemProblems({ messages }: { messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <Text size="xs" c="red" data-testid="cr-item-error">
      {messages.join(' ')}
    </Text>
  );
}

/** Breakdowns a target can be set for: the total, each option, and each full combination of two or more categories. */
function breakdowns(s: IndicatorTargets, locale: string) {
  const label = (id: string) => {
    for (const c of s.categories) for (const o of c.options) if (o.id === id) return o.labels[locale] || o.label;
    return id;
  };
  const order = new Map(s.categories.flatMap((c, ci) => c.options.map((o) => [o.id, ci] as const)));
  const key = (ids: string[]) => [...ids].sort((a, b) => order.get(a)! - order.get(b)!).join('|');
  const list = [{ key: '', ids: [] as string[] }];
  for (const c of s.categories) for (const o of c.options) list.push({ key: o.id, ids: [o.id] });
  if (s.categories.length > 1) for (const ids of combinations(s.categories)) list.push({ key: key(ids), ids });
  return list.map((b) => ({ key: b.key, label: b.ids.length ? b.ids.map(label).join(' · ') : '' }));
}

function TargetsPicker({
  indicators,
  items,
  onAdd,
  onRemove,
  problems,
  error,
}: {
  indicators: { id: string; code: string; name: string }[];
  items: TargetItem[];
  onAdd: (item: TargetItem) => void;
  onRemove: (i: number) => void;
  problems: Map<number, string[]>;
  error: string | undefined;
}) {
  const { t } = useTranslation('changeRequests');
  const locale = currentLocale();
  const [indicatorId, setIndicatorId] = useState<string | null>(null);
  const setting = useIndicatorTargets(indicatorId);
  const [period, setPeriod] = useState<string | null>(null);
  const [place, setPlace] = useState<string>(ALL);
  const [breakdown, setBreakdown] = useState<string>(TOTAL);
  const [value, setValue] = useState<number | string>('');
  const s = setting.data;
  const cells = useMemo(() => (s ? breakdowns(s, locale) : []), [s, locale]);
  const current = s?.targets.find((x) => x.period === period && (x.locationId ?? ALL) === place && (x.optionIds.join('|') || TOTAL) === breakdown)?.value ?? null;
  const indicator = indicators.find((i) => i.id === indicatorId);

  const add = () => {
    if (!s || !indicator || !period) return;
    const location = s.locations.find((l) => l.id === place);
    // The period key is Latin text: isolated so that it keeps its place in a right-to-left label.
    const cellLabel = [`\u2066${period}\u2069`, location ? location.name : t('preview.allPlaces'), cells.find((c) => (c.key || TOTAL) === breakdown)?.label || t('preview.total')].join(' · ');
    onAdd({
      indicatorId: indicator.id,
      indicatorLabel: `${indicator.code} ${indicator.name}`,
      periodKey: period,
      locationId: place === ALL ? null : place,
      cellLabel,
      disaggregationKey: breakdown === TOTAL ? '' : breakdown,
      before: current,
      value: value === '' ? null : Number(value),
    });
    setValue('');
  };

  return (
    <Stack gap="xs">
      <Select
        label={t('new.indicator')}
        searchable
        data={indicators.map((i) => ({ value: i.id, label: `${i.code} · ${i.name}` }))}
        value={indicatorId}
        onChange={(v) => {
          setIndicatorId(v);
          setPeriod(null);
          setPlace(ALL);
          setBreakdown(TOTAL);
        }}
        nothingFoundMessage={t('new.noIndicators')}
        error={error}
        data-testid="cr-indicator"
      />
      {s && (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('new.period')}
            w={150}
            data={[...s.periods.map((p) => ({ value: p.key, label: p.key })), { value: 'LOP', label: t('new.lop') }]}
            value={period}
            onChange={setPeriod}
            data-testid="cr-period"
          />
          <Select
            label={t('new.place')}
            w={200}
            data={[{ value: ALL, label: t('preview.allPlaces') }, ...s.locations.map((l) => ({ value: l.id, label: l.name }))]}
            value={place}
            onChange={(v) => setPlace(v ?? ALL)}
            allowDeselect={false}
            data-testid="cr-place"
          />
          <Select
            label={t('new.breakdown')}
            w={220}
            data={cells.map((c) => ({ value: c.key || TOTAL, label: c.label || t('preview.total') }))}
            value={breakdown}
            onChange={(v) => setBreakdown(v ?? TOTAL)}
            allowDeselect={false}
            data-testid="cr-breakdown"
          />
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('new.current')}
            </Text>
            <Text size="sm" h={36} style={{ display: 'flex', alignItems: 'center' }} data-testid="cr-current">
              {period ? (current === null ? t('new.noTarget') : formatNumber(current)) : '—'}
            </Text>
          </Stack>
          <NumberInput label={t('new.newValue')} description={t('new.emptyRemoves')} w={150} value={value} onChange={setValue} data-testid="cr-value" />
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add} disabled={!period || (value === '' && current === null)} data-testid="cr-add-target">
            {t('new.add')}
          </Button>
        </Group>
      )}
      <ChangeList
        empty={t('new.noChanges')}
        headers={[t('preview.indicator'), t('preview.cell'), t('preview.before'), t('preview.after')]}
        rows={items.map((c) => [c.indicatorLabel, c.cellLabel, c.before === null ? '—' : formatNumber(c.before), c.value === null ? t('preview.removed') : formatNumber(c.value)])}
        onRemove={onRemove}
        problems={problems}
      />
    </Stack>
  );
}

function PlanPicker({
  activities,
  items,
  onAdd,
  onRemove,
  problems,
  error,
}: {
  activities: { id: string; code: string; title: string; status: string; plannedStart: string; plannedEnd: string; workPlan: { title: string; startDate: string; endDate: string } }[];
  items: PlanItem[];
  onAdd: (item: PlanItem) => void;
  onRemove: (i: number) => void;
  problems: Map<number, string[]>;
  error: string | undefined;
}) {
  const { t } = useTranslation('changeRequests');
  const [activityId, setActivityId] = useState<string | null>(null);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [cancel, setCancel] = useState(false);
  const a = activities.find((x) => x.id === activityId);
  const open = activities.filter((x) => x.status !== 'cancelled');
  const groups = [...new Set(open.map((x) => x.workPlan.title))].map((g) => ({
    group: g,
    items: open.filter((x) => x.workPlan.title === g).map((x) => ({ value: x.id, label: `${x.code} · ${x.title}` })),
  }));
  const add = () => {
    if (!a) return;
    onAdd({ activityId: a.id, label: `${a.code} ${a.title}`, beforeStart: a.plannedStart, beforeEnd: a.plannedEnd, plannedStart: start || a.plannedStart, plannedEnd: end || a.plannedEnd, cancel });
    setActivityId(null);
    setCancel(false);
  };
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('new.activity')}
          searchable
          w={300}
          data={groups}
          value={activityId}
          onChange={(v) => {
            setActivityId(v);
            const x = activities.find((y) => y.id === v);
            setStart(x?.plannedStart ?? '');
            setEnd(x?.plannedEnd ?? '');
          }}
          nothingFoundMessage={t('new.noActivities')}
          error={error}
          data-testid="cr-activity"
        />
        <TextInput type="date" label={t('new.plannedStart')} value={start} min={a?.workPlan.startDate} max={a?.workPlan.endDate} onChange={(e) => setStart(e.currentTarget.value)} disabled={!a || cancel} data-testid="cr-start" />
        <TextInput type="date" label={t('new.plannedEnd')} value={end} min={a?.workPlan.startDate} max={a?.workPlan.endDate} onChange={(e) => setEnd(e.currentTarget.value)} disabled={!a || cancel} data-testid="cr-end" />
        <Checkbox label={t('new.cancelActivity')} checked={cancel} onChange={(e) => setCancel(e.currentTarget.checked)} disabled={!a} mb={8} data-testid="cr-cancel" />
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add} disabled={!a} data-testid="cr-add-activity">
          {t('new.add')}
        </Button>
      </Group>
      {activities.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('new.noActivities')}
        </Text>
      )}
      <ChangeList
        empty={t('new.noChanges')}
        headers={[t('preview.activity'), t('preview.before'), t('preview.after')]}
        rows={items.map((c) => [
          c.label,
          `${formatDate(c.beforeStart)} – ${formatDate(c.beforeEnd)}`,
          c.cancel ? t('preview.cancelled') : `${formatDate(c.plannedStart)} – ${formatDate(c.plannedEnd)}`,
        ])}
        onRemove={onRemove}
        problems={problems}
      />
    </Stack>
  );
}

function ChangeList({ empty, headers, rows, onRemove, problems }: { empty: string; headers: string[]; rows: string[][]; onRemove: (i: number) => void; problems: Map<number, string[]> }) {
  const { t } = useTranslation('changeRequests');
  if (!rows.length)
    return (
      <Text size="sm" c="dimmed" data-testid="cr-no-changes">
        {empty}
      </Text>
    );
  return (
    <Table withTableBorder data-testid="cr-changes">
      <Table.Thead>
        <Table.Tr>
          {headers.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
          <Table.Th w={40} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((cells, i) => (
          <Table.Tr key={i} data-testid="cr-change-row">
            {cells.map((c, j) => (
              <Table.Td key={j}>
                <Text size="sm" dir="auto">
                  {c}
                </Text>
                {j === cells.length - 1 && <ItemProblems messages={problems.get(i)} />}
              </Table.Td>
            ))}
            <Table.Td>
              <ActionIcon variant="subtle" color="red" onClick={() => onRemove(i)} aria-label={t('new.remove')}>
                <IconTrash size={16} />
              </ActionIcon>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
