import { Alert, Button, Fieldset, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { errorMessage } from '@shared/i18n/error-messages.js';
import {
  CreateIndicatorBody,
  DIRECTIONS,
  type Framework,
  type Indicator,
  INDICATOR_TYPES,
  LOCATION_AGGREGATIONS,
  type ResultNode,
  TIME_AGGREGATIONS,
  UpdateIndicatorBody,
} from '@shared/schemas/index.js';
import { FormProblems } from '../../components/FormProblems.js';
import { currentLocale } from '../../i18n/index.js';
import { CategoryPicker } from './CategoryPicker.js';
import { ChangeReasonFields, NO_WHY, type Why } from './ChangeReasonFields.js';
import { apiProblems, type FieldProblem, placeOnFields, zodProblems } from './form-problems.js';
import { ContributesToSelect, LibraryLinkNotice, rollUpMismatch } from './IndicatorLinkFields.js';
import { levelName, nodeTitle } from './labels.js';
import { useCreateIndicator, useUpdateIndicator } from './mutations.js';
import { ownerOf } from './owner.js';
import { blank, type DefinitionFormState, definitionFields, initialDefinition } from './definition-form.js';
import { TranslationsInput } from './TranslationsInput.js';

/** Periods an indicator can be collected in (the life-of-project "period" is for targets, not collection). */
const FREQUENCIES = ['month', 'quarter', 'semester', 'year'] as const;

const FIELDS = [
  'code', 'name', 'names', 'names.fr', 'names.es', 'names.ar', 'definition', 'definitions', 'definitions.fr', 'definitions.es', 'definitions.ar',
  'unit', 'type', 'direction', 'timeAggregation', 'locationAggregation', 'cumulative', 'baselineValue', 'baselineDate', 'lopTarget',
  'meansOfVerification', 'dataSource', 'collectionMethod', 'frequency', 'responsible', 'categoryIds', 'contributesToId', 'libraryIndicatorId',
  'reason', 'note',
] as const;

export type IndicatorFormTarget = { mode: 'create'; node: ResultNode } | { mode: 'edit'; indicator: Indicator; node?: ResultNode };

/** Creates an indicator under a result, or edits one (with the reason for the change). Full screen on a phone. */
export function IndicatorFormModal({ framework, target, onClose }: { framework: Framework; target: IndicatorFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation('results');
  const phone = useMediaQuery('(max-width: 48em)');
  const title = !target ? '' : target.mode === 'edit' ? t('indicatorForm.editTitle', { code: target.indicator.code }) : t('indicatorForm.createTitle');
  return (
    <Modal opened={!!target} onClose={onClose} title={title} size="xl" fullScreen={phone} closeOnClickOutside={false}>
      {target && (
        <IndicatorForm
          key={target.mode === 'edit' ? target.indicator.id : `new-${target.node.id}`}
          framework={framework}
          target={target}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}

interface FormState extends DefinitionFormState {
  baselineValue: string | number;
  baselineDate: string;
  lopTarget: string | number;
  responsible: string;
  contributesToId: string | null;
}

const initial = (i?: Indicator): FormState => ({
  ...initialDefinition(i),
  baselineValue: i?.baselineValue ?? '',
  baselineDate: i?.baselineDate ?? '',
  lopTarget: i?.lopTarget ?? '',
  responsible: i?.responsible ?? '',
  contributesToId: i?.contributesToId ?? null,
});

const numberOrNull = (v: string | number) => (v === '' || v === null ? null : typeof v === 'number' ? v : Number.isFinite(Number(v)) ? Number(v) : v);

/** The body's fields; empty required inputs become missing, so the schema says "required", not "invalid". */
const toFields = (f: FormState) => ({
  ...definitionFields(f),
  baselineValue: numberOrNull(f.baselineValue),
  baselineDate: blank(f.baselineDate) ?? null,
  lopTarget: numberOrNull(f.lopTarget),
  responsible: f.responsible,
  contributesToId: f.contributesToId,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function IndicatorForm({ framework, target, onDone }: { framework: Framework; target: IndicatorFormTarget; onDone: () => void }) {
  const { t } = useTranslation('results');
  const indicator = target.mode === 'edit' ? target.indicator : undefined;
  const node = target.node ?? framework.nodes.find((n) => n.id === indicator?.resultNodeId);
  const owner = ownerOf(framework);
  const create = useCreateIndicator(owner);
  const update = useUpdateIndicator(indicator?.id ?? '', owner);
  const mutation = indicator ? update : create;
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<FormState>(() => initial(indicator));
  const [why, setWhy] = useState<Why>(NO_WHY);
  /** Unlinking from the library is sent with the next save, with its reason. */
  const [unlink, setUnlink] = useState(false);
  const locked = !!indicator?.libraryIndicatorId && !unlink;
  const rollUp = !!framework.projectId;
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const { byField, unplaced } = placeOnFields(clientProblems.length ? clientProblems : apiProblems(mutation.error), FIELDS);

  const focusFirstError = () =>
    requestAnimationFrame(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (el?.matches('input, textarea')) el.focus({ preventScroll: true });
    });

  const report = (found: FieldProblem[]) => {
    // An option list left empty is "required", not "not one of the allowed values" (Zod words a missing enum that way).
    const required = errorMessage('required', currentLocale());
    const problems = found.map((p) =>
      (p.field === 'type' && !form.type) || (p.field === 'why.reason' && !why.reason) ? { ...p, message: required } : p,
    );
    // Values only add up between indicators of one type; the server refuses the link otherwise.
    if (rollUpMismatch(framework, form.type, form.contributesToId)) problems.push({ field: 'contributesToId', message: t('rollUp.mismatch') });
    setClientProblems(problems);
    if (problems.length) focusFirstError();
    return problems.length === 0;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const fields = toFields(form);
    const onSuccess = (saved: Indicator) => {
      notifications.show({ color: 'teal', message: t(indicator ? 'indicatorForm.saved' : 'indicatorForm.created', { code: saved.code }) });
      onDone();
    };
    if (!indicator) {
      if (!node) return;
      const parsed = CreateIndicatorBody.safeParse(fields);
      if (report(parsed.success ? [] : zodProblems(parsed.error)) && parsed.success) {
        create.mutate({ nodeId: node.id, body: parsed.data }, { onSuccess, onError: focusFirstError });
      }
      return;
    }
    // Only what changed is sent, so the history lists exactly the fields that were edited.
    const before = toFields(initial(indicator));
    const changes: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([k, v]) => !same(v, before[k as keyof typeof before])));
    if (unlink) changes.libraryIndicatorId = null;
    if (Object.keys(changes).length === 0) {
      setClientProblems([]);
      setNotice(t('indicatorForm.noChanges'));
      return;
    }
    const parsed = UpdateIndicatorBody.safeParse({ changes, why: { reason: why.reason || undefined, note: why.note } });
    const problems = parsed.success ? [] : zodProblems(parsed.error);
    // The server asks for a note with "other" too; say so before sending.
    if (why.reason === 'other' && !why.note.trim()) problems.push({ field: 'why.note', message: errorMessage('required', currentLocale()) });
    if (report(problems) && parsed.success) update.mutate(parsed.data as z.input<typeof UpdateIndicatorBody>, { onSuccess, onError: focusFirstError });
  };

  const option = <T extends string>(values: readonly T[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={indicator ? t('indicatorForm.editTitle', { code: indicator.code }) : t('indicatorForm.createTitle')}>
      <Stack>
        {node && (
          <Text size="sm" c="dimmed">
            {t('indicatorForm.for', { level: levelName(framework.levels, node.level), code: node.code, title: nodeTitle(node) })}
          </Text>
        )}
        <FormProblems clientProblems={clientProblems.length} error={mutation.error} unplaced={unplaced} />
        {indicator?.libraryIndicatorId && <LibraryLinkNotice libraryId={indicator.libraryIndicatorId} owner={owner} unlinking={unlink} onUnlink={setUnlink} />}
        {byField.libraryIndicatorId && (
          <Text size="sm" c="red" role="alert">
            {byField.libraryIndicatorId}
          </Text>
        )}

        <Section legend={t('indicatorForm.sections.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('indicator.code')}
              description={t('indicatorForm.codeHelp')}
              value={form.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={byField.code}
              required
              maxLength={40}
              autoComplete="off"
              name="code"
            />
            <TextInput
              label={t('indicatorForm.unit')}
              description={t('indicatorForm.unitHelp')}
              value={form.unit}
              onChange={(e) => set('unit', e.currentTarget.value)}
              error={byField.unit}
              maxLength={100}
              name="unit"
              disabled={locked}
            />
          </SimpleGrid>
          <Textarea
            label={t('indicator.name')}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={byField.name}
            required
            autosize
            minRows={1}
            maxRows={4}
            maxLength={500}
            name="name"
          />
          <TranslationsInput label={t('indicatorForm.nameTranslations')} field="names" value={form.names} onChange={(v) => set('names', v)} errors={byField} />
          <Textarea
            label={t('indicatorForm.definition')}
            description={t('indicatorForm.definitionHelp')}
            value={form.definition}
            onChange={(e) => set('definition', e.currentTarget.value)}
            error={byField.definition}
            autosize
            minRows={2}
            maxRows={10}
            name="definition"
          />
          <TranslationsInput
            label={t('indicatorForm.definitionTranslations')}
            field="definitions"
            value={form.definitions}
            onChange={(v) => set('definitions', v)}
            errors={byField}
            multiline
          />
        </Section>

        <Section legend={t('indicatorForm.sections.measurement')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('indicator.type')}
              data={option(INDICATOR_TYPES, 'types')}
              value={form.type || null}
              onChange={(v) => set('type', (v ?? '') as FormState['type'])}
              error={byField.type}
              required
              allowDeselect={false}
              disabled={locked}
              description={form.type ? t(`typeHelp.${form.type}`) : undefined}
              data-testid="field-type"
            />
            <Select
              label={t('indicator.direction')}
              data={option(DIRECTIONS, 'directions')}
              value={form.direction}
              onChange={(v) => v && set('direction', v as FormState['direction'])}
              error={byField.direction}
              allowDeselect={false}
              disabled={locked}
              data-testid="field-direction"
            />
          </SimpleGrid>
          {form.type === 'percentage' && (
            <Alert color="grape" variant="light" icon={<IconInfoCircle size={18} />} data-testid="percentage-help">
              {t('typeHelp.percentage')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('indicatorForm.timeAggregation')}
              description={t(`timeHelp.${form.timeAggregation}`)}
              data={option(TIME_AGGREGATIONS, 'timeAggregations')}
              value={form.timeAggregation}
              onChange={(v) => v && set('timeAggregation', v as FormState['timeAggregation'])}
              error={byField.timeAggregation}
              allowDeselect={false}
              disabled={locked}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <Select
              label={t('indicatorForm.locationAggregation')}
              description={t(`locationHelp.${form.locationAggregation}`)}
              data={option(LOCATION_AGGREGATIONS, 'locationAggregations')}
              value={form.locationAggregation}
              onChange={(v) => v && set('locationAggregation', v as FormState['locationAggregation'])}
              error={byField.locationAggregation}
              allowDeselect={false}
              disabled={locked}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
          <Switch
            label={t('indicatorForm.cumulative')}
            description={t('indicatorForm.cumulativeHelp')}
            checked={form.cumulative}
            onChange={(e) => set('cumulative', e.currentTarget.checked)}
            error={byField.cumulative}
            disabled={locked}
          />
        </Section>

        <Section legend={rollUp ? t('indicatorForm.sections.disaggregationRollUp') : t('indicatorForm.sections.disaggregation')}>
          <CategoryPicker
            categories={framework.categories}
            value={form.categoryIds}
            onChange={(ids) => set('categoryIds', ids)}
            disabled={locked}
            error={byField.categoryIds}
          />
          {rollUp && (
            <ContributesToSelect
              framework={framework}
              type={form.type}
              value={form.contributesToId}
              onChange={(id) => set('contributesToId', id)}
              error={byField.contributesToId}
            />
          )}
        </Section>

        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Section legend={t('indicatorForm.sections.baseline')}>
            <Text size="xs" c="dimmed">
              {t('indicatorForm.baselineHelp')}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <NumberInput
                label={t('indicatorForm.baselineValue')}
                value={form.baselineValue}
                onChange={(v) => set('baselineValue', v)}
                error={byField.baselineValue}
                rightSection={form.type === 'percentage' ? '%' : undefined}
                min={form.type === 'percentage' ? 0 : undefined}
                max={form.type === 'percentage' ? 100 : undefined}
                hideControls
                name="baselineValue"
              />
              <TextInput
                type="date"
                label={t('indicatorForm.baselineDate')}
                value={form.baselineDate}
                onChange={(e) => set('baselineDate', e.currentTarget.value)}
                error={byField.baselineDate}
                name="baselineDate"
              />
            </SimpleGrid>
          </Section>
          <Section legend={t('indicatorForm.sections.target')}>
            <Text size="xs" c="dimmed">
              {t('indicatorForm.lopTargetHelp')}
            </Text>
            <NumberInput
              label={t('indicatorForm.lopTarget')}
              value={form.lopTarget}
              onChange={(v) => set('lopTarget', v)}
              error={byField.lopTarget}
              rightSection={form.type === 'percentage' ? '%' : undefined}
              min={form.type === 'percentage' ? 0 : undefined}
              max={form.type === 'percentage' ? 100 : undefined}
              hideControls
              name="lopTarget"
            />
          </Section>
        </SimpleGrid>

        <Section legend={t('indicatorForm.sections.data')}>
          <Textarea
            label={t('indicatorForm.meansOfVerification')}
            description={t('indicatorForm.meansOfVerificationHelp')}
            value={form.meansOfVerification}
            onChange={(e) => set('meansOfVerification', e.currentTarget.value)}
            error={byField.meansOfVerification}
            autosize
            minRows={2}
            maxRows={8}
            name="meansOfVerification"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('indicatorForm.dataSource')}
              value={form.dataSource}
              onChange={(e) => set('dataSource', e.currentTarget.value)}
              error={byField.dataSource}
              name="dataSource"
            />
            <TextInput
              label={t('indicatorForm.collectionMethod')}
              value={form.collectionMethod}
              onChange={(e) => set('collectionMethod', e.currentTarget.value)}
              error={byField.collectionMethod}
              name="collectionMethod"
            />
            <Select
              label={t('indicatorForm.frequency')}
              data={option(
                FREQUENCIES.includes(form.frequency as (typeof FREQUENCIES)[number]) ? FREQUENCIES : [...FREQUENCIES, form.frequency],
                'frequencies',
              )}
              value={form.frequency}
              onChange={(v) => v && set('frequency', v as FormState['frequency'])}
              error={byField.frequency}
              allowDeselect={false}
              data-testid="field-frequency"
            />
            <TextInput
              label={t('indicatorForm.responsible')}
              description={t('indicatorForm.responsibleHelp')}
              value={form.responsible}
              onChange={(e) => set('responsible', e.currentTarget.value)}
              error={byField.responsible}
              maxLength={200}
              name="responsible"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
        </Section>

        {indicator && (
          <ChangeReasonFields value={why} onChange={setWhy} errors={{ reason: byField.reason, note: byField.note }} />
        )}

        {notice && (
          <Alert color="blue" icon={<IconInfoCircle size={18} />}>
            {notice}
          </Alert>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {indicator ? t('indicatorForm.submitSave') : t('indicatorForm.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Section({ legend, children, highlight }: { legend: string; children: ReactNode; highlight?: boolean }) {
  return (
    <Fieldset legend={legend} radius="md" styles={highlight ? { root: { borderColor: 'var(--mantine-color-yellow-5)', background: 'var(--mantine-color-yellow-0)' } } : undefined}>
      <Stack gap="sm">{children}</Stack>
    </Fieldset>
  );
}
