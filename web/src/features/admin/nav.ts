import { IconBuildingCommunity, IconHistory, IconMapPin, IconUsers } from '@tabler/icons-react';
import type { NavItem } from '../../components/nav.js';
import { isAdmin, isInstallationAdmin } from './access.js';

export const adminNav: NavItem[] = [
  { to: '/admin/organisations', label: 'admin:nav.organisations', icon: IconBuildingCommunity, section: 'admin', visible: isAdmin },
  { to: '/admin/users', label: 'admin:nav.users', icon: IconUsers, section: 'admin', visible: isAdmin },
  { to: '/admin/locations', label: 'admin:nav.locations', icon: IconMapPin, section: 'admin', visible: isInstallationAdmin },
  { to: '/admin/audit', label: 'admin:nav.audit', icon: IconHistory, section: 'admin', visible: isAdmin },
];
