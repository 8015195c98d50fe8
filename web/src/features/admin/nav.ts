import { IconBuildingCommunity, IconHistory, IconMapPin, IconUsers } from '@tabler/icons-react';
import type { CurrentUser } from '@shared/schemas/index.js';
import type { NavItem } from '../../components/nav.js';

const isAdmin = (u: CurrentUser) => u.memberships.some((m) => m.role === 'admin');
const isInstallationAdmin = (u: CurrentUser) => u.memberships.some((m) => m.role === 'admin' && m.scopeType === 'installation');

export const adminNav: NavItem[] = [
  { to: '/admin/organisations', label: 'admin:nav.organisations', icon: IconBuildingCommunity, section: 'admin', visible: isAdmin },
  { to: '/admin/users', label: 'admin:nav.users', icon: IconUsers, section: 'admin', visible: isAdmin },
  { to: '/admin/locations', label: 'admin:nav.locations', icon: IconMapPin, section: 'admin', visible: isInstallationAdmin },
  { to: '/admin/audit', label: 'admin:nav.audit', icon: IconHistory, section: 'admin', visible: isAdmin },
];
