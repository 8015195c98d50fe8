import { IconCalendarDue } from '@tabler/icons-react';
import type { NavItem } from '../../components/nav.js';

/** Everyone signed in: the calendar lists the agreements of the projects each reader can see. */
export const agreementsNav: NavItem[] = [{ to: '/report-calendar', label: 'common:nav.reportCalendar', icon: IconCalendarDue, section: 'main' }];
