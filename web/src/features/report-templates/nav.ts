import { IconTemplate } from '@tabler/icons-react';
import type { CurrentUser } from '@shared/schemas/index.js';
import type { NavItem } from '../../components/nav.js';

/** Shown to those who shape reports (admins, programme managers, M&E officers); the server decides what each may read and change. */
const makesReports = (u: CurrentUser) => u.memberships.some((m) => m.role === 'admin' || m.role === 'programme_manager' || m.role === 'me_officer');

export const reportTemplatesNav: NavItem[] = [{ to: '/report-templates', label: 'common:nav.reportTemplates', icon: IconTemplate, section: 'main', visible: makesReports }];
