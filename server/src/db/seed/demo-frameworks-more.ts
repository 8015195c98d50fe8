import { type FrameworkSeed, SEX_SPLIT, people } from './demo-results-types.js';

/** Frameworks of the protection, migration and focal-cities demo projects, by project code. */
export const MORE_DEMO_FRAMEWORKS: Record<string, FrameworkSeed> = {
  'PROT-ML-01': {
    template: 'eu',
    nodes: [
      {
        code: 'OG',
        title: 'Conflict-affected people in central and northern Mali live in greater safety and dignity',
        fr: 'Les personnes affectées par le conflit au centre et au nord du Mali vivent plus en sécurité et dans la dignité',
        children: [
          {
            code: 'SO1',
            title: 'Women, men, girls and boys at risk, including persons with disabilities, access quality protection services',
            fr: 'Les femmes, hommes, filles et garçons à risque, y compris les personnes handicapées, accèdent à des services de protection de qualité',
            indicators: [
              {
                adopt: 'PROT-01', code: 'SO1.1', lopTarget: 24000, baselineValue: 0, baselineDate: '2024-12-31', responsible: 'Protection coordinator, Mopti',
                // Quarters of SAI's April fiscal year, January 2025 to December 2026; the lean season peaks in Q3.
                targets: {
                  periods: [1800, 2600, 3400, 2900, 2400, 3000, 3800, 3100],
                  split: { ...SEX_SPLIT, 'age=0-4': 0.12, 'age=5-11': 0.22, 'age=12-17': 0.18, 'age=18-59': 0.4, 'age=60+': 0.08, 'disability=with': 0.15 },
                  byLocation: { ML05: 0.35, ML04: 0.2, ML06: 0.25, ML07: 0.2 },
                },
              },
              {
                code: 'SO1.2', name: 'Percentage of GBV survivors who receive case management within 72 hours of disclosure',
                names: { fr: 'Pourcentage de survivantes de VBG prises en charge dans les 72 heures suivant la révélation' },
                type: 'percentage', unit: '%', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', baselineValue: 38, baselineDate: '2024-12-31',
                lopTarget: 80, frequency: 'quarter', meansOfVerification: 'GBVIMS case records (anonymised), quarterly extraction',
                dataSource: 'GBV information management system', collectionMethod: 'Case file review', responsible: 'GBV case management supervisor',
                disaggregations: ['age'],
                targets: { periods: [45, 55, 60, 65, 70, 72, 76, 80] },
              },
            ],
            children: [
              {
                code: 'OP1.1', title: 'Mobile protection teams monitor and report protection risks', fr: 'Des équipes mobiles de protection suivent et signalent les risques de protection',
                indicators: [
                  {
                    code: 'OP1.1.a', name: 'Number of protection monitoring reports shared with the Protection Cluster',
                    names: { fr: 'Nombre de rapports de monitoring de protection partagés avec le Cluster Protection' },
                    type: 'number', unit: 'reports', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', cumulative: true, lopTarget: 96, frequency: 'month',
                    meansOfVerification: 'Cluster submission receipts', responsible: 'Protection monitoring officers',
                    targets: { periods: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4] },
                  },
                ],
                children: [{ code: 'A1.1.1', title: 'Deploy eight mobile teams in Mopti, Ségou, Tombouctou and Gao', fr: 'Déployer huit équipes mobiles à Mopti, Ségou, Tombouctou et Gao' }],
              },
              {
                code: 'OP1.2', title: 'Children at risk receive individual case management', fr: 'Les enfants à risque bénéficient d’une gestion de cas individuelle',
                indicators: [
                  {
                    adopt: 'CP-01', code: 'OP1.2.a', lopTarget: 3200, baselineValue: 0, baselineDate: '2024-12-31', responsible: 'AMPE case management lead',
                    targets: { periods: [250, 380, 450, 420, 380, 420, 480, 420], split: { ...SEX_SPLIT, 'age=5-11': 0.45, 'age=12-17': 0.55 } },
                  },
                ],
              },
              {
                code: 'OP1.3', title: 'Persons with disabilities are referred to specialised services', fr: 'Les personnes handicapées sont orientées vers des services spécialisés',
                indicators: [
                  {
                    ...people('OP1.3.a', 'Number of persons with disabilities referred to and receiving specialised services, by sex and age', 'Nombre de personnes handicapées orientées et recevant des services spécialisés, par sexe et âge', 1500, { baselineDate: '2024-12-31' }),
                    disaggregations: ['sex', 'age'],
                    targets: { periods: [120, 160, 220, 200, 170, 190, 230, 210], split: SEX_SPLIT },
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  'MIGR-TN-01': {
    template: 'custom',
    nodes: [
      {
        code: '1', title: 'Returning migrants and young people in Médenine build a livelihood at home',
        fr: 'Les migrants de retour et les jeunes de Médenine construisent leur avenir sur place',
        indicators: [
          {
            ...people('1.a', 'Number of returning migrants and young people who start or expand a business, by sex, age and status', 'Nombre de migrants de retour et de jeunes qui créent ou développent une entreprise, par sexe, âge et statut', 450, { baselineDate: '2025-03-31', frequency: 'semester' }),
            disaggregations: ['sex', 'age', 'displacement'],
            contributesTo: 'MIGR.1',
            targets: { periods: [20, 80, 110, 120, 100], split: { 'sex=female': 0.4, 'sex=male': 0.6, 'displacement=returnee': 0.55 } },
          },
        ],
        children: [
          {
            code: '1.1', title: 'Counselling, training and start-up grants delivered with the municipality', fr: 'Conseil, formation et subventions de démarrage fournis avec la municipalité',
            indicators: [
              {
                ...people('1.1.a', 'Number of people completing vocational or business training, by sex and age', 'Nombre de personnes ayant terminé une formation professionnelle ou entrepreneuriale, par sexe et âge', 900, { baselineDate: '2025-03-31' }),
                disaggregations: ['sex', 'age'],
                targets: { periods: [0, 60, 90, 110, 120, 120, 110, 100, 100, 90], split: { 'sex=female': 0.45, 'sex=male': 0.55 } },
              },
              {
                code: '1.1.b', name: 'Value of start-up grants disbursed', names: { fr: 'Montant des subventions de démarrage versées' },
                type: 'currency', unit: 'TND', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', cumulative: true, lopTarget: 1_350_000, frequency: 'semester',
                targets: { periods: [100_000, 250_000, 350_000, 350_000, 300_000] },
              },
            ],
          },
        ],
      },
    ],
  },
  'MIGR-TN-02': {
    template: 'custom',
    nodes: [
      {
        code: '1', title: 'Diaspora savings finance local enterprises and municipal services in Gafsa and Kasserine',
        fr: 'L’épargne de la diaspora finance des entreprises locales et des services municipaux à Gafsa et Kasserine',
        indicators: [
          {
            code: '1.a', name: 'Value of diaspora investment channelled through the municipal windows', names: { fr: 'Montant des investissements de la diaspora canalisés par les guichets municipaux' },
            type: 'currency', unit: 'TND', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', cumulative: true, lopTarget: 4_000_000, frequency: 'year',
            contributesTo: 'MIGR.2', targets: { periods: [500_000, 1_200_000, 1_500_000], byLocation: { TN71: 0.55, TN42: 0.45 } },
          },
        ],
        children: [
          {
            code: '1.1', title: 'One-stop windows open in both municipalities', fr: 'Des guichets uniques ouvrent dans les deux municipalités',
            indicators: [
              {
                code: '1.1.a', name: 'Municipal one-stop window open and staffed', names: { fr: 'Guichet unique municipal ouvert et doté en personnel' },
                type: 'yes_no', unit: '', direction: 'increase', timeAggregation: 'latest', locationAggregation: 'none', lopTarget: 1, frequency: 'year', targets: { periods: [1, 1, 1] },
              },
            ],
          },
        ],
      },
    ],
  },
  'LASI-GH-04': {
    template: 'custom',
    nodes: [
      {
        code: '1', title: 'Informal workers in Accra and Kumasi work in secure places and have a say in city decisions',
        fr: 'Les travailleurs informels d’Accra et de Kumasi travaillent en sécurité et ont leur mot à dire dans les décisions de la ville',
        indicators: [
          {
            code: '1.a', name: 'Number of metropolitan by-laws or plans on markets and public space negotiated with informal workers',
            names: { fr: 'Nombre d’arrêtés ou de plans métropolitains sur les marchés et l’espace public négociés avec les travailleurs informels' },
            type: 'number', unit: 'by-laws', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', cumulative: true, baselineValue: 0, baselineDate: '2025-06-30', lopTarget: 6, frequency: 'year',
            targets: { periods: [0, 2, 2, 2], byLocation: { GH02: 0.5, GH05: 0.5 } },
          },
        ],
        children: [
          {
            code: '1.1', title: 'Informal workers are enrolled in social protection', fr: 'Les travailleurs informels sont inscrits à la protection sociale',
            indicators: [
              {
                ...people('1.1.a', 'Number of informal workers newly enrolled in the National Health Insurance Scheme or a pension scheme, by sex', 'Nombre de travailleurs informels nouvellement inscrits à l’assurance maladie nationale ou à une caisse de retraite, par sexe', 12000, { baselineDate: '2025-06-30', frequency: 'semester' }),
                disaggregations: ['sex'],
                targets: { periods: [800, 1500, 2000, 2200, 2000, 1800], split: { 'sex=female': 0.68, 'sex=male': 0.32 } },
              },
            ],
            children: [
              {
                code: '1.1.1', title: 'Worker associations negotiate in city platforms', fr: 'Les associations de travailleurs négocient dans des plateformes municipales',
                indicators: [
                  {
                    code: '1.1.1.a', name: 'Number of statutory negotiation forums held with the metropolitan assemblies', names: { fr: 'Nombre de forums de négociation statutaires tenus avec les assemblées métropolitaines' },
                    type: 'number', unit: 'forums', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', cumulative: true, lopTarget: 24, frequency: 'quarter',
                    targets: { periods: [1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2] },
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
};
