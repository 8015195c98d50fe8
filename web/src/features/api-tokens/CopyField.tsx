import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A secret or an address shown in full (left to right in every language) with a copy button. */
export function CopyField({ value, testId, block = false }: { value: string; testId?: string; block?: boolean }) {
  const { t } = useTranslation('apiTokens');
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code block={block} dir="ltr" style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid={testId}>
        {value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('copied') : t('copy')} withArrow>
            <ActionIcon variant="light" color={copied ? 'teal' : 'blue'} onClick={copy} aria-label={copied ? t('copied') : t('copy')} data-testid={testId ? `${testId}-copy` : undefined}>
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
