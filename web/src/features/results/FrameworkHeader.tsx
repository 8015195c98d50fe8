import { Badge, Button, Group, Select, Text } from '@mantine/core';
import { IconPlus, IconTags } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FRAMEWORK_TEMPLATES, type FrameworkTemplate } from '@shared/domain/framework-templates.js';
import type { Framework } from '@shared/schemas/index.js';
import { PageHeader } from '../../components/PageHeader.js';
import { levelName } from './labels.js';

/**
 * The page title with the framework-wide actions: template, level names, a new top-level result.
 * `extra` holds further actions (import, export…) that other features add beside these.
 */
export function FrameworkHeader({
  framework,
  subtitle,
  onTemplate,
  onRename,
  onAddTop,
  extra,
}: {
  framework: Framework;
  subtitle?: string;
  onTemplate: (template: FrameworkTemplate) => void;
  onRename: () => void;
  onAddTop: () => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation('results');
  const hasNodes = framework.nodes.length > 0;
  const title = framework.programmeId ? t('framework.programmeTitle') : t('framework.title');
  return (
    <PageHeader
      title={title}
      subtitle={subtitle}
      actions={
        !framework.canEdit ? (
          <>
            <Badge variant="outline" color="gray" tt="none" size="lg" fw={500} data-testid="template-badge">
              {t('framework.template')}: {t(`templates.${framework.template}`)}
            </Badge>
            {extra}
          </>
        ) : (
          <>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" c="dimmed" component="label" htmlFor="framework-template">
                {t('framework.template')}
              </Text>
              <Select
                id="framework-template"
                data={FRAMEWORK_TEMPLATES.map((v) => ({ value: v, label: t(`templates.${v}`) }))}
                value={framework.template}
                onChange={(v) => v && v !== framework.template && onTemplate(v as FrameworkTemplate)}
                allowDeselect={false}
                w={160}
                data-testid="template-select"
              />
            </Group>
            <Button variant="default" leftSection={<IconTags size={16} />} onClick={onRename}>
              {t('framework.renameLevels')}
            </Button>
            {extra}
            {hasNodes && (
              <Button leftSection={<IconPlus size={16} />} onClick={onAddTop}>
                {t('framework.addTop', { level: levelName(framework.levels, 0) })}
              </Button>
            )}
          </>
        )
      }
    />
  );
}
