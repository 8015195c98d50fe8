import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconBooks, IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Framework, Indicator } from '@shared/schemas/index.js';
import { indicatorName } from './labels.js';
import type { FrameworkOwner } from './owner.js';
import { useLibraryEntry } from './queries.js';

/** "PROT-01 — People reached with protection services · Global Protection Cluster", once loaded. */
export function LibraryEntryName({ id, owner }: { id: string; owner: FrameworkOwner }) {
  const entry = useLibraryEntry(id, owner).data;
  if (!entry) return null;
  return (
    <Text size="sm" dir="auto" data-testid="library-entry">
      <Text span ff="monospace" fw={600} dir="ltr" inherit>
        {entry.code}
      </Text>{' '}
      — {indicatorName(entry)}
      {entry.source ? ` · ${entry.source}` : ''}
    </Text>
  );
}

/**
 * Says that an indicator follows a library entry, and offers to unlink it. While linked, the
 * fields that make values comparable across projects (type, unit, aggregation, categories) are
 * locked, as the server locks them; unlinking happens on save, with the reason for the change.
 */
export function LibraryLinkNotice({
  libraryId,
  owner,
  unlinking,
  onUnlink,
}: {
  libraryId: string;
  owner: FrameworkOwner;
  unlinking: boolean;
  onUnlink: (unlink: boolean) => void;
}) {
  const { t } = useTranslation('results');
  if (unlinking) {
    return (
      <Alert color="yellow" variant="light" icon={<IconLinkOff size={18} />} data-testid="library-unlinking">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" style={{ flex: '1 1 280px' }}>
            {t('library.unlinking')}
          </Text>
          <Button size="compact-sm" variant="default" onClick={() => onUnlink(false)}>
            {t('library.keepLink')}
          </Button>
        </Group>
      </Alert>
    );
  }
  return (
    <Alert color="blue" variant="light" icon={<IconBooks size={18} />} data-testid="library-linked">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ flex: '1 1 280px' }}>
          <Text size="sm" fw={600}>
            {t('library.linked')}
          </Text>
          <LibraryEntryName id={libraryId} owner={owner} />
          <Text size="sm">{t('library.locked')}</Text>
        </Stack>
        <Button size="compact-sm" variant="default" color="red" leftSection={<IconLinkOff size={14} />} onClick={() => onUnlink(true)}>
          {t('library.unlink')}
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * The programme indicator a project indicator rolls up into. Only indicators of the same type can
 * be added together, so the others are listed but disabled.
 */
export function ContributesToSelect({
  framework,
  type,
  value,
  onChange,
  error,
}: {
  framework: Framework;
  type: Indicator['type'] | '';
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation('results');
  const options = framework.programmeIndicators.map((p) => ({
    value: p.id,
    label: `${p.code} — ${p.name}${p.type !== type ? ` (${t(`types.${p.type}`)})` : ''}`,
    disabled: p.type !== type,
  }));
  const description = framework.programmeIndicators.length === 0 ? t('rollUp.noneAvailable') : !type ? t('rollUp.typeFirst') : t('rollUp.help');
  return (
    <Select
      label={t('rollUp.label')}
      description={description}
      placeholder={t('rollUp.placeholder')}
      data={options}
      value={value}
      onChange={onChange}
      error={error}
      clearable
      searchable
      disabled={framework.programmeIndicators.length === 0}
      comboboxProps={{ withinPortal: true }}
      data-testid="field-contributes-to"
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );
}

/** The browser's check of a roll-up link: the programme indicator must be of the indicator's type. */
export function rollUpMismatch(framework: Framework, type: Indicator['type'] | '', contributesToId: string | null): boolean {
  if (!contributesToId) return false;
  const target = framework.programmeIndicators.find((p) => p.id === contributesToId);
  return !!target && target.type !== type;
}
