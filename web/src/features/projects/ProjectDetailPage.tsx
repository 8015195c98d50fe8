import { Anchor, Badge, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconClipboardList, IconHierarchy2, IconPencil, IconTable } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Project } from '@shared/schemas/index.js';
import { useCodelist } from '../../api/lookups.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PageLoader } from '../../components/PageLoader.js';
import { formatDate, formatDateTime, placeName } from '../../lib/format.js';
import { useCurrentUser } from '../auth/session.js';
import { AgreementsCard } from '../agreements/AgreementsCard.js';
import { DashboardButton } from '../monitoring/dashboard/DashboardButton.js';
import { OpenDataMenu } from '../open-data/OpenDataMenu.js';
import { ReportsButton } from '../reports/ReportsButton.js';
import { PlansMenu } from '../plans/PlansMenu.js';
import { ShareButton } from '../sharing/ShareButton.js';
import { Fact, Facts } from './Facts.js';
import { canManage, managesProject, organisationLabel, ProjectStatusBadge, useCountryName } from './labels.js';
import { programmeQueries, useCountryAreas, useProject } from './queries.js';

export default function ProjectDetailPage() {
  const { t } = useTranslation(['projects', 'results', 'reporting', 'iptt']);
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const project = useProject(id);
  // The programme says which organisation owns the project: asked only of someone who may manage something.
  const programme = useQuery({ ...programmeQueries.detail(project.data?.programmeId ?? ''), enabled: !!project.data && canManage(user) });

  if (project.isPending) return <PageLoader />;
  if (project.error) return <ErrorAlert error={project.error} />;
  const p = project.data;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/projects" size="sm">
          {t('projects.title')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {p.code}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={
          <Group gap="sm" component="span" wrap="wrap">
            <span>{p.title}</span>
            <ProjectStatusBadge status={p.status} />
          </Group>
        }
        subtitle={`${p.code} · ${t('detail.updated', { date: formatDateTime(p.updatedAt) })}`}
        actions={
          <>
            <Button component={Link} to={`/projects/${p.id}/framework`} variant="light" leftSection={<IconHierarchy2 size={16} />}>
              {t('results:framework.link')}
            </Button>
            <Button component={Link} to={`/projects/${p.id}/reporting`} variant="light" leftSection={<IconClipboardList size={16} />}>
              {t('reporting:link')}
            </Button>
            <DashboardButton scope="project" id={p.id} />
            <Button component={Link} to={`/projects/${p.id}/iptt`} variant="light" leftSection={<IconTable size={16} />}>
              {t('iptt:link')}
            </Button>
            <PlansMenu project={p} programme={programme.data} />
            <ReportsButton scope="project" id={p.id} />
            <ShareButton project={p} />
            <OpenDataMenu project={p} />
            {managesProject(user, p, programme.data) && (
              <Button component={Link} to={`/projects/${p.id}/edit`} variant="default" leftSection={<IconPencil size={16} />}>
                {t('common:actions.edit')}
              </Button>
            )}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Overview project={p} />
        <Organisations project={p} />
        <Places project={p} />
        <Sectors project={p} />
      </SimpleGrid>
      <AgreementsCard project={p} />
      <Section title={t('fields.description')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={p.description ? undefined : 'dimmed'} dir={p.description ? 'auto' : undefined}>
          {p.description || t('detail.noDescription')}
        </Text>
      </Section>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Overview({ project: p }: { project: Project }) {
  const { t } = useTranslation('projects');
  const currencies = useCodelist('currencies');
  const currencyName = currencies.data?.items.find((c) => c.code === p.currency)?.name;
  return (
    <Section title={t('detail.overview')}>
      <Facts>
        <Fact label={t('fields.programme')}>
          <Anchor component={Link} to={`/programmes/${p.programmeId}`} size="sm">
            {p.programmeName}
          </Anchor>
        </Fact>
        <Fact label={t('fields.startDate')}>{formatDate(p.startDate, 'long')}</Fact>
        <Fact label={t('fields.endDate')}>{formatDate(p.endDate, 'long')}</Fact>
        <Fact label={t('fields.currency')}>{currencyName ? `${p.currency} — ${currencyName}` : p.currency}</Fact>
      </Facts>
    </Section>
  );
}

function Organisations({ project: p }: { project: Project }) {
  const { t } = useTranslation('projects');
  const none = <Text span size="sm" c="dimmed">{t('common:common.none')}</Text>;
  return (
    <Section title={t('detail.organisations')}>
      <Facts>
        <Fact label={t('fields.leadOrganisation')}>{organisationLabel(p.leadOrganisation)}</Fact>
        <Fact label={t('fields.implementingOrganisations')}>
          {p.implementingOrganisations.length === 0 ? (
            none
          ) : (
            <Stack gap={2}>
              {p.implementingOrganisations.map((o) => (
                <span key={o.id}>{organisationLabel(o)}</span>
              ))}
            </Stack>
          )}
        </Fact>
        <Fact label={t('fields.donor')}>{p.donor ? organisationLabel(p.donor) : none}</Fact>
      </Facts>
    </Section>
  );
}

/** Countries and, under each, the project's areas named in the user's language. */
function Places({ project: p }: { project: Project }) {
  const { t } = useTranslation('projects');
  const countryName = useCountryName();
  const areas = useCountryAreas(p.countries);
  // Worked out on each render, not memoised: placeName follows the interface language.
  const { byCountry, elsewhere } = (() => {
    const known = new Map<string, { country: string; name: string }>();
    for (const { country, areas: list } of areas.byCountry) for (const l of list) known.set(l.id, { country, name: placeName(l) });
    const groups = p.countries.map((country) => ({ country, locations: [] as Labelled[] }));
    const rest: Labelled[] = [];
    for (const l of p.locations) {
      const k = known.get(l.id);
      // Until the areas have loaded, a one-country project's places can only be in that country.
      const country = k?.country ?? (p.countries.length === 1 ? p.countries[0] : undefined);
      (groups.find((g) => g.country === country)?.locations ?? rest).push({ ...l, label: k?.name ?? l.name });
    }
    return { byCountry: groups, elsewhere: rest };
  })();

  return (
    <Section title={t('detail.places')}>
      {p.countries.length === 0 && <Text size="sm" c="dimmed">{t('common:common.none')}</Text>}
      <Stack gap="sm">
        {byCountry.map(({ country, locations }) => (
          <div key={country}>
            <Text fw={600} size="sm">
              {countryName(country)}
            </Text>
            {locations.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('detail.wholeCountry')}
              </Text>
            ) : (
              <PlaceBadges locations={locations} />
            )}
          </div>
        ))}
        {elsewhere.length > 0 && <PlaceBadges locations={elsewhere} />}
      </Stack>
    </Section>
  );
}

type Labelled = Project['locations'][number] & { label: string };

function PlaceBadges({ locations }: { locations: Labelled[] }) {
  return (
    <Group gap={6} mt={4}>
      {locations.map((l) => (
        <Badge key={l.id} variant="outline" color="gray" tt="none" fw={500} size="lg" data-testid="project-location">
          {l.label} ({l.pcode})
        </Badge>
      ))}
    </Group>
  );
}

function Sectors({ project: p }: { project: Project }) {
  const { t } = useTranslation('projects');
  const sectors = useCodelist('sectors');
  const nameOf = useMemo(() => new Map((sectors.data?.items ?? []).map((s) => [s.code, s.name])), [sectors.data]);
  return (
    <Section title={t('fields.sectors')}>
      {p.sectors.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('common:common.none')}
        </Text>
      ) : (
        <Stack gap={4}>
          {p.sectors.map((code) => (
            <Text key={code} size="sm">
              <Text span size="sm" ff="monospace" c="dimmed">
                {code}
              </Text>{' '}
              {nameOf.get(code) ?? ''}
            </Text>
          ))}
        </Stack>
      )}
    </Section>
  );
}
