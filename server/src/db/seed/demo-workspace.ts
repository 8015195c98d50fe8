import type { z } from 'zod';
import type { CreateOrganisationBody, CreateProgrammeBody, CreateProjectBody } from '@shared/schemas/index.js';
import type { Locale } from '@shared/locales.js';

/** The demo workspace: organisations, programmes with their projects, and one user per role. */
export const DEMO_ORGANISATIONS: { key: string; data: z.input<typeof CreateOrganisationBody> }[] = [
  {
    key: 'SAI',
    data: {
      name: 'Sahel Action International', acronym: 'SAI', type: '21', countryCode: 'GBR',
      iatiIdentifier: 'GB-CHC-1187654', website: 'https://sahel-action.example.org', fiscalYearStartMonth: 4,
    },
  },
  {
    key: 'AMPE',
    data: { name: "Association Malienne pour la Protection de l'Enfance", acronym: 'AMPE', type: '22', countryCode: 'MLI', iatiIdentifier: 'ML-RCS-2009-0412' },
  },
  {
    key: 'SOKADE',
    data: { name: "Solidarité Katanga pour les Droits de l'Enfant", acronym: 'SOKADE', type: '22', countryCode: 'COD' },
  },
  {
    key: 'ATGL',
    data: { name: 'Association Tunisienne pour la Gouvernance Locale', acronym: 'ATGL', type: '22', countryCode: 'TUN' },
  },
  {
    key: 'ACA',
    data: { name: 'Asociación Ciudades Andinas', acronym: 'ACA', type: '22', countryCode: 'PER' },
  },
  {
    key: 'UNLDF',
    data: { name: 'United Nations Local Development Facility', acronym: 'UNLDF', type: '40', iatiIdentifier: 'XM-DAC-41999' },
  },
  {
    key: 'NFCC',
    data: { name: 'Nordic Fund for Children and Communities', acronym: 'NFCC', type: '10', countryCode: 'SWE', iatiIdentifier: 'SE-0-SE-6-2021004512', fiscalYearStartMonth: 1 },
  },
];

type ProjectSeed = {
  data: Omit<z.input<typeof CreateProjectBody>, 'programmeId' | 'leadOrganisationId' | 'donorOrganisationId' | 'implementingOrganisationIds' | 'locationIds'>;
  locations: string[];
  lead: string;
  donor?: string;
  implementing: string[];
};

