import type { FrameworkSeed, LibrarySeed } from './demo-results-types.js';

const protection = 'Global Protection Cluster indicator registry';

/** Standard indicators, by owning organisation key: SAI's own list and the donor NFCC's results framework. */
export const DEMO_LIBRARY: Record<string, LibrarySeed[]> = {
  SAI: [
    {
      code: 'PROT-01', name: 'Number of people reached with protection services, by sex, age and disability',
      names: { fr: 'Nombre de personnes atteintes par des services de protection, par sexe, âge et handicap', es: 'Número de personas alcanzadas con servicios de protección, por sexo, edad y discapacidad', ar: 'عدد الأشخاص الذين وصلتهم خدمات الحماية، حسب الجنس والعمر والإعاقة' },
      definition: 'Unique individuals who received at least one protection service (case management, psychosocial support, legal aid, referral) in the period. Count each person once per period.',
      type: 'number', unit: 'people', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', cumulative: true, frequency: 'quarter',
      meansOfVerification: 'Service registers and 5W submissions to the Protection Cluster', dataSource: 'Protection monitoring and service registers', collectionMethod: 'Registers',
      source: protection, disaggregations: ['sex', 'age', 'disability'],
    },
    {
      code: 'CP-01', name: 'Number of children at risk who receive individual case management, by sex and age',
      names: { fr: 'Nombre d’enfants à risque bénéficiant d’une gestion de cas individuelle, par sexe et âge' },
      definition: 'Girls and boys under 18 with an open case file whose case plan had at least one follow-up in the period.',
      type: 'number', unit: 'children', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', cumulative: true, frequency: 'quarter',
      meansOfVerification: 'CPIMS+ case records', dataSource: 'Child protection information management system', collectionMethod: 'Case file review',
      source: 'Child Protection Area of Responsibility', disaggregations: ['sex', 'age'],
    },
    {
      code: 'EDU-01', name: 'Number of children enrolled in supported learning spaces, by sex and age',
      names: { fr: 'Nombre d’enfants inscrits dans les espaces d’apprentissage appuyés, par sexe et âge' },
      type: 'number', unit: 'children', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', cumulative: true, frequency: 'quarter',
      meansOfVerification: 'Learning-space registers', source: 'Global Education Cluster', disaggregations: ['sex', 'age'],
    },
    {
      code: 'GOV-01', name: 'Number of residents taking part in participatory local governance processes, by sex',
      names: { fr: 'Nombre d’habitants participant à des processus de gouvernance locale participative, par sexe' },
      type: 'number', unit: 'people', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', cumulative: false, frequency: 'semester',
      source: 'SAI corporate results framework', disaggregations: ['sex'],
    },
  ],
  NFCC: [
    {
      code: 'NFCC-CL-1', name: 'Number of children withdrawn from child labour and enrolled in education or training',
      names: { fr: 'Nombre d’enfants retirés du travail des enfants et inscrits dans l’éducation ou la formation' },
      definition: 'Children identified in a child labour situation, withdrawn, and enrolled in formal school, a catch-up programme or vocational training in the period.',
      type: 'number', unit: 'children', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', cumulative: true, frequency: 'quarter',
      meansOfVerification: 'Child labour monitoring and remediation system records', source: 'NFCC results framework 2024–2028', disaggregations: ['sex', 'age'],
    },
    {
      code: 'NFCC-CL-2', name: 'Percentage of children withdrawn from child labour still in education 12 months later',
      names: { fr: 'Pourcentage d’enfants retirés du travail des enfants toujours scolarisés 12 mois plus tard' },
      type: 'percentage', unit: '%', direction: 'increase', timeAggregation: 'latest', locationAggregation: 'sum', cumulative: false, frequency: 'year',
      source: 'NFCC results framework 2024–2028', disaggregations: ['sex'],
    },
  ],
};

/** Programme-level frameworks that project indicators roll up into, by programme code. */
export const DEMO_PROGRAMME_FRAMEWORKS: Record<string, FrameworkSeed> = {
  CLM: {
    template: 'fcdo',
    nodes: [
      {
        code: 'P', title: 'Mineral supply chains from the Katanga copperbelt and South Kivu are free of child labour',
        fr: 'Les chaînes d’approvisionnement minières du Katanga et du Sud-Kivu sont exemptes de travail des enfants',
        indicators: [{ adopt: 'NFCC-CL-1', code: 'CLM.1', lopTarget: 6000, baselineValue: 0, baselineDate: '2024-01-01', responsible: 'Programme M&E lead' }],
        children: [
          {
            code: 'P.1', title: 'Withdrawn children stay in education', fr: 'Les enfants retirés restent scolarisés',
            indicators: [
              {
                code: 'CLM.2', name: 'Percentage of withdrawn children attending school regularly', names: { fr: 'Pourcentage d’enfants retirés fréquentant l’école régulièrement' },
                type: 'percentage', unit: '%', direction: 'increase', timeAggregation: 'latest', locationAggregation: 'sum', lopTarget: 85, frequency: 'year',
              },
            ],
          },
        ],
      },
    ],
  },
  MIGR: {
    template: 'custom',
    nodes: [
      {
        code: 'G', title: 'In southern and central Tunisia, migration becomes a choice rather than a necessity',
        fr: 'Dans le sud et le centre de la Tunisie, la migration devient un choix plutôt qu’une nécessité',
        children: [
          {
            code: 'G.1', title: 'Returning migrants and young people earn a decent living at home', fr: 'Les migrants de retour et les jeunes gagnent dignement leur vie sur place',
            indicators: [
              {
                code: 'MIGR.1', name: 'Number of people with a new or expanded business or job, by sex and age', names: { fr: 'Nombre de personnes ayant créé ou développé une entreprise ou obtenu un emploi, par sexe et âge', ar: 'عدد الأشخاص الذين أنشأوا أو وسّعوا مشروعًا أو حصلوا على عمل، حسب الجنس والعمر' },
                type: 'number', unit: 'people', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', cumulative: true, lopTarget: 1500, frequency: 'semester',
                disaggregations: ['sex', 'age'],
              },
            ],
          },
          {
            code: 'G.2', title: 'The diaspora invests in local development', fr: 'La diaspora investit dans le développement local',
            indicators: [
              {
                code: 'MIGR.2', name: 'Value of diaspora investment mobilised', names: { fr: 'Montant des investissements de la diaspora mobilisés', ar: 'قيمة استثمارات الجالية المعبأة' },
                type: 'currency', unit: 'TND', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', cumulative: true, lopTarget: 6_000_000, frequency: 'year',
              },
            ],
          },
        ],
      },
    ],
  },
};
