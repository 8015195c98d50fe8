import { IconTable } from '@tabler/icons-react';
import type { NavItem } from '../../../components/nav.js';

/** The consolidated IPTT (the reader's organisation, or a country); project and programme IPTTs open from their pages. */
export const ipttNav: NavItem[] = [{ to: '/iptt', label: 'common:nav.iptt', icon: IconTable, section: 'main' }];
