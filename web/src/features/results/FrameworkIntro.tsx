import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LEVEL_COUNT } from '@shared/domain/framework-templates.js';
import type { Framework } from '@shared/schemas/index.js';
import { LEVEL_COLORS, levelName } from './labels.js';

/** The four levels in order, named as this framework names them. */
export function LevelLegend({ framework }: { framework: Framework }) {
  const { t } = useTranslation('results');
  return (
    <Group gap={6} wrap="wrap" aria-label={t('framework.levelsLegend')} role="list">
      {Array.from({ length: LEVEL_COUNT }, (_, i) => (
        <Group key={i} gap={6} wrap="nowrap" role="listitem">
          {i > 0 && (
            <Text c="dimmed" size="sm" aria-hidden>
              ›
            </Text>
          )}
          <Badge variant="dot" color={LEVEL_COLORS[i]} tt="none" size="lg" fw={500}>
            {i + 1}. {levelName(framework.levels, i)}
          </Badge>
        </Group>
      ))}
    </Group>
  );
}

/** An empty framework explains the levels; a programme's words speak of the portfolio, not of one project. */
export function EmptyFramework({ framework, onStart }: { framework: Framework; onStart: () => void }) {
  const { t } = useTranslation('results');
  const names = Array.from({ length: LEVEL_COUNT }, (_, i) => levelName(framework.levels, i));
  const programme = !!framework.programmeId;
  const text = (key: 'body' | 'level0' | 'start' | 'readOnly', params?: Record<string, string>) =>
    programme ? t(`emptyProgramme.${key}`, params) : t(`empty.${key}`, params);
  return (
    <Card withBorder p={{ base: 'md', sm: 'xl' }} data-testid="framework-empty">
      <Stack align="flex-start" gap="sm" maw={720}>
        <Group gap="xs" wrap="nowrap">
          <IconInfoCircle size={22} color="var(--mantine-color-blue-6)" />
          <Title order={3}>{t('empty.title')}</Title>
        </Group>
        <Text>{text('body')}</Text>
        <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {names.map((name, i) => (
            <Group key={i} component="li" gap="xs" wrap="nowrap" align="flex-start" ps={i * 16}>
              <Badge variant="light" color={LEVEL_COLORS[i]} tt="none" styles={{ root: { flexShrink: 0 } }}>
                {i + 1}. {name}
              </Badge>
              <Text size="sm">{i === 0 ? text('level0') : t(`empty.level${i}`)}</Text>
            </Group>
          ))}
        </Stack>
        {framework.canEdit ? (
          <>
            <Text c="dimmed" size="sm">
              {text('start', { level: names[0] ?? '' })}
            </Text>
            <Button leftSection={<IconPlus size={16} />} onClick={onStart}>
              {t('framework.addTop', { level: names[0] })}
            </Button>
          </>
        ) : (
          <Text c="dimmed" size="sm">
            {text('readOnly')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
