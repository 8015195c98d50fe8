import { Button } from '@mantine/core';
import { IconMap2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "Map" on the indicator page; a qualitative indicator has no figure to map. */
export function MapButton({ indicatorId, type }: { indicatorId: string; type: string }) {
  const { t } = useTranslation('dashboard');
  if (type === 'qualitative') return null;
  return (
    <Button component={Link} to={`/indicators/${indicatorId}/map`} variant="light" leftSection={<IconMap2 size={16} />} data-testid="indicator-map-link">
      {t('map.link')}
    </Button>
  );
}
