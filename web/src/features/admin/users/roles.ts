import type { TFunction } from 'i18next';
import type { Membership } from '@shared/schemas/index.js';

/** "Programme manager · Child Labour in Mining", as the home page shows roles. */
export const membershipLabel = (t: TFunction, m: Pick<Membership, 'role' | 'scopeType' | 'scopeName'>) =>
  `${t(`common:roles.${m.role}`)} · ${m.scopeType === 'installation' ? t('common:scope.installation') : (m.scopeName ?? t(`common:scope.${m.scopeType}`))}`;
