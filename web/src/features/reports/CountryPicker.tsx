import { Alert, Select } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCountryName } from '../projects/labels.js';
import { useProjects } from '../projects/queries.js';

/**
 * The countries of the projects the reader can see: a country report consolidates exactly those
 * projects, so a country without any would be an empty report.
 */
export function CountryPicker({ value, onChange }: { value: string; onChange: (country: string) => void }) {
  const { t } = useTranslation('reports');
  const projects = useProjects({ limit: 500 });
  const countryName = useCountryName();
  const codes = useMemo(() => [...new Set((projects.data?.items ?? []).flatMap((p) => p.countries))], [projects.data]);
  const data = codes.map((code) => ({ value: code, label: countryName(code) })).sort((a, b) => a.label.localeCompare(b.label));

  if (projects.error) return <ErrorAlert error={projects.error} />;
  if (projects.isSuccess && codes.length === 0) {
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
        {t('country.none')}
      </Alert>
    );
  }
  return (
    <Select
      label={t('country.label')}
      placeholder={projects.isPending ? t('common:common.loading') : t('country.placeholder')}
      data={data}
      value={value || null}
      onChange={(v) => v && onChange(v)}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('common:common.noResults')}
      maw={360}
      data-testid="report-country"
    />
  );
}
