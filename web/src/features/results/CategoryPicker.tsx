import { ActionIcon, Group, Input, Paper, Select, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { combinations } from '@shared/domain/disaggregations.js';
import type { DisaggregationCategory } from '@shared/schemas/index.js';
import { formatNumber } from '../../lib/format.js';
import { categoryName, optionLabel } from './labels.js';

/** The schema allows four: beyond that the combinations outgrow any table a person can fill. */
export const MAX_CATEGORIES = 4;

/**
 * Picks an indicator's disaggregation categories, in order: the order is the order of the
 * combinations in tables and exports (sex × age lists F 0–4, F 5–11… before M 0–4). Each chosen
 * category shows its options, so the user sees what the split will be.
 */
export function CategoryPicker({
  categories,
  value,
  onChange,
  disabled,
  error,
}: {
  categories: DisaggregationCategory[];
  value: string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
  error?: string;
}) {
  const { t } = useTranslation('results');
  const chosen = value.map((id) => categories.find((c) => c.id === id) ?? null);
  const available = categories.filter((c) => !value.includes(c.id));
  const known = chosen.filter((c): c is DisaggregationCategory => c !== null);
  const count = combinations(known).length;
  const swap = (i: number, j: number) => {
    const next = [...value];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };

  return (
    <Input.Wrapper
      label={t('categories.label')}
      description={t('categories.help')}
      error={error}
      inputWrapperOrder={['label', 'description', 'input', 'error']}
      data-testid="field-categories"
    >
      <Stack gap={6} mt={6}>
        {value.length === 0 && (
          <Text size="sm" c="dimmed">
            {categories.length ? t('categories.none') : t('categories.noneDefined')}
          </Text>
        )}
        {chosen.map((c, i) => (
          <Paper key={value[i]} withBorder radius="sm" px="sm" py={6} data-testid="chosen-category">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {i + 1}. {c ? categoryName(c) : t('categories.unknown')}
                </Text>
                {c && (
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {c.options.map(optionLabel).join(' · ')}
                  </Text>
                )}
              </Stack>
              {!disabled && (
                <Group gap={2} wrap="nowrap">
                  <ActionIcon variant="subtle" color="gray" disabled={i === 0} onClick={() => swap(i, i - 1)} aria-label={t('categories.up', { name: c ? categoryName(c) : '' })}>
                    <IconChevronUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={i === value.length - 1}
                    onClick={() => swap(i, i + 1)}
                    aria-label={t('categories.down', { name: c ? categoryName(c) : '' })}
                  >
                    <IconChevronDown size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => onChange(value.filter((_, j) => j !== i))}
                    aria-label={t('categories.remove', { name: c ? categoryName(c) : '' })}
                  >
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              )}
            </Group>
          </Paper>
        ))}
        {known.length > 1 && (
          <Text size="xs" c="dimmed" data-testid="combination-count">
            {t('categories.combinations', { count, formatted: formatNumber(count) })}
          </Text>
        )}
        {!disabled && available.length > 0 && value.length < MAX_CATEGORIES && (
          <Select
            aria-label={t('categories.add')}
            placeholder={t('categories.add')}
            data={available.map((c) => ({ value: c.id, label: categoryName(c) }))}
            value={null}
            onChange={(id) => id && onChange([...value, id])}
            renderOption={({ option }) => {
              const c = available.find((x) => x.id === option.value);
              return (
                <Stack gap={0}>
                  <Text size="sm">{option.label}</Text>
                  {c && (
                    <Text size="xs" c="dimmed">
                      {c.options.map(optionLabel).join(' · ')}
                    </Text>
                  )}
                </Stack>
              );
            }}
            comboboxProps={{ withinPortal: true }}
            maw={360}
            data-testid="field-add-category"
          />
        )}
      </Stack>
    </Input.Wrapper>
  );
}
