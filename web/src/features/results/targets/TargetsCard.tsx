import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@shared/schemas/index.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { useIndicatorTargets } from '../queries.js';
import { TargetsEditor } from './TargetsEditor.js';

/** The indicator page's targets section. Qualitative indicators describe change in words and take no targets. */
export function TargetsCard({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation('results');
  const qualitative = indicator.type === 'qualitative';
  const targets = useIndicatorTargets(indicator.id, !qualitative);
  // Bumped after a save: the editor starts again from the saved targets.
  const [version, setVersion] = useState(0);
  const frequency = t(`frequencies.${indicator.frequency}`);

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="targets-title" data-testid="targets">
      <Stack gap="sm">
        <div>
          <Title order={3} id="targets-title">
            {t('targets.title')}
          </Title>
          {!qualitative && (
            <Text size="sm" c="dimmed">
              {t('targets.help', { frequency: frequency.toLocaleLowerCase() })}
            </Text>
          )}
        </div>
        {qualitative ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="targets-qualitative">
            {t('targets.qualitative')}
          </Alert>
        ) : targets.isPending ? (
          <PageLoader />
        ) : targets.error ? (
          <ErrorAlert error={targets.error} />
        ) : (
          <>
            {targets.data.periods.length === 0 && indicator.frequency !== 'lop' && (
              <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
                {indicator.programmeId ? t('targets.noPeriodsProgramme') : t('targets.noPeriods')}
              </Alert>
            )}
            <TargetsEditor key={version} indicator={indicator} data={targets.data} onSaved={() => setVersion((v) => v + 1)} />
          </>
        )}
      </Stack>
    </Card>
  );
}
