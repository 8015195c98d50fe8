import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Translation } from '@shared/schemas/index.js';

/** Where a translation comes from, whether someone checked it, and whether the original moved on since. */
export function TranslationBadges({ translation }: { translation: Translation }) {
  const { t } = useTranslation('evidence');
  const machine = translation.provenance === 'machine';
  return (
    <Group gap={6} data-testid="translation-badges">
      <Badge variant="light" color={machine ? 'grape' : 'blue'} title={machine && translation.provider ? translation.provider : undefined}>
        {machine ? t('translation.machine') : t('translation.human')}
      </Badge>
      <Badge variant="light" color={translation.reviewed ? 'teal' : 'gray'} title={translation.reviewedBy ? t('translation.reviewedBy', { name: translation.reviewedBy.name }) : undefined}>
        {translation.reviewed ? t('translation.reviewed') : t('translation.notReviewed')}
      </Badge>
      {translation.outdated && (
        <Badge variant="filled" color="orange" title={t('translation.outdatedHelp')}>
          {t('translation.outdated')}
        </Badge>
      )}
    </Group>
  );
}
