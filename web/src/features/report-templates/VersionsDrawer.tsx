import { Badge, Button, Card, Drawer, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowBack } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDateTime } from '../../lib/format.js';
import { useTemplateVersion, useTemplateVersions } from './queries.js';

/** Every saved version of a template, newest first, with its date and author; one opens read-only. */
export function VersionsDrawer({ templateId, currentVersion, opened, onClose }: { templateId: string; currentVersion: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('reportTemplates');
  const versions = useTemplateVersions(templateId, opened);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Drawer opened={opened} onClose={onClose} title={t('versions.title')} position="right" size="lg" data-testid="versions-drawer">
      {open === null ? (
        <Stack gap="xs">
          {versions.error && <ErrorAlert error={versions.error} />}
          {versions.isPending && <PageLoader />}
          {versions.data?.items.map((v) => (
            <UnstyledButton key={v.version} onClick={() => setOpen(v.version)} aria-label={t('versions.openLabel', { version: v.version })} data-testid={`version-${v.version}`}>
              <Card withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Text fw={600} size="sm">{t('versions.version', { version: v.version })}</Text>
                      {v.version === currentVersion && <Badge size="xs" variant="light">{t('versions.current')}</Badge>}
                    </Group>
                    <Text size="sm" dir="auto">{v.name}</Text>
                  </Stack>
                  <Stack gap={2} align="flex-end">
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.createdAt)}</Text>
                    <Text size="xs" c="dimmed">{v.createdByName ?? t('versions.system')}</Text>
                    <Text size="xs" c="dimmed">{t('versions.sectionCount', { count: v.sectionCount })}</Text>
                  </Stack>
                </Group>
              </Card>
            </UnstyledButton>
          ))}
        </Stack>
      ) : (
        <VersionView templateId={templateId} version={open} onBack={() => setOpen(null)} />
      )}
    </Drawer>
  );
}

function VersionView({ templateId, version, onBack }: { templateId: string; version: number; onBack: () => void }) {
  const { t } = useTranslation('reportTemplates');
  const v = useTemplateVersion(templateId, version);
  return (
    <Stack gap="sm" data-testid="version-view">
      <Group>
        <Button variant="subtle" size="xs" leftSection={<IconArrowBack size={14} />} onClick={onBack}>{t('versions.back')}</Button>
      </Group>
      {v.error && <ErrorAlert error={v.error} />}
      {v.isPending && <PageLoader />}
      {v.data && (
        <>
          <div>
            <Text fw={700} dir="auto">{v.data.name}</Text>
            <Text size="sm" c="dimmed">
              {t('versions.savedBy', { version: v.data.version, date: formatDateTime(v.data.createdAt), name: v.data.createdByName ?? t('versions.system') })}
            </Text>
            <Text size="xs" c="dimmed">{t('versions.readOnly')}</Text>
          </div>
          {v.data.sections.map((s, i) => (
            <Card withBorder padding="sm" key={s.key} opacity={s.enabled ? 1 : 0.7}>
              <Group gap="xs" mb={4}>
                <Badge variant="light" color="gray" radius="sm">{i + 1}</Badge>
                <Badge variant="light" radius="sm">{t(`kinds.${s.kind}`)}</Badge>
                {!s.enabled && <Badge variant="outline" color="gray" radius="sm">{t('section.off')}</Badge>}
              </Group>
              <Text fw={500} size="sm" dir="auto">{s.title}</Text>
              {s.text && (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} mt={4} dir="auto">
                  {s.text}
                </Text>
              )}
            </Card>
          ))}
        </>
      )}
    </Stack>
  );
}
