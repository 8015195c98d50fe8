import { IconFileReport } from '@tabler/icons-react';
import type { NavItem } from '../../components/nav.js';

/** Country reports (consolidated); a project's or programme's reports open from its page. */
export const reportsNav: NavItem[] = [{ to: '/reports', label: 'common:nav.reports', icon: IconFileReport, section: 'main' }];
