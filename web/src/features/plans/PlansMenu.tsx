import { Button, Menu } from '@mantine/core';
import { IconCalendarTime, IconCash, IconChevronDown, IconGitPullRequest, IconReceipt, IconReportMoney } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MONEY_READERS } from '@shared/plans-roles.js';
import type { Programme } from '@shared/schemas/index.js';
import { useCurrentUser } from '../auth/session.js';
import { programmeQueries } from '../projects/queries.js';
import { holdsProjectRole } from './project-roles.js';

/**
 * The project page's "Plans and budget" menu: the work plan and change requests for everyone who
 * sees the project; the budget, expenditures and budget vs actual for those who may see money.
 */
export function PlansMenu({ project, programme }: { project: { id: string; programmeId: string }; programme: Pick<Programme, 'id' | 'organisationId'> | undefined }) {
  const { t } = useTranslation('plans');
  const user = useCurrentUser();
  // The project page asks for the programme only of managers; an organisation-wide finance role
  // (finance officer, M&E officer, budget holder of the organisation) needs its owner organisation too.
  const needsProgramme = !programme && user.memberships.some((m) => m.scopeType === 'organisation' && MONEY_READERS.includes(m.role as (typeof MONEY_READERS)[number]));
  const ownProgramme = useQuery({ ...programmeQueries.detail(project.programmeId), enabled: needsProgramme });
  const money = holdsProjectRole(user, project, programme ?? ownProgramme.data, MONEY_READERS);
  const base = `/projects/${project.id}`;
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button variant="light" leftSection={<IconCalendarTime size={16} />} rightSection={<IconChevronDown size={14} />}>
          {t('menu.label')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={`${base}/work-plan`} leftSection={<IconCalendarTime size={16} />}>
          {t('menu.workPlan')}
        </Menu.Item>
        {money && (
          <>
            <Menu.Item component={Link} to={`${base}/budget`} leftSection={<IconCash size={16} />}>
              {t('menu.budget')}
            </Menu.Item>
            <Menu.Item component={Link} to={`${base}/expenditures`} leftSection={<IconReceipt size={16} />}>
              {t('menu.expenditures')}
            </Menu.Item>
            <Menu.Item component={Link} to={`${base}/budget-vs-actual`} leftSection={<IconReportMoney size={16} />}>
              {t('menu.budgetVsActual')}
            </Menu.Item>
          </>
        )}
        <Menu.Item component={Link} to={`${base}/change-requests`} leftSection={<IconGitPullRequest size={16} />}>
          {t('menu.changeRequests')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
