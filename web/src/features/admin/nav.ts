import { IconBuildingCommunity, IconChartPie, IconHistory, IconMapPin, IconUsers } from '@tabler/icons-react';
import type { NavItem } from '../../components/nav.js';
import { isAdmin, isInstallationAdmin, worksOnFrameworks } from './access.js';

export const adminNav: NavItem[] = [
  { to: '/admin/organisations', label: 'admin:nav.organisations', icon: IconBuildingCommunity, section: 'admin', visible: isAdmin },
  { to: '/admin/users', label: 'admin:nav.users', icon: IconUsers, section: 'admin', visible: isAdmin },
  { to: '/admin/disaggregations', label: 'admin:nav.disaggregations', icon: IconChartPie, section: 'admin', visible: worksOnFrameworks },
  { to: '/admin/locations', label: 'admin:nav.locations', icon: IconMapPin, section: 'admin', visible: isInstallationAdmin },
  { to: '/admin/audit', label: 'admin:nav.audit', icon: IconHistory, section: 'admin', visible: isAdmin },
];