export const DEMO_PROGRAMMES: { owner: string; data: Omit<z.input<typeof CreateProgrammeBody>, 'organisationId'>; projects: ProjectSeed[] }[] = [
  {
    owner: 'SAI',
    data: {
      code: 'CLM',
      name: 'Child Labour-Free Mining Supply Chains',
      description:
        'Removing children from artisanal copper-cobalt mining in the Katanga copperbelt and from tin-tantalum-tungsten (3T) sites in South Kivu, through schooling, family livelihoods and due diligence with buyers.',
      status: 'active', startDate: '2024-01-01', endDate: '2027-12-31',
    },
    projects: [
      {
        data: {
          code: 'CLM-KOL-01', title: 'Kolwezi Child Protection in Cobalt Mining Communities', status: '2',
          description: 'Community child-protection committees, catch-up schooling and household income support around artisanal cobalt sites in Kolwezi and Lubudi.',
          startDate: '2024-01-01', endDate: '2026-12-31', currency: 'USD', countries: ['COD'], sectors: ['16015', '11220', '32210'],
        },
        locations: ['CD72', 'CD7201', 'CD7203'], lead: 'SAI', donor: 'NFCC', implementing: ['SOKADE'],
      },
      {
        data: {
          code: 'CLM-SK-02', title: 'Schools not Shafts: South Kivu 3T Mining Areas', status: '2',
          description: 'Keeping children from tin, tantalum and tungsten mines in Kalehe and Mwenga in school through school feeding, teacher training and birth registration.',
          startDate: '2024-07-01', endDate: '2027-06-30', currency: 'USD', countries: ['COD'], sectors: ['11220', '16015'],
        },
        locations: ['CD62', 'CD6202', 'CD6203'], lead: 'SAI', donor: 'NFCC', implementing: ['SOKADE'],
      },
      {
        data: {
          code: 'CLM-HK-03', title: 'Lubumbashi Responsible Sourcing Dialogue', status: '1',
          description: 'Multi-stakeholder dialogue between cooperatives, traders and refiners on child-labour due diligence in Haut-Katanga.',
          startDate: '2026-01-01', endDate: '2027-12-31', currency: 'USD', countries: ['COD'], sectors: ['32210', '15160'],
        },
        locations: ['CD71', 'CD7101', 'CD7104'], lead: 'SAI', implementing: [],
      },
    ],
  },
  {
    owner: 'SAI',
    data: {
      code: 'SERP',
      name: 'Sahel Education in Emergencies and Resilience',
      description: 'Keeping children learning where conflict and displacement close schools in central Mali, eastern Senegal and northern Ghana.',
      status: 'active', startDate: '2023-09-01', endDate: '2027-08-31',
    },
    projects: [
      {
        data: {
          code: 'SERP-ML-01', title: 'Mopti and Ségou Community Schools', status: '2',
          description: 'Temporary learning spaces, teacher stipends and psychosocial support for displaced and host-community children in Bandiagara, Douentza and Ségou.',
          startDate: '2023-09-01', endDate: '2026-08-31', currency: 'XOF', countries: ['MLI'], sectors: ['11220', '11240'],
        },
        locations: ['ML05', 'ML0501', 'ML0504', 'ML04', 'ML0406'], lead: 'SAI', donor: 'NFCC', implementing: ['AMPE'],
      },
      {
        data: {
          code: 'SERP-SN-02', title: "Tambacounda and Kolda Girls' Learning", status: '2',
          description: 'Scholarships, mentoring and safe-school committees for adolescent girls in Tambacounda and Kolda.',
          startDate: '2024-01-01', endDate: '2026-12-31', currency: 'XOF', countries: ['SEN'], sectors: ['11220', '15170'],
        },
        locations: ['SN05', 'SN10'], lead: 'SAI', donor: 'NFCC', implementing: [],
      },
      {
        data: {
          code: 'SERP-GH-03', title: 'Northern Ghana Catch-up Classes', status: '3',
          description: 'Accelerated learning for out-of-school children in the Northern and Upper East regions.',
          startDate: '2023-09-01', endDate: '2026-03-31', currency: 'GHS', countries: ['GHA'], sectors: ['11231'],
        },
        locations: ['GH09', 'GH10'], lead: 'SAI', implementing: [],
      },
    ],
  },
  {
    owner: 'SAI',
    data: {
      code: 'LASI',
      name: 'Local Authorities Scale-up Initiative',
      description: "Scaling up local authorities' initiatives with civil-society partners: participatory budgeting, municipal services and citizen oversight in focal cities.",
      status: 'active', startDate: '2025-01-01', endDate: '2028-12-31',
    },
    projects: [
      {
        data: {
          code: 'LASI-TN-01', title: 'Sfax and Sousse Participatory Budgeting', status: '2',
          description: 'Municipal councils and neighbourhood associations co-decide a share of the investment budget.',
          startDate: '2025-01-01', endDate: '2027-12-31', currency: 'TND', countries: ['TUN'], sectors: ['15112', '15150'],
        },
        locations: ['TN61', 'TN51'], lead: 'SAI', implementing: ['ATGL', 'UNLDF'],
      },
      {
        data: {
          code: 'LASI-MX-02', title: 'Oaxaca Municipal Water Governance', status: '2',
          description: 'Community water committees and municipal utilities plan and monitor water services together.',
          startDate: '2025-04-01', endDate: '2028-03-31', currency: 'MXN', countries: ['MEX'], sectors: ['14010', '15112'],
        },
        locations: ['MX20'], lead: 'SAI', implementing: ['UNLDF'],
      },
      {
        data: {
          code: 'LASI-PE-03', title: 'Cusco and Puno Citizen Oversight', status: '2',
          description: 'Citizen oversight committees follow municipal public works from tender to delivery.',
          startDate: '2025-03-01', endDate: '2028-02-29', currency: 'PEN', countries: ['PER'], sectors: ['15150', '15111'],
        },
        locations: ['PE08', 'PE21'], lead: 'SAI', implementing: ['ACA'],
      },
      {
        data: {
          code: 'LASI-GH-04', title: 'Accra and Kumasi Focal Cities: Informal Workers at the Table', status: '2',
          description: 'Market traders, head porters and waste pickers negotiate space, services and social protection with the metropolitan assemblies of Accra and Kumasi.',
          startDate: '2025-07-01', endDate: '2028-06-30', currency: 'GHS', countries: ['GHA'], sectors: ['16020', '15150'],
        },
        locations: ['GH02', 'GH05'], lead: 'SAI', implementing: ['UNLDF'],
      },
    ],
  },
  {
    owner: 'SAI',
    data: {
      code: 'CSPR',
      name: 'Central Sahel Protection Response',
      description: 'Protection monitoring, case management, gender-based violence response and psychosocial support for people affected by conflict in central and northern Mali.',
      status: 'active', startDate: '2025-01-01', endDate: '2026-12-31',
    },
    projects: [
      {
        data: {
          code: 'PROT-ML-01', title: 'Protection Services in Mopti, Ségou, Tombouctou and Gao', status: '2',
          description: 'Mobile protection teams, community-based protection committees and specialised services for survivors, children at risk and persons with disabilities.',
          startDate: '2025-01-01', endDate: '2026-12-31', currency: 'XOF', countries: ['MLI'], sectors: ['15180', '72010', '15160'],
        },
        locations: ['ML05', 'ML0501', 'ML0506', 'ML04', 'ML0406', 'ML06', 'ML0605', 'ML07', 'ML0703'], lead: 'SAI', donor: 'NFCC', implementing: ['AMPE'],
      },
    ],
  },
  {
    owner: 'SAI',
    data: {
      code: 'MIGR',
      name: 'Migration and Local Development in Tunisia',
      description:
        'A grant programme for municipalities and civil-society organisations in the south and centre of Tunisia: reintegration of returning migrants, diaspora investment and local jobs for young people who would otherwise leave.',
      status: 'active', startDate: '2025-04-01', endDate: '2028-03-31',
    },
    projects: [
      {
        data: {
          code: 'MIGR-TN-01', title: 'Médenine: Returning Migrants Start Again', status: '2',
          description: 'Counselling, vocational training and start-up grants for returning migrants and young people in Médenine, run with the municipality and ATGL.',
          startDate: '2025-04-01', endDate: '2027-09-30', currency: 'TND', countries: ['TUN'], sectors: ['15190', '16020'],
        },
        locations: ['TN82'], lead: 'SAI', implementing: ['ATGL'],
      },
      {
        data: {
          code: 'MIGR-TN-02', title: 'Gafsa and Kasserine Diaspora Investment Windows', status: '2',
          description: 'Municipal one-stop windows that match diaspora savings with local enterprises and municipal infrastructure in Gafsa and Kasserine.',
          startDate: '2025-10-01', endDate: '2028-03-31', currency: 'TND', countries: ['TUN'], sectors: ['15190', '25010'],
        },
        locations: ['TN71', 'TN42'], lead: 'SAI', implementing: ['ATGL', 'UNLDF'],
      },
    ],
  },
];

