import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LibraryIndicator } from '@shared/schemas/index.js';
import { indicatorName, TypeBadge } from '../results/labels.js';

/** One adoptable entry as a choice: code and name, with type, unit and where the standard comes from. */
export function LibraryEntryOption({
  entry,
  selected,
  adoptedHere,
  onSelect,
}: {
  entry: LibraryIndicator;
  selected: boolean;
  adoptedHere: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation(['library', 'results']);
  return (
    <UnstyledButton w="100%" onClick={onSelect} role="radio" aria-checked={selected} data-testid="adopt-option" data-code={entry.code}>
      <Paper
        withBorder
        radius="sm"
        px="sm"
        py={6}
        style={{
          borderColor: selected ? 'var(--mantine-color-blue-6)' : undefined,
          background: selected ? 'var(--mantine-color-blue-0)' : undefined,
        }}
      >
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" ff="monospace" fw={700} dir="ltr" style={{ flexShrink: 0 }}>
                {entry.code}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }} dir="auto">
                {indicatorName(entry)}
              </Text>
            </Group>
            <Group gap={6}>
              <TypeBadge type={entry.type} />
              {entry.unit && (
                <Text size="xs" c="dimmed">
                  {t('results:indicator.unit')}: {entry.unit}
                </Text>
              )}
              {entry.source && (
                <Text size="xs" c="dimmed">
                  · {entry.source}
                </Text>
              )}
              {entry.categoryIds.length > 0 && (
                <Text size="xs" c="dimmed">
                  · {t('adopt.categories', { count: entry.categoryIds.length })}
                </Text>
              )}
            </Group>
          </Stack>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            {adoptedHere && (
              <Badge size="sm" variant="outline" color="gray" tt="none">
                {t('adopt.alreadyHere')}
              </Badge>
            )}
            {selected && <IconCheck size={18} color="var(--mantine-color-blue-6)" aria-hidden />}
          </Group>
        </Group>
      </Paper>
    </UnstyledButton>
  );
}
