import { type FrameworkSeed, SEX_SPLIT, people } from './demo-results-types.js';

/** Results frameworks of the demo projects, by project code, with their donor template. */
export const DEMO_FRAMEWORKS: Record<string, FrameworkSeed> = {
  'CLM-KOL-01': {
    template: 'fcdo',
    nodes: [
      {
        code: '1',
        title: 'Children in artisanal cobalt mining communities of Kolwezi and Lubudi are protected from the worst forms of child labour',
        fr: "Les enfants des communautés minières artisanales de cobalt de Kolwezi et Lubudi sont protégés des pires formes de travail des enfants",
        indicators: [
          {
            code: 'IMP.1', name: 'Prevalence of child labour at monitored artisanal mine sites', names: { fr: 'Prévalence du travail des enfants sur les sites miniers artisanaux suivis' },
            type: 'percentage', unit: '%', direction: 'decrease', timeAggregation: 'latest', locationAggregation: 'sum', baselineValue: 23.5, baselineDate: '2023-11-30',
            lopTarget: 8, frequency: 'year', meansOfVerification: 'Annual site census by community child-protection committees, verified by SAEMAPE inspectors',
            dataSource: 'Child labour monitoring and remediation system (CLMRS)', collectionMethod: 'Site census', responsible: 'M&E officer, Kolwezi',
          },
        ],
        children: [
          {
            code: '1.1', title: 'Children withdrawn from mine sites are enrolled and stay in school', fr: 'Les enfants retirés des sites miniers sont scolarisés et y restent',
            indicators: [
              {
                ...people('OC1.1', 'Number of children withdrawn from mine sites and enrolled in school', 'Nombre d’enfants retirés des sites miniers et scolarisés', 2400, {
                  meansOfVerification: 'Enrolment registers cross-checked with the CLMRS case list', dataSource: 'School registers', responsible: 'SOKADE education officer',
                }),
                disaggregations: ['sex', 'age'],
                contributesTo: 'CLM.1',
                // Quarters of SAI's April fiscal year from January 2024: a slow start, then school-year peaks.
                targets: { periods: [0, 80, 150, 260, 180, 120, 300, 260, 200, 140, 320, 240], split: SEX_SPLIT, byLocation: { CD7201: 0.65, CD7203: 0.35 } },
              },
              {
                code: 'OC1.2', name: 'Percentage of withdrawn children attending school at least 80% of days', names: { fr: 'Pourcentage d’enfants retirés présents à l’école au moins 80 % des jours' },
                type: 'percentage', unit: '%', direction: 'increase', timeAggregation: 'latest', locationAggregation: 'sum', baselineValue: 41, baselineDate: '2024-03-31',
                lopTarget: 85, frequency: 'quarter', meansOfVerification: 'Attendance registers, spot checks each quarter',
                contributesTo: 'CLM.2',
                targets: { periods: [45, 50, 55, 60, 64, 68, 72, 75, 78, 80, 83, 85] },
              },
            ],
            children: [
              {
                code: '1.1.1', title: 'Catch-up classes run in community learning centres', fr: 'Des cours de rattrapage sont organisés dans des centres d’apprentissage communautaires',
                indicators: [people('OP1.1.1', 'Number of children completing a catch-up cycle', 'Nombre d’enfants terminant un cycle de rattrapage', 1800)],
                children: [{ code: '1.1.1.a', title: 'Recruit and train 60 catch-up teachers', fr: 'Recruter et former 60 enseignants de rattrapage' }],
              },
              {
                code: '1.1.2', title: 'Community child-protection committees identify and refer children at risk', fr: 'Des comités communautaires de protection de l’enfant identifient et réfèrent les enfants à risque',
                indicators: [
                  {
                    code: 'OP1.1.2', name: 'Number of functional child-protection committees', names: { fr: 'Nombre de comités de protection de l’enfant fonctionnels' },
                    type: 'number', unit: 'committees', direction: 'increase', timeAggregation: 'latest', locationAggregation: 'sum', baselineValue: 4, baselineDate: '2024-01-01', lopTarget: 30, frequency: 'quarter',
                  },
                ],
              },
            ],
          },
          {
            code: '1.2', title: 'Households of withdrawn children have higher and steadier income', fr: 'Les ménages des enfants retirés ont des revenus plus élevés et plus stables',
            indicators: [people('OC2.1', 'Number of households with increased income', 'Nombre de ménages dont le revenu a augmenté', 1500, { unit: 'households', frequency: 'semester' })],
            children: [
              {
                code: '1.2.1', title: 'Village savings and loan associations formed and trained', fr: 'Des associations villageoises d’épargne et de crédit sont formées',
                indicators: [
                  {
                    code: 'OP1.2.1', name: 'Value of savings mobilised by the associations', names: { fr: 'Montant de l’épargne mobilisée par les associations' },
                    type: 'currency', unit: 'USD', direction: 'increase', timeAggregation: 'sum', locationAggregation: 'sum', cumulative: true, lopTarget: 90000, frequency: 'quarter',
                  },
                ],
              },
            ],
          },
          {
            code: '1.3', title: 'Mining cooperatives apply child-labour due diligence', fr: 'Les coopératives minières appliquent un devoir de diligence sur le travail des enfants',
            indicators: [
              {
                code: 'OC3.1', name: 'Number of cooperatives with a due-diligence policy adopted and published', names: { fr: 'Nombre de coopératives ayant adopté et publié une politique de diligence raisonnable' },
                type: 'number', unit: 'cooperatives', direction: 'increase', timeAggregation: 'latest', locationAggregation: 'sum', lopTarget: 12, frequency: 'semester',
              },
            ],
          },
        ],
      },
    ],
  },
  'SERP-ML-01': {
    template: 'eu',
    nodes: [
      {
        code: 'OG', title: 'Crisis-affected children in central Mali continue to learn in a protective environment', fr: 'Les enfants affectés par la crise au centre du Mali continuent d’apprendre dans un environnement protecteur',
        children: [
          {
            code: 'SO1', title: 'Displaced and host-community children access safe, quality education', fr: 'Les enfants déplacés et des communautés hôtes accèdent à une éducation sûre et de qualité',
            indicators: [
              {
                ...people('SO1.1', 'Number of children (6–17) enrolled in supported learning spaces, by sex, age and disability', 'Nombre d’enfants (6–17 ans) inscrits dans les espaces d’apprentissage appuyés, par sexe, âge et handicap', 9500, {
                  unit: 'children', baselineDate: '2023-09-01', meansOfVerification: 'Learning-space registers', responsible: 'AMPE field coordinators',
                }),
                disaggregations: ['sex', 'age', 'disability'],
                targets: {
                  periods: [900, 1200, 700, 400, 1100, 1300, 800, 500, 1000, 900, 500, 200],
                  split: { ...SEX_SPLIT, 'age=5-11': 0.6, 'age=12-17': 0.4, 'disability=with': 0.08 },
                  byLocation: { ML0501: 0.4, ML0504: 0.35, ML0406: 0.25 },
                },
              },
            ],
            children: [
              {
                code: 'OP1.1', title: 'Temporary learning spaces set up in Bandiagara, Douentza and Ségou', fr: 'Des espaces d’apprentissage temporaires sont installés à Bandiagara, Douentza et Ségou',
                indicators: [
                  {
                    code: 'OP1.1.a', name: 'Number of temporary learning spaces meeting minimum standards', names: { fr: 'Nombre d’espaces d’apprentissage temporaires conformes aux normes minimales' },
                    type: 'number', unit: 'spaces', direction: 'increase', timeAggregation: 'latest', locationAggregation: 'sum', baselineValue: 0, baselineDate: '2023-09-01', lopTarget: 120, frequency: 'quarter',
                  },
                ],
              },
              {
                code: 'OP1.2', title: 'Children receive psychosocial support', fr: 'Les enfants reçoivent un soutien psychosocial',
                indicators: [people('OP1.2.a', 'Number of children reached with psychosocial support sessions', 'Nombre d’enfants atteints par des séances de soutien psychosocial', 6000, { unit: 'children', baselineDate: '2023-09-01' })],
              },
            ],
          },
        ],
      },
    ],
  },
  'LASI-TN-01': {
    template: 'custom',
    nodes: [
      {
        code: '1', title: 'Residents of Sfax and Sousse shape municipal investment',
        indicators: [
          {
            code: '1.a', name: 'Participatory budgeting adopted by municipal council decree in both cities', names: { fr: 'Budget participatif adopté par arrêté du conseil municipal dans les deux villes' },
            type: 'yes_no', unit: '', direction: 'increase', timeAggregation: 'latest', locationAggregation: 'none', lopTarget: 1, frequency: 'year',
          },
        ], fr: 'Les habitants de Sfax et de Sousse orientent l’investissement municipal',
        children: [
          {
            code: '1.1', title: 'Participatory budgeting is institutionalised in both municipalities', fr: 'Le budget participatif est institutionnalisé dans les deux municipalités',
            indicators: [
              {
                code: '1.1.a', name: 'Share of the municipal investment budget decided through participatory budgeting', names: { fr: 'Part du budget d’investissement municipal décidée par budget participatif' },
                type: 'percentage', unit: '%', direction: 'increase', timeAggregation: 'latest', locationAggregation: 'sum', baselineValue: 2, baselineDate: '2024-12-31', lopTarget: 15, frequency: 'year',
              },
            ],
            children: [
              {
                code: '1.1.1', title: 'Neighbourhood forums held each budget cycle', fr: 'Des forums de quartier se tiennent à chaque cycle budgétaire',
                indicators: [
                  {
                    ...people('1.1.1.a', 'Number of residents taking part in neighbourhood forums, by sex and age', 'Nombre d’habitants participant aux forums de quartier, par sexe et âge', 4000, { unit: 'residents', frequency: 'semester', baselineDate: '2025-01-01' }),
                    disaggregations: ['sex', 'age'],
                    targets: { periods: [500, 700, 600, 800, 650, 750], split: { 'sex=female': 0.5, 'sex=male': 0.5 }, byLocation: { TN61: 0.55, TN51: 0.45 } },
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