export const DEMO_USERS: {
  email: string;
  name: string;
  org: string;
  locale: Locale | null;
  role: string;
  scope: { type: 'installation' } | { type: 'organisation' | 'programme' | 'project'; key: string };
}[] = [
  { email: 'admin@fieldbook.demo', name: 'Mariam Diallo', org: 'SAI', locale: null, role: 'admin', scope: { type: 'installation' } },
  { email: 'pm@fieldbook.demo', name: 'Jean-Pierre Mukendi', org: 'SAI', locale: 'fr', role: 'programme_manager', scope: { type: 'programme', key: 'CLM' } },
  { email: 'me@fieldbook.demo', name: 'Fatoumata Coulibaly', org: 'SAI', locale: 'fr', role: 'me_officer', scope: { type: 'organisation', key: 'SAI' } },
  { email: 'reporter@fieldbook.demo', name: 'Amadou Keïta', org: 'AMPE', locale: 'fr', role: 'reporter', scope: { type: 'project', key: 'SERP-ML-01' } },
  { email: 'partner@fieldbook.demo', name: 'Grâce Mbuyi', org: 'SOKADE', locale: 'fr', role: 'partner_reporter', scope: { type: 'project', key: 'CLM-KOL-01' } },
  { email: 'budget@fieldbook.demo', name: 'Youssef Ben Salah', org: 'SAI', locale: 'ar', role: 'budget_holder', scope: { type: 'programme', key: 'LASI' } },
  { email: 'finance@fieldbook.demo', name: 'Akosua Mensah', org: 'SAI', locale: 'en', role: 'finance_officer', scope: { type: 'organisation', key: 'SAI' } },
  { email: 'grants@fieldbook.demo', name: 'Lucía Fernández', org: 'SAI', locale: 'es', role: 'grants_reviewer', scope: { type: 'programme', key: 'LASI' } },
  { email: 'applicant@fieldbook.demo', name: 'Carlos Quispe', org: 'ACA', locale: 'es', role: 'applicant', scope: { type: 'organisation', key: 'ACA' } },
  { email: 'donor@fieldbook.demo', name: 'Ingrid Johansson', org: 'NFCC', locale: 'en', role: 'viewer', scope: { type: 'programme', key: 'CLM' } },
  { email: 'ampe-admin@fieldbook.demo', name: 'Oumar Sangaré', org: 'AMPE', locale: 'fr', role: 'admin', scope: { type: 'organisation', key: 'AMPE' } },
];
