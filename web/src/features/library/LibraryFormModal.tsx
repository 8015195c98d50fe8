import { Alert, Button, Fieldset, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@shared/i18n/error-messages.js';
import {
  CreateLibraryIndicatorBody,
  DIRECTIONS,
  INDICATOR_TYPES,
  LOCATION_AGGREGATIONS,
  type LibraryIndicator,
  TIME_AGGREGATIONS,
  UpdateLibraryIndicatorBody,
} from '@shared/schemas/index.js';
import { FormProblems } from '../../components/FormProblems.js';
import { currentLocale } from '../../i18n/index.js';
import { formatNumber } from '../../lib/format.js';
import { useCategories } from '../admin/disaggregations/queries.js';
import { CategoryPicker } from '../results/CategoryPicker.js';
import { apiProblems, type FieldProblem, placeOnFields, zodProblems } from '../results/form-problems.js';
import { TRANSLATION_LOCALES, TranslationsInput } from '../results/TranslationsInput.js';
import { changedFields, FREQUENCIES, initialForm, LOCKED_WHEN_ADOPTED, type LibraryFormState, toBody } from './library-form.js';
import { useCreateLibraryIndicator, useUpdateLibraryIndicator } from './queries.js';

const FIELDS = [
  'code', 'name', 'names', 'definition', 'definitions', 'unit', 'type', 'direction', 'timeAggregation', 'locationAggregation', 'cumulative',
  'meansOfVerification', 'dataSource', 'collectionMethod', 'frequency', 'source', 'categoryIds',
] as const;

export type LibraryFormTarget = { mode: 'create' } | { mode: 'edit' | 'view'; entry: LibraryIndicator };

/** Creates, edits or (for readers) shows a library entry with its reference-sheet fields. */
export function LibraryFormModal({ organisationId, target, onClose }: { organisationId: string; target: LibraryFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation('library');
  const phone = useMediaQuery('(max-width: 48em)');
  const title = !target ? '' : target.mode === 'create' ? t('form.createTitle') : t(target.mode === 'edit' ? 'form.editTitle' : 'form.viewTitle', { code: target.entry.code });
  return (
    <Modal opened={!!target} onClose={onClose} title={title} size="xl" fullScreen={phone} closeOnClickOutside={target?.mode === 'view'}>
      {target && <LibraryForm key={target.mode === 'create' ? 'new' : target.entry.id} organisationId={organisationId} target={target} onDone={onClose} />}
    </Modal>
  );
}

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} radius="md">
      <Stack gap="sm">{children}</Stack>
    </Fieldset>
  );
}

/** A text's translations: the collapsible inputs, or for a reader the filled ones as plain text. */
function Translations({ readOnly, label, value, ...rest }: Parameters<typeof TranslationsInput>[0] & { readOnly: boolean }) {
  const { t } = useTranslation('results');
  if (!readOnly) return <TranslationsInput label={label} value={value} {...rest} />;
  const filled = TRANSLATION_LOCALES.filter((l) => value[l]?.trim());
  if (filled.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {filled.map((l) => (
        <Text key={l} size="sm" dir={l === 'ar' ? 'rtl' : 'ltr'} lang={l} style={{ whiteSpace: 'pre-wrap' }}>
          <Text span c="dimmed" size="xs">
            {t(`languages.${l}`)}:
          </Text>{' '}
          {value[l]}
        </Text>
      ))}
    </Stack>
  );
}

