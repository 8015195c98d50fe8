import { Alert, Anchor, Breadcrumbs, Button, Card, Grid, Group, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { errorMessage } from '@shared/i18n/error-messages.js';
import { CreateProjectBody, type Project, type ProjectStatus, UpdateProjectBody } from '@shared/schemas/index.js';
import { ApiError } from '../../api/client.js';
import { useCodelist, useCountries, useOrganisations } from '../../api/lookups.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormProblems } from '../../components/FormProblems.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { currentLocale } from '../../i18n/index.js';
import { placeName } from '../../lib/format.js';
import { useCurrentUser } from '../auth/session.js';
import { apiProblems, type FieldProblem, placeProblems, zodProblems } from './form-errors.js';
import { managesProgramme, managesProject, organisationLabel, useCountryName, useProjectStatusOptions } from './labels.js';
import { useCreateProject, useUpdateProject } from './mutations.js';
import { allProgrammes, programmeQueries, useCountryAreas, useProject } from './queries.js';

/** `/projects/new` and `/projects/:id/edit`. */
export default function ProjectFormPage() {
  const { id } = useParams();
  return id ? <EditProject id={id} /> : <NewProject />;
}

/**
 * Someone who manages no programme (a reporter, a donor, a programme manager of another programme)
 * can reach the form by its address: tell them, rather than let them fill it in and be refused.
 */
function NotAllowed() {
  const { t } = useTranslation('projects');
  return (
    <Alert color="orange" icon={<IconLock size={18} />} title={t('form.deniedTitle')} role="alert" data-testid="access-denied">
      <Text size="sm">{t('form.deniedBody')}</Text>
      <Anchor component={Link} to="/projects" size="sm">
        {t('form.backToProjects')}
      </Anchor>
    </Alert>
  );
}

function NewProject() {
  const user = useCurrentUser();
  const programmes = useQuery(allProgrammes());
  if (programmes.isPending) return <PageLoader />;
  if (programmes.data && !programmes.data.items.some((p) => managesProgramme(user, p))) return <NotAllowed />;
  return <ProjectForm />;
}

function EditProject({ id }: { id: string }) {
  const user = useCurrentUser();
  const project = useProject(id);
  const programme = useQuery({ ...programmeQueries.detail(project.data?.programmeId ?? ''), enabled: !!project.data });
  if (project.isPending || (project.data && programme.isPending)) return <PageLoader />;
  if (project.error) return <ErrorAlert error={project.error} />;
  if (!managesProject(user, project.data, programme.data)) return <NotAllowed />;
  // Keyed by id: the form starts from the project as loaded and is not reset by background refetches.
  return <ProjectForm key={project.data.id} project={project.data} />;
}

interface FormState {
  programmeId: string;
  code: string;
  title: string;
  description: string;
  status: ProjectStatus;
  startDate: string;
  endDate: string;
  currency: string;
  countries: string[];
  locationIds: string[];
  sectors: string[];
  donorOrganisationId: string;
  leadOrganisationId: string;
  implementingOrganisationIds: string[];
}
const FIELDS = [
  'programmeId', 'code', 'title', 'description', 'status', 'startDate', 'endDate', 'currency',
  'countries', 'locationIds', 'sectors', 'donorOrganisationId', 'leadOrganisationId', 'implementingOrganisationIds',
] as const;

const blank = (s: string) => (s.trim() === '' ? undefined : s);

/** The body the API takes; empty inputs become missing values so the schema says "required", not "invalid". */
const toBody = (f: FormState) => ({
  programmeId: blank(f.programmeId),
  code: blank(f.code),
  title: blank(f.title),
  description: f.description,
  status: f.status,
  startDate: blank(f.startDate),
  endDate: blank(f.endDate),
  currency: blank(f.currency),
  countries: f.countries,
  locationIds: f.locationIds,
  sectors: f.sectors,
  donorOrganisationId: blank(f.donorOrganisationId) ?? null,
  leadOrganisationId: blank(f.leadOrganisationId),
  implementingOrganisationIds: f.implementingOrganisationIds,
});
type SentBody = ReturnType<typeof toBody>;

function ProjectForm({ project }: { project?: Project }) {
  const { t } = useTranslation('projects');
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<FormState>(() => ({
    programmeId: project?.programmeId ?? params.get('programmeId') ?? '',
    code: project?.code ?? '',
    title: project?.title ?? '',
    description: project?.description ?? '',
    status: project?.status ?? '2',
    startDate: project?.startDate ?? '',
    endDate: project?.endDate ?? '',
    currency: project?.currency ?? '',
    countries: project?.countries ?? [],
    locationIds: project?.locations.map((l) => l.id) ?? [],
    sectors: project?.sectors ?? [],
    donorOrganisationId: project?.donor?.id ?? '',
    leadOrganisationId: project?.leadOrganisation.id ?? user.organisationId,
    implementingOrganisationIds: project?.implementingOrganisations.map((o) => o.id) ?? [],
  }));
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const programmes = useQuery(allProgrammes());
  const organisations = useOrganisations();
  const countries = useCountries();
  const currencies = useCodelist('currencies');
  const sectors = useCodelist('sectors');
  const statusOptions = useProjectStatusOptions();
  const areas = useCountryAreas(form.countries);
  const countryName = useCountryName();

  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? '');
  const mutation = project ? update : create;
  const [clientProblems, setClientProblems] = useState<FieldProblem[]>([]);
  const [sent, setSent] = useState<SentBody | null>(null);

  // Locations: what we know of each (name in the user's language, P-code, level, country), from the
  // loaded areas and the project itself. Worked out on each render: names follow a language switch.
  const locationInfo = new Map<string, { label: string; level: string; country?: string }>();
  for (const l of project?.locations ?? []) locationInfo.set(l.id, { label: `${l.name} (${l.pcode})`, level: l.level });
  for (const { country, areas: list } of areas.byCountry) {
    for (const l of list) locationInfo.set(l.id, { label: `${placeName(l)} (${l.pcode})`, level: l.level, country });
  }
  const areaGroups = areas.byCountry
    .filter((g) => g.areas.length > 0)
    .map((g) => ({ group: countryName(g.country), items: g.areas.map((l) => ({ value: l.id, label: locationInfo.get(l.id)!.label })) }));
  // Chosen places not (yet) among the loaded areas still need a label.
  const loaded = new Set(areaGroups.flatMap((g) => g.items.map((i) => i.value)));
  const pending = form.locationIds.filter((id) => !loaded.has(id)).map((id) => ({ value: id, label: locationInfo.get(id)?.label ?? id }));
  const locationData = pending.length ? [...areaGroups, { group: '…', items: pending }] : areaGroups;

  const organisationData = useMemo(
    () => (organisations.data?.items ?? []).map((o) => ({ value: o.id, label: organisationLabel(o) })),
    [organisations.data],
  );

  /** Dropping a country drops the places chosen inside it: the server would refuse them. */
  const changeCountries = (next: string[]) =>
    setForm((f) => ({
      ...f,
      countries: next,
      locationIds: f.locationIds.filter((id) => {
        const country = locationInfo.get(id)?.country;
        return country === undefined || next.includes(country);
      }),
    }));

  // Problems from this browser's check win; otherwise the server's, once it has answered.
  const serverProblems = apiProblems(mutation.error).map((p) =>
    // A duplicate code is reported on the unique key's first column (the programme); it belongs on the code.
    mutation.error instanceof ApiError && mutation.error.code === 'conflict' ? { ...p, field: 'code' } : p,
  );
  const itemLabel = (field: string, index: number) => {
    if (!sent) return undefined;
    if (field === 'countries') return sent.countries[index] && countryName(sent.countries[index]);
    if (field === 'locationIds') return sent.locationIds[index] && locationInfo.get(sent.locationIds[index])?.label;
    if (field === 'sectors') return sent.sectors[index];
    if (field === 'implementingOrganisationIds') return organisationData.find((o) => o.value === sent.implementingOrganisationIds[index])?.label;
    return undefined;
  };
  const { byField, unplaced } = placeProblems(clientProblems.length ? clientProblems : serverProblems, FIELDS, itemLabel);

  const focusFirstError = () =>
    requestAnimationFrame(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (el?.matches('input, textarea')) el.focus({ preventScroll: true });
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = toBody(form);
    const check = (result: { success: true } | { success: false; error: z.ZodError }) => {
      const problems = result.success ? [] : zodProblems(result.error, { code: t('form.codeRule') });
      if (body.startDate && body.endDate && body.endDate < body.startDate) {
        problems.push({ field: 'endDate', message: errorMessage('end_before_start', currentLocale()) });
      }
      setClientProblems(problems);
      if (problems.length) focusFirstError();
      return problems.length === 0;
    };
    const onSuccess = (saved: Project) => {
      notifications.show({ color: 'teal', message: project ? t('form.saved', { code: saved.code }) : t('form.created', { code: saved.code }) });
      navigate(`/projects/${saved.id}`);
    };
    setSent(body);
    if (project) {
      // The edit form sends every field, so it must satisfy the update schema with nothing left out.
      const parsed = UpdateProjectBody.required().safeParse(body);
      if (check(parsed) && parsed.success) update.mutate(parsed.data, { onSuccess, onError: focusFirstError });
    } else {
      const parsed = CreateProjectBody.safeParse(body);
      if (check(parsed) && parsed.success) create.mutate(parsed.data, { onSuccess, onError: focusFirstError });
    }
  };

  const nothingFound = t('filters.nothingFound');
  const cancelTo = project ? `/projects/${project.id}` : form.programmeId && params.get('programmeId') ? `/programmes/${form.programmeId}` : '/projects';

  return (
    <Stack maw={980}>
      <Breadcrumbs>
        <Anchor component={Link} to="/projects" size="sm">
          {t('projects.title')}
        </Anchor>
        {project && (
          <Anchor component={Link} to={`/projects/${project.id}`} size="sm">
            {project.code}
          </Anchor>
        )}
        <Text size="sm" c="dimmed">
          {project ? t('common:actions.edit') : t('projects.new')}
        </Text>
      </Breadcrumbs>
      <PageHeader title={project ? t('form.editTitle') : t('form.createTitle')} subtitle={project?.title ?? t('form.createSubtitle')} />
      <form ref={formRef} onSubmit={submit} noValidate aria-label={project ? t('form.editTitle') : t('form.createTitle')}>
        <Stack>
          <FormProblems clientProblems={clientProblems.length} error={mutation.error} unplaced={unplaced} />

          <Section title={t('form.sections.project')}>
            <Select
              label={t('fields.programme')}
              data={(programmes.data?.items ?? [])
                .filter((p) => p.id === project?.programmeId || managesProgramme(user, p))
                .map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
              value={form.programmeId || null}
              onChange={(v) => set('programmeId', v ?? '')}
              error={byField.programmeId}
              searchable
              required
              allowDeselect={false}
              nothingFoundMessage={nothingFound}
              data-testid="field-programme"
            />
            <Grid>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  label={t('fields.code')}
                  description={t('form.codeHelp')}
                  value={form.code}
                  onChange={(e) => set('code', e.currentTarget.value)}
                  error={byField.code}
                  required
                  maxLength={40}
                  autoComplete="off"
                  name="code"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput
                  label={t('fields.title')}
                  description={t('form.titleHelp')}
                  value={form.title}
                  onChange={(e) => set('title', e.currentTarget.value)}
                  error={byField.title}
                  required
                  maxLength={300}
                  name="title"
                />
              </Grid.Col>
            </Grid>
            <Textarea
              label={t('fields.description')}
              value={form.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={byField.description}
              autosize
              minRows={3}
              maxRows={12}
              name="description"
            />
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <Select
                label={t('fields.status')}
                data={statusOptions}
                value={form.status}
                onChange={(v) => v && set('status', v as ProjectStatus)}
                error={byField.status}
                allowDeselect={false}
                required
              />
              <TextInput
                type="date"
                label={t('fields.startDate')}
                value={form.startDate}
                onChange={(e) => set('startDate', e.currentTarget.value)}
                error={byField.startDate}
                required
                name="startDate"
              />
              <TextInput
                type="date"
                label={t('fields.endDate')}
                value={form.endDate}
                onChange={(e) => set('endDate', e.currentTarget.value)}
                error={byField.endDate}
                required
                name="endDate"
              />
              <Select
                label={t('fields.currency')}
                data={(currencies.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }))}
                value={form.currency || null}
                onChange={(v) => set('currency', v ?? '')}
                error={byField.currency}
                searchable
                required
                allowDeselect={false}
                nothingFoundMessage={nothingFound}
                limit={60}
                data-testid="field-currency"
              />
            </SimpleGrid>
          </Section>

          <Section title={t('form.sections.where')}>
            <MultiSelect
              label={t('fields.countries')}
              data={(countries.data?.items ?? []).map((c) => ({ value: c.pcode, label: placeName(c) }))}
              value={form.countries}
              onChange={changeCountries}
              error={byField.countries}
              searchable
              hidePickedOptions
              nothingFoundMessage={nothingFound}
              data-testid="field-countries"
            />
            <MultiSelect
              label={t('fields.locations')}
              description={form.countries.length ? t('form.locationsHelp') : undefined}
              placeholder={form.countries.length ? undefined : t('form.chooseCountriesFirst')}
              data={locationData}
              value={form.locationIds}
              onChange={(v) => set('locationIds', v)}
              error={byField.locationIds}
              disabled={form.countries.length === 0}
              searchable
              hidePickedOptions
              limit={300}
              nothingFoundMessage={areas.isPending ? t('common:common.loading') : nothingFound}
              renderOption={({ option }) => (
                // Admin-2 areas and sites sit indented under their parent area.
                <Text size="sm" ps={levelIndent(locationInfo.get(option.value)?.level)}>
                  {option.label}
                </Text>
              )}
              data-testid="field-locations"
            />
            <MultiSelect
              label={t('fields.sectors')}
              description={t('form.sectorsHelp')}
              data={(sectors.data?.items ?? []).map((s) => ({ value: s.code, label: `${s.code} — ${s.name}` }))}
              value={form.sectors}
              onChange={(v) => set('sectors', v)}
              error={byField.sectors}
              searchable
              hidePickedOptions
              limit={100}
              nothingFoundMessage={nothingFound}
              data-testid="field-sectors"
            />
          </Section>

          <Section title={t('detail.organisations')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('fields.leadOrganisation')}
                data={organisationData}
                value={form.leadOrganisationId || null}
                onChange={(v) => set('leadOrganisationId', v ?? '')}
                error={byField.leadOrganisationId}
                searchable
                required
                allowDeselect={false}
                nothingFoundMessage={nothingFound}
                data-testid="field-lead"
              />
              <Select
                label={t('fields.donor')}
                placeholder={t('form.noDonor')}
                data={organisationData}
                value={form.donorOrganisationId || null}
                onChange={(v) => set('donorOrganisationId', v ?? '')}
                error={byField.donorOrganisationId}
                searchable
                clearable
                nothingFoundMessage={nothingFound}
                data-testid="field-donor"
              />
            </SimpleGrid>
            <MultiSelect
              label={t('fields.implementingOrganisations')}
              data={organisationData}
              value={form.implementingOrganisationIds}
              onChange={(v) => set('implementingOrganisationIds', v)}
              error={byField.implementingOrganisationIds}
              searchable
              hidePickedOptions
              nothingFoundMessage={nothingFound}
              data-testid="field-implementing"
            />
          </Section>

          <Group justify="flex-end">
            <Button variant="default" component={Link} to={cancelTo}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {project ? t('form.submitSave') : t('form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

const levelIndent = (level: string | undefined) => (level === 'admin2' ? 'md' : level === 'admin3' || level === 'site' ? 'xl' : 0);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section">
      <Title order={4} mb="sm">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}
