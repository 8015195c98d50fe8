import { IconBooks } from '@tabler/icons-react';
import type { NavItem } from '../../components/nav.js';
import { hasOrganisationRole } from './organisation-choice.js';

/** Shown to those with a role on an organisation, who may read its library; project staff adopt from their framework instead. */
export const libraryNav: NavItem[] = [{ to: '/library', label: 'library:nav.library', icon: IconBooks, section: 'main', visible: hasOrganisationRole }];
