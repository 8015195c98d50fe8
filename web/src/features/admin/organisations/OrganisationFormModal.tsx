import { Autocomplete, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateOrganisationBody, type Organisation } from '@shared/schemas/index.js';
import { ApiError } from '../../../api/client.js';
import { useCodelist, useCountries } from '../../../api/lookups.js';
import { placeName } from '../../../lib/format.js';
import { ActionError } from '../components/PageError.js';
import { orNull, serverFieldErrors, zodFieldErrors } from '../components/forms.js';
import { monthOptions } from '../components/months.js';
import { useCreateOrganisation, useUpdateOrganisation } from './queries.js';
import { OrganisationLogoField } from '../../report-templates/OrganisationLogoField.js';

const FIELDS = ['name', 'acronym', 'type', 'countryCode', 'iatiIdentifier', 'website', 'fiscalYearStartMonth'];

/** Create (organisation = null) or edit an organisation. Server problems appear next to their fields. */
export function OrganisationFormModal({ organisation, opened, onClose }: { organisation: Organisation | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={organisation ? t('organisations.editTitle', { name: organisation.name }) : t('organisations.createTitle')}
      size="lg"
      fullScreen={phone}
    >
      {/* Keyed so the form starts from the organisation's values each time it opens. */}
      {opened && <OrganisationForm key={organisation?.id ?? 'new'} organisation={organisation} onDone={onClose} />}
    </Modal>
  );
}

function OrganisationForm({ organisation, onDone }: { organisation: Organisation | null; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const types = useCodelist('organisation-types');
  const countries = useCountries();
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  const mutation = organisation ? update : create;
  const [name, setName] = useState(organisation?.name ?? '');
  const [acronym, setAcronym] = useState(organisation?.acronym ?? '');
  const [type, setType] = useState<string | null>(organisation?.type ?? null);
  const [countryCode, setCountryCode] = useState(organisation?.countryCode ?? '');
  const [iatiIdentifier, setIatiIdentifier] = useState(organisation?.iatiIdentifier ?? '');
  const [website, setWebsite] = useState(organisation?.website ?? '');
  const [fiscalMonth, setFiscalMonth] = useState(String(organisation?.fiscalYearStartMonth ?? 1));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const months = useMemo(() => monthOptions(), []);
  const countryByCode = useMemo(() => new Map((countries.data?.items ?? []).map((c) => [c.pcode, c])), [countries.data]);
  const knownCountry = countryByCode.get(countryCode.trim().toUpperCase());

  const server = serverFieldErrors(mutation.error);
  // Names are unique whatever their case (an index on lower(name)). A 409 that names no field is taken
  // as the name too: it is the only other unique value an organisation has besides its IATI identifier.
  const conflict = mutation.error instanceof ApiError && mutation.error.status === 409;
  if (conflict) {
    if (server.iatiIdentifier) server.iatiIdentifier = t('organisations.duplicateIati');
    else server.name = t('organisations.duplicateName');
  }
  const errors = { ...server, ...localErrors };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: name.trim(),
      acronym: orNull(acronym),
      type: type ?? undefined,
      countryCode: orNull(countryCode)?.toUpperCase() ?? null,
      iatiIdentifier: orNull(iatiIdentifier),
      website: orNull(website),
      fiscalYearStartMonth: Number(fiscalMonth),
    };
    const parsed = CreateOrganisationBody.safeParse(body, { reportInput: true });
    if (!parsed.success) {
      setLocalErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setLocalErrors({});
    const onSuccess = () => {
      notifications.show({ color: 'teal', message: organisation ? t('organisations.saved') : t('organisations.created', { name: parsed.data.name }) });
      onDone();
    };
    if (organisation) update.mutate({ id: organisation.id, body: parsed.data }, { onSuccess });
    else create.mutate(parsed.data, { onSuccess });
  };

  const clear = (field: string) => setLocalErrors(({ [field]: _, ...rest }) => rest);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!conflict && <ActionError error={mutation.error} placed={FIELDS} />}
        <TextInput
          label={t('organisations.name')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            clear('name');
          }}
          error={errors.name}
          required
          maxLength={200}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('organisations.acronym')}
            value={acronym}
            onChange={(e) => setAcronym(e.currentTarget.value)}
            error={errors.acronym}
            maxLength={30}
          />
          <Select
            label={t('organisations.type')}
            description={t('organisations.typeHelp')}
            data={(types.data?.items ?? []).map((i) => ({ value: i.code, label: i.name }))}
            value={type}
            onChange={(v) => {
              setType(v);
              clear('type');
            }}
            error={errors.type}
            searchable
            required
            nothingFoundMessage={t('common:common.noResults')}
          />
          <Autocomplete
            label={t('organisations.country')}
            description={knownCountry ? placeName(knownCountry) : t('organisations.countryHelp')}
            data={[...countryByCode.keys()]}
            renderOption={({ option }) => (
              <Text size="sm">
                <Text span ff="monospace" size="sm">{option.value}</Text> · {countryByCode.get(option.value) ? placeName(countryByCode.get(option.value)!) : ''}
              </Text>
            )}
            value={countryCode}
            onChange={(v) => {
              setCountryCode(v.toUpperCase().slice(0, 3));
              clear('countryCode');
            }}
            error={errors.countryCode}
            maxLength={3}
            placeholder="MLI"
            autoComplete="off"
          />
          <Select
            label={t('organisations.fiscalYearStart')}
            description={t('organisations.fiscalYearStartHelp')}
            data={months}
            value={fiscalMonth}
            onChange={(v) => setFiscalMonth(v ?? '1')}
            allowDeselect={false}
            error={errors.fiscalYearStartMonth}
          />
        </SimpleGrid>
        <TextInput
          label={t('organisations.iatiIdentifier')}
          description={t('organisations.iatiIdentifierHelp')}
          value={iatiIdentifier}
          onChange={(e) => {
            setIatiIdentifier(e.currentTarget.value);
            clear('iatiIdentifier');
          }}
          error={errors.iatiIdentifier}
          maxLength={100}
          placeholder="XM-DAC-41122"
          dir="ltr"
        />
        <TextInput
          label={t('organisations.website')}
          value={website}
          onChange={(e) => {
            setWebsite(e.currentTarget.value);
            clear('website');
          }}
          error={errors.website}
          type="url"
          placeholder="https://"
          maxLength={300}
          dir="ltr"
        />
        {organisation && <OrganisationLogoField organisationId={organisation.id} organisationName={organisation.name} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common:actions.cancel')}</Button>
          <Button type="submit" loading={mutation.isPending}>
            {organisation ? t('common:actions.save') : t('common:actions.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
