import { ActionIcon, Button, Collapse, Group, Input, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconLanguage, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TRANSLATION_LOCALES } from '../../results/TranslationsInput.js';
import { MAX_OPTIONS, type OptionDraft, newOption } from './drafts.js';

/** An option's own problems, listed under its row. */
const ROW_FIELDS = ['code', 'label', 'minAge', 'maxAge', 'id'] as const;

/**
 * The options of a category, in display order (the order of tables and exports). Each row has its
 * code and label; age bands also take their first and last age. Translations open under the row.
 * Problems are keyed `options.<index>.<field>`.
 */
export function OptionsEditor({
  value,
  onChange,
  ageBands,
  errors,
}: {
  value: OptionDraft[];
  onChange: (next: OptionDraft[]) => void;
  ageBands: boolean;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation(['admin', 'results']);
  const set = (index: number, patch: Partial<OptionDraft>) => onChange(value.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  const swap = (i: number, j: number) => {
    const next = [...value];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };

  return (
    <Input.Wrapper
      label={t('disaggregations.options')}
      description={t(ageBands ? 'disaggregations.optionsAgeHelp' : 'disaggregations.optionsHelp')}
      error={errors.options}
      required
      inputWrapperOrder={['label', 'description', 'input', 'error']}
    >
      <Stack gap={6} mt={6} data-testid="options-editor">
        <Group gap={6} wrap="nowrap" ps={37} pe={8 + 2 * 34} aria-hidden>
          <Text size="xs" fw={500} c="dimmed" w={110}>
            {t('disaggregations.code')}
          </Text>
          <Text size="xs" fw={500} c="dimmed" style={{ flex: 1 }}>
            {t('disaggregations.label')}
          </Text>
          {ageBands && (
            <>
              <Text size="xs" fw={500} c="dimmed" w={84}>
                {t('disaggregations.minAge')}
              </Text>
              <Text size="xs" fw={500} c="dimmed" w={84}>
                {t('disaggregations.maxAge')}
              </Text>
            </>
          )}
        </Group>
        {value.map((o, i) => {
          const name = o.label.trim() || o.code.trim() || t('disaggregations.optionNumber', { number: i + 1 });
          const translated = TRANSLATION_LOCALES.filter((l) => o.labels[l]?.trim()).length;
          const translationError = TRANSLATION_LOCALES.some((l) => errors[`options.${i}.labels.${l}`]);
          const rowProblems = ROW_FIELDS.map((f) => errors[`options.${i}.${f}`]).filter((m): m is string => !!m);
          return (
            <Paper key={o.key} withBorder radius="sm" p={8} data-testid="option-row">
              <Group gap={6} wrap="nowrap" align="flex-start">
                <Stack gap={0} pt={2}>
                  <ActionIcon size="sm" variant="subtle" color="gray" disabled={i === 0} onClick={() => swap(i, i - 1)} aria-label={t('disaggregations.optionUp', { name })}>
                    <IconChevronUp size={14} />
                  </ActionIcon>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="gray"
                    disabled={i === value.length - 1}
                    onClick={() => swap(i, i + 1)}
                    aria-label={t('disaggregations.optionDown', { name })}
                  >
                    <IconChevronDown size={14} />
                  </ActionIcon>
                </Stack>
                <TextInput
                  aria-label={t('disaggregations.optionCode', { number: i + 1 })}
                  placeholder={t('disaggregations.code')}
                  value={o.code}
                  onChange={(e) => set(i, { code: e.currentTarget.value })}
                  error={!!errors[`options.${i}.code`]}
                  maxLength={40}
                  w={110}
                  dir="ltr"
                  ff="monospace"
                  autoComplete="off"
                  name={`options.${i}.code`}
                />
                <TextInput
                  aria-label={t('disaggregations.optionLabel', { number: i + 1 })}
                  placeholder={t('disaggregations.label')}
                  value={o.label}
                  onChange={(e) => set(i, { label: e.currentTarget.value })}
                  error={!!errors[`options.${i}.label`]}
                  maxLength={200}
                  style={{ flex: 1, minWidth: 0 }}
                  dir="auto"
                  name={`options.${i}.label`}
                />
                {ageBands && (
                  <>
                    <NumberInput
                      aria-label={t('disaggregations.minAgeOf', { name })}
                      placeholder={t('disaggregations.minAge')}
                      value={o.minAge}
                      onChange={(v) => set(i, { minAge: v })}
                      error={!!errors[`options.${i}.minAge`]}
                      min={0}
                      max={150}
                      allowDecimal={false}
                      allowNegative={false}
                      w={84}
                      hideControls
                    />
                    <NumberInput
                      aria-label={t('disaggregations.maxAgeOf', { name })}
                      placeholder={t('disaggregations.andOver')}
                      value={o.maxAge}
                      onChange={(v) => set(i, { maxAge: v })}
                      error={!!errors[`options.${i}.maxAge`]}
                      min={0}
                      max={150}
                      allowDecimal={false}
                      allowNegative={false}
                      w={84}
                      hideControls
                    />
                  </>
                )}
                <Tooltip label={t('disaggregations.optionTranslations')}>
                  <ActionIcon
                    variant={o.showTranslations || translated > 0 ? 'light' : 'subtle'}
                    color={translationError ? 'red' : undefined}
                    mt={4}
                    onClick={() => set(i, { showTranslations: !o.showTranslations })}
                    aria-expanded={o.showTranslations || translationError}
                    aria-label={t('disaggregations.translationsOf', { name })}
                  >
                    <IconLanguage size={16} />
                  </ActionIcon>
                </Tooltip>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={4}
                  disabled={value.length <= 2}
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                  aria-label={t('disaggregations.removeOption', { name })}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Group>
              {rowProblems.length > 0 && (
                <Text size="xs" c="red" ps={30} pt={4} role="alert" data-testid="option-problem">
                  {rowProblems.join(' ')}
                </Text>
              )}
              <Collapse expanded={o.showTranslations || translationError}>
                <SimpleGrid cols={{ base: 1, sm: 3 }} mt={8} ps={30} spacing="xs">
                  {TRANSLATION_LOCALES.map((locale) => (
                    <TextInput
                      key={locale}
                      size="xs"
                      label={t(`results:languages.${locale}`)}
                      value={o.labels[locale] ?? ''}
                      onChange={(e) => set(i, { labels: { ...o.labels, [locale]: e.currentTarget.value } })}
                      error={errors[`options.${i}.labels.${locale}`]}
                      dir={locale === 'ar' ? 'rtl' : 'ltr'}
                      lang={locale}
                      maxLength={200}
                    />
                  ))}
                </SimpleGrid>
              </Collapse>
            </Paper>
          );
        })}
        <Group justify="space-between">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...value, newOption()])}
            disabled={value.length >= MAX_OPTIONS}
            data-testid="add-option"
          >
            {t('disaggregations.addOption')}
          </Button>
          {ageBands && (
            <Text size="xs" c="dimmed">
              {t('disaggregations.ageColumns')}
            </Text>
          )}
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
