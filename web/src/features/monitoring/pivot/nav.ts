import { IconTablePlus } from '@tabler/icons-react';
import type { NavItem } from '../../../components/nav.js';

/** Everyone signed in may build pivots: the server answers with the figures each reader may see. */
export const pivotNav: NavItem[] = [{ to: '/pivot', label: 'common:nav.pivot', icon: IconTablePlus, section: 'main' }];
