import { Fieldset, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANGE_REASONS, type ChangeReason } from '@shared/domain/framework-templates.js';
import { errorMessage } from '@shared/i18n/error-messages.js';
import { currentLocale } from '../../i18n/index.js';
import type { FieldProblem } from './form-problems.js';

export interface Why {
  reason: ChangeReason | '';
  note: string;
}

export const NO_WHY: Why = { reason: '', note: '' };

/**
 * The browser's own check of a reason: one is required, and "other" needs a note (the server asks
 * the same; saying so before sending saves a round trip). Problems are keyed `why.reason`, `why.note`.
 */
export function whyProblems(why: Why): FieldProblem[] {
  const required = errorMessage('required', currentLocale());
  const problems: FieldProblem[] = [];
  if (!why.reason) problems.push({ field: 'why.reason', message: required });
  if (why.reason === 'other' && !why.note.trim()) problems.push({ field: 'why.note', message: required });
  return problems;
}

/** "Why is this changing?": every change to an indicator's definition or targets records a reason. */
export function ChangeReasonFields({ value, onChange, errors }: { value: Why; onChange: (why: Why) => void; errors: { reason?: string; note?: string } }) {
  const { t } = useTranslation('results');
  return (
    <Fieldset
      legend={t('indicatorForm.sections.why')}
      radius="md"
      styles={{ root: { borderColor: 'var(--mantine-color-yellow-5)', background: 'var(--mantine-color-yellow-0)' } }}
    >
      <Stack gap="sm">
        <Select
          label={t('indicatorForm.reason')}
          data={CHANGE_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
          value={value.reason || null}
          onChange={(v) => onChange({ ...value, reason: (v ?? '') as ChangeReason | '' })}
          error={errors.reason}
          required
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="field-reason"
        />
        <Textarea
          label={t('indicatorForm.note')}
          description={t('indicatorForm.noteHelp')}
          value={value.note}
          onChange={(e) => onChange({ ...value, note: e.currentTarget.value })}
          error={errors.note}
          required={value.reason === 'other'}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          name="note"
        />
      </Stack>
    </Fieldset>
  );
}