function LibraryForm({ organisationId, target, onDone }: { organisationId: string; target: LibraryFormTarget; onDone: () => void }) {
  const { t } = useTranslation(['library', 'results']);
  const entry = target.mode === 'create' ? null : target.entry;
  const readOnly = target.mode === 'view';
  const categories = useCategories(organisationId);
  const create = useCreateLibraryIndicator(organisationId);
  const update = useUpdateLibraryIndicator();
  const mutation = entry ? update : create;
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<LibraryFormState>(() => initialForm(entry));
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const set = <K extends keyof LibraryFormState>(key: K, value: LibraryFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const adopted = entry?.adoptedCount ?? 0;
  /** Fields fixed while indicators are linked, or everything for a reader. */
  const off = (field: string) => readOnly || (adopted > 0 && (LOCKED_WHEN_ADOPTED as readonly string[]).includes(field));

  const { byField, unplaced } = placeOnFields(clientProblems.length ? clientProblems : apiProblems(mutation.error), FIELDS);

  const focusFirstError = () =>
    requestAnimationFrame(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (el?.matches('input, textarea')) el.focus({ preventScroll: true });
    });

  const report = (found: FieldProblem[]) => {
    // An empty type is "required", not "not one of the allowed values" (Zod words a missing enum that way).
    const problems = found.map((p) => (p.field === 'type' && !form.type ? { ...p, message: errorMessage('required', currentLocale()) } : p));
    setClientProblems(problems);
    if (problems.length) focusFirstError();
    return problems.length === 0;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (readOnly) return;
    setNotice(null);
    const onSuccess = (saved: LibraryIndicator) => {
      notifications.show({ color: 'teal', message: t(entry ? 'form.saved' : 'form.created', { code: saved.code }) });
      onDone();
    };
    if (!entry) {
      const parsed = CreateLibraryIndicatorBody.safeParse(toBody(form));
      if (report(parsed.success ? [] : zodProblems(parsed.error)) && parsed.success) create.mutate(parsed.data, { onSuccess, onError: focusFirstError });
      return;
    }
    const changes = changedFields(form, entry);
    if (Object.keys(changes).length === 0) {
      setClientProblems([]);
      setNotice(t('form.noChanges'));
      return;
    }
    const parsed = UpdateLibraryIndicatorBody.safeParse(changes);
    if (report(parsed.success ? [] : zodProblems(parsed.error)) && parsed.success) {
      update.mutate({ id: entry.id, body: parsed.data }, { onSuccess, onError: focusFirstError });
    }
  };

  const options = <T extends string>(values: readonly T[], prefix: string) => values.map((v) => ({ value: v, label: t(`results:${prefix}.${v}`) }));

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <FormProblems clientProblems={clientProblems.length} error={mutation.error} unplaced={unplaced} />
        {adopted > 0 && !readOnly && (
          <Alert color="blue" variant="light" icon={<IconLock size={18} />} data-testid="locked-notice">
            {t('form.lockedNotice', { count: adopted, formatted: formatNumber(adopted) })}
          </Alert>
        )}
        <Section legend={t('results:indicatorForm.sections.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('results:indicator.code')}
              description={t('form.codeHelp')}
              value={form.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={byField.code}
              required
              maxLength={40}
              autoComplete="off"
              dir="ltr"
              disabled={readOnly}
              data-autofocus
            />
            <TextInput
              label={t('form.source')}
              description={t('form.sourceHelp')}
              value={form.source}
              onChange={(e) => set('source', e.currentTarget.value)}
            dir="auto"
              error={byField.source}
              maxLength={200}
              disabled={readOnly}
              style={{ gridColumn: 'span 2' }}
            />
          </SimpleGrid>
          <Textarea
            label={t('results:indicator.name')}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            dir="auto"
            error={byField.name}
            required
            autosize
            minRows={1}
            maxRows={4}
            maxLength={500}
            disabled={readOnly}
          />
          <Translations readOnly={readOnly} label={t('results:indicatorForm.nameTranslations')} field="names" value={form.names} onChange={(v) => set('names', v)} errors={byField} />
          <Textarea
            label={t('results:indicatorForm.definition')}
            description={t('results:indicatorForm.definitionHelp')}
            value={form.definition}
            onChange={(e) => set('definition', e.currentTarget.value)}
            dir="auto"
            error={byField.definition}
            autosize
            minRows={2}
            maxRows={10}
            disabled={readOnly}
          />
          <Translations
            readOnly={readOnly}
            label={t('results:indicatorForm.definitionTranslations')}
            field="definitions"
            value={form.definitions}
            onChange={(v) => set('definitions', v)}
            errors={byField}
            multiline
            maxLength={10_000}
          />
        </Section>

        <Section legend={t('results:indicatorForm.sections.measurement')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('results:indicator.type')}
              data={options(INDICATOR_TYPES, 'types')}
              value={form.type || null}
              onChange={(v) => set('type', (v ?? '') as LibraryFormState['type'])}
              error={byField.type}
              required
              allowDeselect={false}
              disabled={off('type')}
              comboboxProps={{ withinPortal: true }}
              data-testid="field-type"
            />
            <TextInput
              label={t('results:indicatorForm.unit')}
              description={t('results:indicatorForm.unitHelp')}
              value={form.unit}
              onChange={(e) => set('unit', e.currentTarget.value)}
            dir="auto"
              error={byField.unit}
              maxLength={100}
              disabled={off('unit')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <Select
              label={t('results:indicator.direction')}
              data={options(DIRECTIONS, 'directions')}
              value={form.direction}
              onChange={(v) => v && set('direction', v as LibraryFormState['direction'])}
              error={byField.direction}
              allowDeselect={false}
              disabled={off('direction')}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          {form.type && (
            <Text size="xs" c="dimmed" mt={-6}>
              {t(`results:typeHelp.${form.type}`)}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('results:indicatorForm.timeAggregation')}
              description={t(`results:timeHelp.${form.timeAggregation}`)}
              data={options(TIME_AGGREGATIONS, 'timeAggregations')}
              value={form.timeAggregation}
              onChange={(v) => v && set('timeAggregation', v as LibraryFormState['timeAggregation'])}
              error={byField.timeAggregation}
              allowDeselect={false}
              disabled={off('timeAggregation')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('results:indicatorForm.locationAggregation')}
              description={t(`results:locationHelp.${form.locationAggregation}`)}
              data={options(LOCATION_AGGREGATIONS, 'locationAggregations')}
              value={form.locationAggregation}
              onChange={(v) => v && set('locationAggregation', v as LibraryFormState['locationAggregation'])}
              error={byField.locationAggregation}
              allowDeselect={false}
              disabled={off('locationAggregation')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <Switch
            label={t('results:indicatorForm.cumulative')}
            description={t('results:indicatorForm.cumulativeHelp')}
            checked={form.cumulative}
            onChange={(e) => set('cumulative', e.currentTarget.checked)}
            error={byField.cumulative}
            disabled={off('cumulative')}
          />
          <CategoryPicker
            categories={categories.data?.items ?? []}
            value={form.categoryIds}
            onChange={(ids) => set('categoryIds', ids)}
            disabled={off('categoryIds')}
            error={byField.categoryIds}
          />
        </Section>

        <Section legend={t('results:indicatorForm.sections.data')}>
          <Textarea
            label={t('results:indicatorForm.meansOfVerification')}
            description={t('results:indicatorForm.meansOfVerificationHelp')}
            value={form.meansOfVerification}
            onChange={(e) => set('meansOfVerification', e.currentTarget.value)}
            dir="auto"
            error={byField.meansOfVerification}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={5000}
            disabled={readOnly}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('results:indicatorForm.dataSource')}
              value={form.dataSource}
              onChange={(e) => set('dataSource', e.currentTarget.value)}
            dir="auto"
              error={byField.dataSource}
              maxLength={2000}
              disabled={readOnly}
            />
            <TextInput
              label={t('results:indicatorForm.collectionMethod')}
              value={form.collectionMethod}
              onChange={(e) => set('collectionMethod', e.currentTarget.value)}
            dir="auto"
              error={byField.collectionMethod}
              maxLength={2000}
              disabled={readOnly}
            />
            <Select
              label={t('results:indicatorForm.frequency')}
              data={options(FREQUENCIES, 'frequencies')}
              value={form.frequency}
              onChange={(v) => v && set('frequency', v as LibraryFormState['frequency'])}
              error={byField.frequency}
              allowDeselect={false}
              disabled={readOnly}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
        </Section>

        {notice && (
          <Text size="sm" c="dimmed" role="status">
            {notice}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {readOnly ? t('common:actions.close') : t('common:actions.cancel')}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={mutation.isPending} data-testid="save-library-indicator">
              {entry ? t('common:actions.save') : t('common:actions.create')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
