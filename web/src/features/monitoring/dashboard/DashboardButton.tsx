import { Button } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** "Dashboard" beside a project's or programme's other buttons; the page itself (and its charts) loads on click. */
export function DashboardButton({ scope, id }: { scope: 'project' | 'programme'; id: string }) {
  const { t } = useTranslation('dashboard');
  return (
    <Button component={Link} to={`/${scope === 'project' ? 'projects' : 'programmes'}/${id}/dashboard`} variant="light" leftSection={<IconChartBar size={16} />} data-testid="dashboard-link">
      {t('link')}
    </Button>
  );
}
