import { IconBriefcase, IconFolders } from '@tabler/icons-react';
import type { NavItem } from '../../components/nav.js';

export const projectsNav: NavItem[] = [
  { to: '/programmes', label: 'projects:nav.programmes', icon: IconFolders, section: 'main' },
  { to: '/projects', label: 'projects:nav.projects', icon: IconBriefcase, section: 'main' },
];
