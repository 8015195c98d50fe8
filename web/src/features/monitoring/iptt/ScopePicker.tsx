import { Group, SegmentedControl, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountries, useOrganisations } from '../../../api/lookups.js';
import { placeName } from '../../../lib/format.js';

export type ConsolidatedScope = 'organisation' | 'country';

/**
 * Which consolidated table: an organisation's or a country's. Countries go by the code projects
 * carry (the country location's P-code, ISO 3166 alpha-3).
 */
export function ScopePicker({ scope, id, onChange }: { scope: ConsolidatedScope; id: string; onChange: (scope: ConsolidatedScope, id: string) => void }) {
  const { t } = useTranslation('iptt');
  const organisations = useOrganisations();
  const countries = useCountries();
  const data =
    scope === 'organisation'
      ? (organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name }))
      : (countries.data?.items ?? []).map((c) => ({ value: c.pcode, label: placeName(c) }));
  const loading = scope === 'organisation' ? organisations.isPending : countries.isPending;
  return (
    <Group gap="sm" wrap="wrap" align="flex-end" data-testid="iptt-scope-picker">
      <SegmentedControl
        aria-label={t('picker.scope')}
        value={scope}
        onChange={(v) => onChange(v as ConsolidatedScope, '')}
        data={[
          { value: 'organisation', label: t('scopes.organisation') },
          { value: 'country', label: t('scopes.country') },
        ]}
      />
      <Select
        aria-label={scope === 'organisation' ? t('picker.organisation') : t('picker.country')}
        placeholder={loading ? t('common:common.loading') : scope === 'organisation' ? t('picker.organisation') : t('picker.country')}
        data={data}
        value={id || null}
        onChange={(v) => v && onChange(scope, v)}
        searchable
        nothingFoundMessage={t('common:common.noResults')}
        miw={280}
      />
    </Group>
  );
}
