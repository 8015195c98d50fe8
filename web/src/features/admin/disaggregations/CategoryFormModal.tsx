import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_KINDS, overlappingAgeBands } from '@shared/domain/disaggregations.js';
import { errorMessage } from '@shared/i18n/error-messages.js';
import { CreateDisaggregationCategoryBody, type DisaggregationCategory, UpdateDisaggregationCategoryBody } from '@shared/schemas/index.js';
import { FormProblems } from '../../../components/FormProblems.js';
import { currentLocale } from '../../../i18n/index.js';
import { apiProblems, type FieldProblem, placeProblems, zodProblems } from '../../projects/form-errors.js';
import { categoryName } from '../../results/labels.js';
import { cleanTranslations, TranslationsInput } from '../../results/TranslationsInput.js';
import { type CategoryDraft, draftOf, optionsBody } from './drafts.js';
import { OptionsEditor } from './OptionsEditor.js';
import { useCreateCategory, useUpdateCategory } from './queries.js';

const FIELDS = ['code', 'name', 'names', 'kind', 'options'] as const;

/** Create (category = null) or edit a category with its options. */
export function CategoryFormModal({
  organisationId,
  category,
  opened,
  onClose,
}: {
  organisationId: string;
  category: DisaggregationCategory | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('admin');
  const phone = useMediaQuery('(max-width: 48em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={category ? t('disaggregations.editTitle', { name: categoryName(category) }) : t('disaggregations.createTitle')}
      size="xl"
      fullScreen={phone}
      closeOnClickOutside={false}
    >
      {opened && <CategoryForm key={category?.id ?? 'new'} organisationId={organisationId} category={category} onDone={onClose} />}
    </Modal>
  );
}

/** Problems keyed by the full path (`options.2.code`), so each lands on its own input in the options editor. */
function byPath(problems: FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field] = out[p.field] ? `${out[p.field]} ${p.message}` : p.message;
  return out;
}

function CategoryForm({ organisationId, category, onDone }: { organisationId: string; category: DisaggregationCategory | null; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const create = useCreateCategory(organisationId);
  const update = useUpdateCategory();
  const mutation = category ? update : create;
  const [draft, setDraft] = useState<CategoryDraft>(() => draftOf(category));
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const set = <K extends keyof CategoryDraft>(key: K, value: CategoryDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const ageBands = draft.kind === 'age';

  const problems = clientProblems.length ? clientProblems : apiProblems(mutation.error);
  const paths = byPath(problems);
  const { byField, unplaced } = placeProblems(problems, FIELDS);
  // Option problems are shown on their inputs; only the list's own problems (too few, overlaps) go under the list.
  const errors: Record<string, string> = { ...paths };
  for (const f of ['code', 'name', 'kind'] as const) if (byField[f]) errors[f] = byField[f];

  /** What the browser can tell before sending: the schema's rules, and for age bands a first age and no overlaps. */
  const check = (body: { options: ReturnType<typeof optionsBody> }, parsed: FieldProblem[]) => {
    const found = [...parsed];
    if (!ageBands) return found;
    const required = errorMessage('required', currentLocale());
    body.options.forEach((o, i) => {
      if (o.minAge === null) found.push({ field: `options.${i}.minAge`, message: required });
      else if (o.maxAge !== null && o.maxAge < o.minAge) found.push({ field: `options.${i}.maxAge`, message: t('disaggregations.maxBeforeMin') });
    });
    // On the later band's first age, where the server puts it too.
    const overlap = overlappingAgeBands(body.options);
    if (overlap) {
      const at = body.options.findIndex((o) => o.code === overlap[1]);
      found.push({ field: `options.${at}.minAge`, message: t('disaggregations.overlap', { first: overlap[0], second: overlap[1] }) });
    }
    return found;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      code: draft.code.trim(),
      name: draft.name.trim(),
      names: cleanTranslations(draft.names),
      options: optionsBody(draft.options, ageBands),
    };
    const onSuccess = (saved: DisaggregationCategory) => {
      notifications.show({ color: 'teal', message: t(category ? 'disaggregations.saved' : 'disaggregations.created', { name: categoryName(saved) }) });
      onDone();
    };
    const parsed = category
      ? UpdateDisaggregationCategoryBody.safeParse(fields)
      : CreateDisaggregationCategoryBody.safeParse({ ...fields, kind: draft.kind });
    const found = check(fields, parsed.success ? [] : zodProblems(parsed.error));
    setClientProblems(found);
    if (found.length || !parsed.success) return;
    if (category) update.mutate({ id: category.id, body: parsed.data }, { onSuccess });
    else create.mutate(parsed.data as Parameters<typeof create.mutate>[0], { onSuccess });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormProblems clientProblems={clientProblems.length} error={mutation.error} unplaced={unplaced} />
        {category && category.usedBy > 0 && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('disaggregations.editInUse', { count: category.usedBy })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('disaggregations.code')}
            description={t('disaggregations.codeHelp')}
            value={draft.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={errors.code}
            required
            maxLength={40}
            dir="ltr"
            autoComplete="off"
            data-autofocus
          />
          <TextInput
            label={t('disaggregations.name')}
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            dir="auto"
            error={errors.name}
            required
            maxLength={200}
          />
          <Select
            label={t('disaggregations.kind')}
            description={category ? t('disaggregations.kindFixed') : t(`disaggregations.kindHelp.${draft.kind}`)}
            data={CATEGORY_KINDS.map((k) => ({ value: k, label: t(`disaggregations.kinds.${k}`) }))}
            value={draft.kind}
            onChange={(v) => v && set('kind', v as CategoryDraft['kind'])}
            error={errors.kind}
            allowDeselect={false}
            disabled={!!category}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <TranslationsInput label={t('disaggregations.nameTranslations')} field="names" value={draft.names} onChange={(v) => set('names', v)} errors={paths} maxLength={200} />
        <OptionsEditor value={draft.options} onChange={(v) => set('options', v)} ageBands={ageBands} errors={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="save-category">
            {category ? t('common:actions.save') : t('common:actions.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
