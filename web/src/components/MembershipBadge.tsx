import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Membership } from '@shared/schemas/index.js';

type Grant = Pick<Membership, 'role' | 'scopeType' | 'scopeName'>;

/** "Programme manager · Child Labour-Free Mining Supply Chains". */
export const membershipLabel = (t: TFunction, m: Grant) =>
  `${t(`common:roles.${m.role}`)} · ${m.scopeType === 'installation' ? t('common:scope.installation') : (m.scopeName ?? t(`common:scope.${m.scopeType}`))}`;

// Long scope names must wrap rather than be cut off (Arabic role names are longer still).
const WRAPPING = { label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.35 } } as const;

export function MembershipBadge({ membership }: { membership: Grant }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" tt="none" fw={500} h="auto" py={3} styles={WRAPPING}>
      {membershipLabel(t, membership)}
    </Badge>
  );
}
