import { Button } from '@mantine/core';
import { IconFileReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "Reports" beside a project's or programme's IPTT and Dashboard buttons; the page loads on click. */
export function ReportsButton({ scope, id }: { scope: 'project' | 'programme'; id: string }) {
  const { t } = useTranslation('reports');
  return (
    <Button component={Link} to={`/${scope === 'project' ? 'projects' : 'programmes'}/${id}/reports`} variant="light" leftSection={<IconFileReport size={16} />} data-testid="reports-link">
      {t('link')}
    </Button>
  );
}
