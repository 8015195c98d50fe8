import type { Locale } from '@shared/locales.js';
import type { NarrativeSection } from '@shared/domain/submission-status.js';

/** What happens to a round's package in the demo: oldest round first, the last is the current period. */
export type DemoPackageState = 'approved' | 'submitted' | 'returned' | 'partial' | 'empty';

export interface DemoReportingPlan {
  project: string;
  /** The organisation whose fiscal year names the periods. */
  lead: string;
  organisation: string;
  locations: string[];
  periodType: 'quarter';
  manager: string;
  reporter: string;
  reviewer: string;
  language: Locale;
  states: DemoPackageState[];
  /** Typical size of a period's value per place, by indicator code (default 60). */
  scale: Record<string, number>;
  /** For percentages: the range of numerator ÷ denominator, by indicator code (default 55–85 %). */
  shares: Record<string, [number, number]>;
  qualitative: string;
  title: (periodKey: string) => string;
  narratives: (periodKey: string) => { section: NarrativeSection; text: string }[];
  /** The value the reviewer queries in the returned package (an indicator without breakdown). */
  outlier: { indicator: string; location: string; packageComment: string; valueComment: string };
}

export const DEMO_REPORTING: DemoReportingPlan[] = [
  {
    project: 'CLM-KOL-01',
    lead: 'SAI',
    organisation: 'SOKADE',
    locations: ['CD7201', 'CD7203'],
    periodType: 'quarter',
    manager: 'me@fieldbook.demo',
    reporter: 'partner@fieldbook.demo',
    reviewer: 'me@fieldbook.demo',
    language: 'fr',
    states: ['approved', 'approved', 'approved', 'approved', 'returned', 'partial'],
    shares: { 'IMP.1': [0.1, 0.2] },
    scale: { 'OC1.1': 110, 'OC1.2': 120, 'OP1.1.1': 90, 'OP1.1.2': 6, 'OC2.1': 70, 'OP1.2.1': 4200, 'OC3.1': 2, 'IMP.1': 300 },
    qualitative: 'Les comités signalent moins d’enfants sur les sites de Kasulo depuis la saison des pluies.',
    title: (key) => `Rapport trimestriel SOKADE ${key}`,
    narratives: (key) => [
      { section: 'achievements', text: `${key} : les centres d’apprentissage de Kolwezi et Lubudi ont accueilli une nouvelle cohorte d’enfants retirés des sites de Kasulo et Musompo ; les comités de protection ont tenu leurs réunions mensuelles.` },
      { section: 'challenges', text: 'Les pluies ont coupé la route de Lubudi pendant trois semaines ; deux animateurs ont quitté le projet pour des emplois miniers mieux payés.' },
      { section: 'lessons', text: 'Les visites à domicile par les membres des comités réduisent les abandons plus que les rappels par SMS.' },
      { section: 'next_steps', text: 'Recruter deux animateurs, pré-positionner les kits scolaires avant la saison des pluies.' },
    ],
    outlier: {
      indicator: 'OP1.1.2',
      location: 'CD7203',
      packageComment: 'Merci de vérifier le nombre de comités à Lubudi avant que nous approuvions le rapport.',
      valueComment: 'Trois fois plus de comités fonctionnels qu’au trimestre dernier : pouvez-vous joindre les procès-verbaux des réunions ?',
    },
  },
  {
    project: 'PROT-ML-01',
    lead: 'SAI',
    organisation: 'AMPE',
    locations: ['ML05', 'ML04', 'ML06', 'ML07'],
    periodType: 'quarter',
    manager: 'me@fieldbook.demo',
    reporter: 'me@fieldbook.demo',
    reviewer: 'admin@fieldbook.demo',
    language: 'fr',
    states: ['approved', 'approved', 'approved', 'approved', 'approved', 'partial'],
    shares: {},
    scale: { 'SO1.1': 1400, 'SO1.2': 40, 'OP1.1.a': 4, 'OP1.2.a': 160 },
    qualitative: 'Les équipes mobiles ont repris les visites à Douentza après la levée des restrictions de circulation.',
    title: (key) => `Rapport trimestriel AMPE ${key}`,
    narratives: (key) => [
      { section: 'achievements', text: `${key} : huit équipes mobiles ont couvert Mopti, Ségou, Tombouctou et Gao ; les survivantes de VBG ont été orientées vers la gestion de cas dans les délais.` },
      { section: 'challenges', text: 'L’insécurité sur l’axe Mopti–Douentza a retardé deux missions ; la ligne d’écoute a été saturée en fin de trimestre.' },
    ],
    outlier: { indicator: 'OP1.1.a', location: 'ML05', packageComment: '', valueComment: '' },
  },
  {
    project: 'SERP-ML-01',
    lead: 'SAI',
    organisation: 'AMPE',
    locations: ['ML0501', 'ML0504', 'ML0406'],
    periodType: 'quarter',
    manager: 'me@fieldbook.demo',
    reporter: 'reporter@fieldbook.demo',
    reviewer: 'me@fieldbook.demo',
    language: 'fr',
    states: ['approved', 'approved', 'submitted', 'empty'],
    shares: {},
    scale: { 'OP1.1.a': 3, 'OP1.2.a': 400 },
    qualitative: 'Les comités de gestion scolaire se réunissent chaque mois à Bandiagara et Douentza.',
    title: (key) => `Rapport trimestriel AMPE ${key}`,
    narratives: (key) => [
      { section: 'achievements', text: `${key} : les espaces d’apprentissage temporaires de Bandiagara, Douentza et Ségou ont accueilli les enfants déplacés ; les enseignants ont reçu leurs primes à temps.` },
      { section: 'challenges', text: 'Trois espaces ont fermé deux semaines pendant les inondations de Ségou.' },
    ],
    outlier: { indicator: 'OP1.1.a', location: 'ML0501', packageComment: '', valueComment: '' },
  },
];
