import type { Ctx } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { DEMO_USERS } from './demo-workspace.js';

/**
 * Annual work plans of the demo projects, written straight into the tables inside the seed's
 * transaction. The demo's story is told as of late November 2026: most activities done or on
 * track with their actual dates, one delayed with the reason, one not started, one past its
 * planned end that the partner has not updated yet. Dates are fixed so the browser journeys can
 * rely on them; statuses and % complete agree with them as the work-plan service would require.
 */
export interface PlanSeedRefs {
  project: (code: string) => string;
  organisation: (key: string) => string;
  user: (email: string) => string;
}

type Status = 'not_started' | 'on_track' | 'delayed' | 'done' | 'cancelled';

interface MilestoneSeed {
  kind: 'milestone' | 'deliverable';
  title: string;
  due: string;
  done?: string;
}

interface ActivitySeed {
  code: string;
  title: string;
  description: string;
  /** Code of the result node of the project's framework the activity carries out. */
  node: string | null;
  start: string;
  end: string;
  team: string;
  responsible: string;
  organisation: string | null;
  place: string | null;
  status: Status;
  percent: number;
  actualStart?: string;
  actualEnd?: string;
  note?: string;
  /** Who last updated the progress, and when. */
  updatedBy?: string;
  updatedOn?: string;
  milestones?: MilestoneSeed[];
}

interface PlanSeed {
  project: string;
  year: number;
  title: string;
  status: 'draft' | 'approved';
  createdBy: string;
  createdOn: string;
  approvedBy?: string;
  approvedOn?: string;
  activities: ActivitySeed[];
}

export const email = (local: string) => `${local}@fieldbook.demo`;
const ACCRA = 'Accra city team';
const KUMASI = 'Kumasi city team';

export const DEMO_PLANS: PlanSeed[] = [
  {
    project: 'LASI-GH-04',
    year: 2026,
    title: 'Accra and Kumasi city teams — annual operational plan 2026',
    status: 'approved',
    createdBy: email('me'),
    createdOn: '2025-12-03',
    approvedBy: email('admin'),
    approvedOn: '2025-12-17',
    activities: [
      {
        code: 'A1', title: 'Map and register traders at Makola and Kaneshie markets', node: '1.1', team: ACCRA, responsible: 'Kwame Asante, Accra city coordinator',
        description: 'Stall-by-stall enumeration with the market queens, so that every trader has a record the Accra Metropolitan Assembly and the NHIS office accept.',
        start: '2026-01-12', end: '2026-03-27', organisation: 'SAI', place: 'GH02', status: 'done', percent: 100, actualStart: '2026-01-14', actualEnd: '2026-04-02',
        note: '4,812 traders registered (71% women). Hand-over to AMA took one extra week.', updatedBy: email('me'), updatedOn: '2026-04-03',
        milestones: [
          { kind: 'milestone', title: 'Enumerators trained with the market queens', due: '2026-01-16', done: '2026-01-16' },
          { kind: 'deliverable', title: 'Trader register (Makola, Kaneshie) handed to AMA', due: '2026-03-31', done: '2026-04-02' },
        ],
      },
      {
        code: 'A2', title: 'Map and register traders and head porters at Kejetia and Central Market', node: '1.1', team: KUMASI, responsible: 'Abena Owusu, Kumasi city coordinator',
        description: 'Enumeration of traders and kayayei (head porters) in Kejetia and Kumasi Central Market with the traders’ associations.',
        start: '2026-01-19', end: '2026-04-10', organisation: 'SAI', place: 'GH05', status: 'done', percent: 100, actualStart: '2026-01-19', actualEnd: '2026-04-24',
        note: '6,240 traders and 1,130 kayayei registered. Two weeks lost to the Kejetia power outage in March.', updatedBy: email('me'), updatedOn: '2026-04-27',
        milestones: [{ kind: 'deliverable', title: 'Kumasi trader and kayayei register handed to KMA', due: '2026-04-10', done: '2026-04-24' }],
      },
      {
        code: 'A3', title: 'Quarterly negotiation forums with the Accra Metropolitan Assembly', node: '1.1.1', team: ACCRA, responsible: 'Kwame Asante, Accra city coordinator',
        description: 'Statutory forums between worker associations and AMA on market space, fees and services; minutes signed by both sides.',
        start: '2026-02-01', end: '2026-12-15', organisation: 'SAI', place: 'GH02', status: 'on_track', percent: 75, actualStart: '2026-02-18',
        note: 'Three of four forums held; the December forum is confirmed for 10 December at the AMA assembly hall.', updatedBy: email('me'), updatedOn: '2026-11-12',
        milestones: [
          { kind: 'milestone', title: 'Forum 1: market fees', due: '2026-03-15', done: '2026-02-18' },
          { kind: 'milestone', title: 'Forum 2: waste collection at Makola', due: '2026-06-15', done: '2026-06-11' },
          { kind: 'milestone', title: 'Forum 3: Kaneshie vending zones', due: '2026-09-15', done: '2026-09-17' },
          { kind: 'milestone', title: 'Forum 4: 2027 fee-fixing resolution', due: '2026-12-15' },
        ],
      },
      {
        code: 'A4', title: 'Kumasi market forums with the Kumasi Metropolitan Assembly', node: '1.1.1', team: KUMASI, responsible: 'Abena Owusu, Kumasi city coordinator',
        description: 'Forums between traders, kayayei and KMA on the Kejetia relocation and market services; extended from 8 to 12 forums by the budget revision of July (CR-1).',
        start: '2026-02-01', end: '2026-12-15', organisation: 'SAI', place: 'GH05', status: 'on_track', percent: 83, actualStart: '2026-02-09',
        note: '10 of 12 forums held. Transport and per diem costs above plan: forums now draw 120 participants instead of 80.', updatedBy: email('me'), updatedOn: '2026-11-18',
        milestones: [
          { kind: 'milestone', title: 'First four forums held', due: '2026-05-31', done: '2026-05-28' },
          { kind: 'milestone', title: 'Forums 5–8 held', due: '2026-09-30', done: '2026-09-24' },
          { kind: 'deliverable', title: 'Joint KMA–traders position paper on the Kejetia relocation', due: '2026-12-15' },
        ],
      },
      {
        code: 'A5', title: 'NHIS enrolment drive, Accra markets', node: '1.1', team: ACCRA, responsible: 'Esi Boateng, Accra community organiser',
        description: 'On-site registration desks with National Health Insurance Authority officers at Makola, Kaneshie and Agbogbloshie.',
        start: '2026-03-02', end: '2026-06-30', organisation: 'SAI', place: 'GH02', status: 'done', percent: 100, actualStart: '2026-03-09', actualEnd: '2026-07-10',
        note: '2,214 traders enrolled or renewed.', updatedBy: email('me'), updatedOn: '2026-07-13',
      },
      {
        code: 'A6', title: 'NHIS enrolment drive, Kumasi markets', node: '1.1', team: KUMASI, responsible: 'Yaw Mensah, Kumasi community organiser',
        description: 'Registration desks with NHIA officers at Kejetia, Central Market and the Asafo kayayei shelters.',
        start: '2026-04-06', end: '2026-08-28', organisation: 'SAI', place: 'GH05', status: 'done', percent: 100, actualStart: '2026-04-13', actualEnd: '2026-09-04',
        note: '2,980 enrolled, of whom 640 kayayei.', updatedBy: email('me'), updatedOn: '2026-09-07',
      },
      {
        code: 'A7', title: 'Second enrolment drive: NHIS and SSNIT informal-sector pensions, Accra', node: '1.1', team: ACCRA, responsible: 'Esi Boateng, Accra community organiser',
        description: 'Combined health insurance and informal-sector pension (SSNIT Self-Employed) registration for the traders registered in January.',
        start: '2026-09-07', end: '2026-12-18', organisation: 'SAI', place: 'GH02', status: 'on_track', percent: 60, actualStart: '2026-09-14',
        note: '1,320 enrolments so far; SSNIT officers available two days a week only.', updatedBy: email('me'), updatedOn: '2026-11-16',
        milestones: [{ kind: 'deliverable', title: 'Enrolment report to the NHIA regional office', due: '2026-12-18' }],
      },
      {
        code: 'A8', title: 'Negotiate the Kejetia market by-law with KMA', node: '1', team: KUMASI, responsible: 'Abena Owusu, Kumasi city coordinator',
        description: 'Draft, with the traders’ legal adviser, a by-law on stall allocation, fees and relocation at Kejetia, and take it through the KMA sub-committee to the General Assembly.',
        start: '2026-05-04', end: '2026-10-30', organisation: 'SAI', place: 'GH05', status: 'delayed', percent: 55, actualStart: '2026-05-11',
        note:
          'Delayed: the KMA Works and Development sub-committee postponed the by-law hearing twice (18 September and 23 October) while the 2027 fee-fixing resolution was debated. The hearing is now set for 10 December 2026; adoption by the General Assembly expected in March 2027.',
        updatedBy: email('me'), updatedOn: '2026-11-02',
        milestones: [
          { kind: 'deliverable', title: 'Draft by-law reviewed by the traders’ legal adviser', due: '2026-07-31', done: '2026-08-07' },
          { kind: 'milestone', title: 'Hearing at the KMA Works and Development sub-committee', due: '2026-09-18' },
          { kind: 'milestone', title: 'By-law tabled at the KMA General Assembly', due: '2026-10-30' },
        ],
      },
      {
        code: 'A9', title: 'Pilot street-vending zones at Kaneshie with AMA', node: '1', team: ACCRA, responsible: 'Kwame Asante, Accra city coordinator',
        description: 'Marked vending zones with waste bins and lighting on two Kaneshie streets, managed jointly by AMA and the vendors’ association.',
        start: '2026-06-01', end: '2026-11-30', organisation: 'SAI', place: 'GH02', status: 'on_track', percent: 90, actualStart: '2026-06-08',
        note: 'Zones marked and lit; the joint management committee signs its rules on 27 November.', updatedBy: email('me'), updatedOn: '2026-11-20',
      },
      {
        code: 'A10', title: 'Train Accra association leaders in negotiation and budget literacy', node: '1.1.1', team: ACCRA, responsible: 'Esi Boateng, Accra community organiser',
        description: 'Four two-day sessions for 60 leaders of the market, porters’ and waste pickers’ associations on the assembly budget cycle and negotiation.',
        start: '2026-03-16', end: '2026-05-29', organisation: 'SAI', place: 'GH02', status: 'done', percent: 100, actualStart: '2026-03-16', actualEnd: '2026-05-22',
        updatedBy: email('me'), updatedOn: '2026-05-25',
      },
      {
        code: 'A11', title: 'Train leaders of the kayayei and market queens’ associations, Kumasi', node: '1.1.1', team: KUMASI, responsible: 'Yaw Mensah, Kumasi community organiser',
        description: 'Negotiation and budget-literacy sessions in Twi for 48 leaders in Kumasi.',
        start: '2026-04-13', end: '2026-06-26', organisation: 'SAI', place: 'GH05', status: 'done', percent: 100, actualStart: '2026-04-20', actualEnd: '2026-07-03',
        updatedBy: email('me'), updatedOn: '2026-07-06',
      },
      {
        code: 'A12', title: '“Market Voices” radio programme on Kumasi stations', node: '1.1.1', team: KUMASI, responsible: 'Yaw Mensah, Kumasi community organiser',
        description: 'A weekly call-in programme in Twi where traders put questions to assembly members; announcements of the forums.',
        start: '2026-07-06', end: '2026-12-18', organisation: 'SAI', place: 'GH05', status: 'on_track', percent: 70, actualStart: '2026-07-06',
        note: '17 of 24 programmes aired.', updatedBy: email('me'), updatedOn: '2026-11-16',
      },
      {
        code: 'A13', title: 'Mid-year review with both city teams', node: '1', team: ACCRA, responsible: 'Kwame Asante, Accra city coordinator',
        description: 'Three-day review of progress, budget and risks with both city teams and the worker associations.',
        start: '2026-07-20', end: '2026-07-24', organisation: 'SAI', place: 'GH02', status: 'done', percent: 100, actualStart: '2026-07-21', actualEnd: '2026-07-24',
        updatedBy: email('me'), updatedOn: '2026-07-27',
        milestones: [{ kind: 'deliverable', title: 'Mid-year review report', due: '2026-08-07', done: '2026-08-05' }],
      },
      {
        code: 'A14', title: 'Register the Kpone waste pickers’ cooperative', node: '1.1', team: ACCRA, responsible: 'Esi Boateng, Accra community organiser',
        description: 'Support the waste pickers of the Kpone landfill to register their cooperative with the Department of Co-operatives and open a group NHIS account.',
        start: '2026-08-03', end: '2026-11-13', organisation: 'SAI', place: 'GH02', status: 'done', percent: 100, actualStart: '2026-08-10', actualEnd: '2026-11-06',
        updatedBy: email('me'), updatedOn: '2026-11-09',
        milestones: [{ kind: 'deliverable', title: 'Certificate of registration of the cooperative', due: '2026-11-13', done: '2026-11-06' }],
      },
      {
        code: 'A15', title: 'Annual review and 2027 planning workshop', node: '1', team: ACCRA, responsible: 'Kwame Asante, Accra city coordinator',
        description: 'Both city teams, worker associations and assembly focal persons review 2026 and prepare the 2027 plan and budget.',
        start: '2026-12-07', end: '2026-12-11', organisation: 'SAI', place: 'GH02', status: 'not_started', percent: 0,
        milestones: [{ kind: 'deliverable', title: 'Draft 2027 operational plan', due: '2026-12-18' }],
      },
    ],
  },
  {
    project: 'CLM-KOL-01',
    year: 2026,
    title: 'Plan de travail annuel 2026 — Kolwezi et Lubudi',
    status: 'approved',
    createdBy: email('me'),
    createdOn: '2025-12-08',
    approvedBy: email('pm'),
    approvedOn: '2025-12-19',
    activities: [
      {
        code: 'C1', title: 'Recruter et former 20 enseignants de rattrapage (remplacements)', node: '1.1.1.a', team: 'Équipe éducation SOKADE', responsible: 'Patient Kalenga, chargé éducation SOKADE',
        description: 'Recrutement et formation de dix jours des enseignants qui remplacent ceux partis en fin d’année scolaire.',
        start: '2026-01-12', end: '2026-02-27', organisation: 'SOKADE', place: 'CD7201', status: 'done', percent: 100, actualStart: '2026-01-12', actualEnd: '2026-02-20',
        updatedBy: email('partner'), updatedOn: '2026-02-23',
      },
      {
        code: 'C2', title: 'Cours de rattrapage : troisième trimestre 2025-2026', node: '1.1.1', team: 'Équipe éducation SOKADE', responsible: 'Patient Kalenga, chargé éducation SOKADE',
        description: 'Cours de rattrapage dans les 14 centres d’apprentissage communautaires de Kolwezi et Lubudi.',
        start: '2026-04-06', end: '2026-07-03', organisation: 'SOKADE', place: 'CD7201', status: 'done', percent: 100, actualStart: '2026-04-06', actualEnd: '2026-07-03',
        updatedBy: email('partner'), updatedOn: '2026-07-06',
        milestones: [{ kind: 'deliverable', title: 'Résultats des tests de fin de cycle', due: '2026-07-17', done: '2026-07-15' }],
      },
      {
        code: 'C3', title: 'Cours de rattrapage : premier trimestre 2026-2027', node: '1.1.1', team: 'Équipe éducation SOKADE', responsible: 'Patient Kalenga, chargé éducation SOKADE',
        description: 'Rentrée des centres d’apprentissage à Kolwezi et Lubudi pour 620 enfants retirés des sites miniers.',
        start: '2026-09-07', end: '2026-12-18', organisation: 'SOKADE', place: 'CD7201', status: 'on_track', percent: 70, actualStart: '2026-09-07',
        note: '604 enfants inscrits, présence moyenne de 83 %.', updatedBy: email('partner'), updatedOn: '2026-11-13',
      },
      {
        code: 'C4', title: 'Distribuer les kits scolaires de la rentrée 2026-2027', node: '1.1', team: 'Équipe éducation SOKADE', responsible: 'Grâce Mbuyi, SOKADE',
        description: 'Kits (cartable, cahiers, uniforme) pour les enfants inscrits en catch-up et en école formelle, à Kolwezi et Lubudi.',
        start: '2026-08-17', end: '2026-09-25', organisation: 'SOKADE', place: 'CD7203', status: 'on_track', percent: 85, actualStart: '2026-08-24',
        note: 'Kolwezi terminé ; 240 kits pour Lubudi encore à l’entrepôt de Kolwezi.', updatedBy: email('partner'), updatedOn: '2026-09-22',
        milestones: [{ kind: 'milestone', title: 'Kits livrés à Lubudi', due: '2026-09-25' }],
      },
      {
        code: 'C5', title: 'Visites mensuelles des comités de protection sur les sites miniers', node: '1.1.2', team: 'Comités communautaires', responsible: 'Grâce Mbuyi, SOKADE',
        description: 'Visites des sites de Kasulo, Mutoshi et Kanina par les comités, identification et référencement des enfants à risque.',
        start: '2026-01-05', end: '2026-12-18', organisation: 'SOKADE', place: 'CD7201', status: 'on_track', percent: 88, actualStart: '2026-01-05',
        note: '10 tournées sur 11 réalisées ; 142 enfants référés depuis janvier.', updatedBy: email('partner'), updatedOn: '2026-11-10',
      },
      {
        code: 'C6', title: 'Mettre en place six nouveaux comités de protection à Lubudi', node: '1.1.2', team: 'Comités communautaires', responsible: 'Grâce Mbuyi, SOKADE',
        description: 'Élection, formation et équipement de six comités dans les villages miniers de Lubudi.',
        start: '2026-03-02', end: '2026-06-30', organisation: 'SOKADE', place: 'CD7203', status: 'done', percent: 100, actualStart: '2026-03-09', actualEnd: '2026-06-26',
        updatedBy: email('partner'), updatedOn: '2026-06-29',
      },
      {
        code: 'C7', title: 'Former 12 nouvelles AVEC (associations villageoises d’épargne et de crédit)', node: '1.2.1', team: 'Équipe moyens de subsistance SAI', responsible: 'Jean-Pierre Mukendi',
        description: 'Constitution et formation de 12 AVEC avec les ménages des enfants retirés des sites.',
        start: '2026-02-02', end: '2026-05-29', organisation: 'SAI', place: 'CD7201', status: 'done', percent: 100, actualStart: '2026-02-09', actualEnd: '2026-05-29',
        updatedBy: email('me'), updatedOn: '2026-06-01',
      },
      {
        code: 'C8', title: 'Partage annuel et audit de l’épargne des AVEC', node: '1.2.1', team: 'Équipe moyens de subsistance SAI', responsible: 'Jean-Pierre Mukendi',
        description: 'Clôture du cycle, partage de l’épargne et vérification des livrets par un auditeur externe.',
        start: '2026-11-02', end: '2026-12-11', organisation: 'SAI', place: 'CD7201', status: 'on_track', percent: 30, actualStart: '2026-11-04',
        updatedBy: email('me'), updatedOn: '2026-11-18',
      },
      {
        code: 'C9', title: 'Ateliers de diligence raisonnable avec les coopératives minières', node: '1.3', team: 'Équipe SAI Kolwezi', responsible: 'Jean-Pierre Mukendi',
        description: 'Quatre ateliers avec les coopératives, les négociants et SAEMAPE sur les politiques de diligence raisonnable.',
        start: '2026-05-04', end: '2026-10-30', organisation: 'SAI', place: 'CD7201', status: 'done', percent: 100, actualStart: '2026-05-12', actualEnd: '2026-10-22',
        updatedBy: email('me'), updatedOn: '2026-10-26',
        milestones: [{ kind: 'deliverable', title: 'Politiques publiées par au moins quatre coopératives', due: '2026-10-30', done: '2026-10-22' }],
      },
      {
        code: 'C10', title: 'Recensement annuel du travail des enfants sur les sites', node: '1', team: 'Comités communautaires', responsible: 'Grâce Mbuyi, SOKADE',
        description: 'Recensement des sites suivis par les comités, vérifié par les inspecteurs de SAEMAPE.',
        start: '2026-12-01', end: '2026-12-18', organisation: 'SOKADE', place: 'CD72', status: 'not_started', percent: 0,
      },
    ],
  },
  {
    project: 'PROT-ML-01',
    year: 2026,
    title: 'Plan opérationnel 2026 — protection à Mopti, Ségou, Tombouctou et Gao',
    status: 'approved',
    createdBy: email('me'),
    createdOn: '2025-12-10',
    approvedBy: email('admin'),
    approvedOn: '2025-12-22',
    activities: [
      {
        code: 'P1', title: 'Déployer les huit équipes mobiles de protection', node: 'A1.1.1', team: 'Équipes mobiles', responsible: 'Coordinateur protection, Mopti',
        description: 'Huit équipes mobiles (deux par région) pour le monitoring de protection et le référencement.',
        start: '2026-01-05', end: '2026-12-31', organisation: 'SAI', place: 'ML05', status: 'on_track', percent: 90, actualStart: '2026-01-05',
        updatedBy: email('me'), updatedOn: '2026-11-09',
      },
      {
        code: 'P2', title: 'Rapports mensuels de monitoring au Cluster Protection', node: 'OP1.1', team: 'Équipes mobiles', responsible: 'Chargés de monitoring',
        description: 'Un rapport par mois et par région partagé avec le Cluster Protection.',
        start: '2026-01-05', end: '2026-12-31', organisation: 'SAI', place: 'ML05', status: 'on_track', percent: 83, actualStart: '2026-01-31',
        updatedBy: email('me'), updatedOn: '2026-11-05',
      },
      {
        code: 'P3', title: 'Recyclage des gestionnaires de cas de l’AMPE', node: 'OP1.2', team: 'AMPE Ségou', responsible: 'Responsable gestion de cas, AMPE',
        description: 'Deux semaines de formation sur la gestion de cas et les procédures opérationnelles standard.',
        start: '2026-03-09', end: '2026-03-20', organisation: 'AMPE', place: 'ML04', status: 'done', percent: 100, actualStart: '2026-03-09', actualEnd: '2026-03-20',
        updatedBy: email('me'), updatedOn: '2026-03-23',
      },
      {
        code: 'P4', title: 'Cartographier les services pour les personnes handicapées à Tombouctou et Gao', node: 'OP1.3', team: 'Équipes mobiles', responsible: 'Chargé inclusion',
        description: 'Répertoire des services spécialisés et circuits de référencement validés avec les services sociaux.',
        start: '2026-04-06', end: '2026-07-31', organisation: 'SAI', place: 'ML06', status: 'done', percent: 100, actualStart: '2026-04-13', actualEnd: '2026-08-21',
        updatedBy: email('me'), updatedOn: '2026-08-24',
        milestones: [{ kind: 'deliverable', title: 'Répertoire des services validé', due: '2026-07-31', done: '2026-08-21' }],
      },
      {
        code: 'P5', title: 'Recyclage des comités communautaires de protection à Gao', node: 'SO1', team: 'AMPE Gao', responsible: 'Animateurs AMPE',
        description: 'Sessions de recyclage des 18 comités communautaires de protection du cercle de Gao.',
        start: '2026-10-05', end: '2026-12-11', organisation: 'AMPE', place: 'ML07', status: 'delayed', percent: 20, actualStart: '2026-10-19',
        note: 'Déplacements suspendus entre Gao et Ansongo depuis fin octobre (restrictions de sécurité) ; sessions reprogrammées en janvier.', updatedBy: email('me'), updatedOn: '2026-11-06',
      },
    ],
  },
  {
    project: 'MIGR-TN-01',
    year: 2026,
    title: 'Plan de travail 2026 — Médenine',
    status: 'approved',
    createdBy: email('me'),
    createdOn: '2025-12-05',
    approvedBy: email('admin'),
    approvedOn: '2025-12-15',
    activities: [
      {
        code: 'M1', title: 'Accueil et orientation des migrants de retour', node: '1.1', team: 'Guichet ATGL Médenine', responsible: 'Conseillère ATGL',
        description: 'Permanences d’accueil à la municipalité, entretiens individuels et orientation vers formation ou subvention.',
        start: '2026-01-12', end: '2026-12-18', organisation: 'ATGL', place: 'TN82', status: 'on_track', percent: 85, actualStart: '2026-01-12',
        updatedBy: email('me'), updatedOn: '2026-11-11',
      },
      {
        code: 'M2', title: 'Formation professionnelle, cohorte 3', node: '1.1', team: 'Guichet ATGL Médenine', responsible: 'Coordinateur formation',
        description: 'Soudure, froid et climatisation, gestion de petite entreprise : 120 participants.',
        start: '2026-02-16', end: '2026-06-26', organisation: 'ATGL', place: 'TN82', status: 'done', percent: 100, actualStart: '2026-02-16', actualEnd: '2026-06-26',
        updatedBy: email('me'), updatedOn: '2026-06-29',
      },
      {
        code: 'M3', title: 'Subventions de démarrage, tour 2 : sélection et versement', node: '1.1', team: 'Comité de sélection', responsible: 'Chargée de projet SAI',
        description: 'Appel à candidatures, comité de sélection avec la municipalité et versement des subventions.',
        start: '2026-05-04', end: '2026-10-30', organisation: 'SAI', place: 'TN82', status: 'done', percent: 100, actualStart: '2026-05-04', actualEnd: '2026-11-13',
        updatedBy: email('me'), updatedOn: '2026-11-16',
      },
      {
        code: 'M4', title: 'Accompagnement des entreprises subventionnées', node: '1', team: 'Guichet ATGL Médenine', responsible: 'Coachs ATGL',
        description: 'Visites mensuelles de suivi et coaching des bénéficiaires des tours 1 et 2.',
        start: '2026-07-06', end: '2026-12-18', organisation: 'ATGL', place: 'TN82', status: 'on_track', percent: 55, actualStart: '2026-07-06',
        updatedBy: email('me'), updatedOn: '2026-11-11',
      },
    ],
  },
  {
    project: 'MIGR-TN-01',
    year: 2027,
    title: 'Plan de travail 2027 — Médenine (projet)',
    status: 'draft',
    createdBy: email('me'),
    createdOn: '2026-11-17',
    activities: [
      {
        code: 'N1', title: 'Formation professionnelle, cohorte 4', node: '1.1', team: 'Guichet ATGL Médenine', responsible: 'Coordinateur formation',
        description: 'Dernière cohorte du projet : 100 participants.', start: '2027-02-01', end: '2027-06-30', organisation: 'ATGL', place: 'TN82', status: 'not_started', percent: 0,
      },
      {
        code: 'N2', title: 'Subventions de démarrage, tour 3', node: '1.1', team: 'Comité de sélection', responsible: 'Chargée de projet SAI',
        description: 'Dernier tour de subventions avec cofinancement municipal.', start: '2027-04-05', end: '2027-07-30', organisation: 'SAI', place: 'TN82', status: 'not_started', percent: 0,
      },
      {
        code: 'N3', title: 'Évaluation finale et capitalisation', node: '1', team: 'Équipe SAI Tunis', responsible: 'Chargée de suivi-évaluation',
        description: 'Évaluation externe et atelier de capitalisation avec la municipalité.', start: '2027-06-01', end: '2027-09-15', organisation: 'SAI', place: 'TN82', status: 'not_started', percent: 0,
      },
    ],
  },
];

/** A timestamp at a given hour on a calendar day. */
export const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** The id of a result node of a project's framework, by its code. */
export async function resultNodeId(ctx: Ctx, projectId: string, code: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('result_nodes')
    .innerJoin('results_frameworks', 'results_frameworks.id', 'result_nodes.framework_id')
    .select('result_nodes.id')
    .where('results_frameworks.project_id', '=', projectId)
    .where('result_nodes.code', '=', code)
    .executeTakeFirst();
  if (!row) throw new Error(`Demo plans: no result node ${code} in project ${projectId}`);
  return row.id;
}

/** An audit entry dated when the demo's step would have happened, by the person who did it. */
export async function auditAt(
  ctx: Ctx,
  refs: Pick<PlanSeedRefs, 'user'>,
  entry: { at: string; by: string; action: string; entityType: string; entityId: string; organisationId: string; after?: unknown; note?: string },
): Promise<void> {
  const user = DEMO_USERS.find((u) => u.email === entry.by)!;
  await ctx.db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: entry.at,
      actor_user_id: refs.user(entry.by),
      actor_email: entry.by,
      actor_name: user.name,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      organisation_id: entry.organisationId,
      before_json: null,
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: ctx.ip,
      request_id: ctx.requestId,
      reason: null,
      note: entry.note ?? null,
    })
    .execute();
}

/** Seeds the work plans; returns activity ids keyed `<project code>/<activity code>`. */
export async function seedWorkPlans(ctx: Ctx, refs: PlanSeedRefs): Promise<Map<string, string>> {
  const activityIds = new Map<string, string>();
  const pcodes = [...new Set(DEMO_PLANS.flatMap((p) => p.activities.map((a) => a.place).filter((x): x is string => !!x)))];
  const places = new Map((await ctx.db.selectFrom('locations').select(['id', 'pcode']).where('pcode', 'in', pcodes).execute()).map((l) => [l.pcode, l.id]));
  for (const plan of DEMO_PLANS) {
    const projectId = refs.project(plan.project);
    const project = await ctx.db
      .selectFrom('projects')
      .innerJoin('programmes', 'programmes.id', 'projects.programme_id')
      .select('programmes.organisation_id')
      .where('projects.id', '=', projectId)
      .executeTakeFirstOrThrow();
    const planId = newId();
    await ctx.db
      .insertInto('work_plans')
      .values({
        id: planId,
        project_id: projectId,
        year: plan.year,
        title: plan.title,
        start_date: `${plan.year}-01-01`,
        end_date: `${plan.year}-12-31`,
        status: plan.status,
        approved_by: plan.approvedBy ? refs.user(plan.approvedBy) : null,
        approved_at: plan.approvedOn ? at(plan.approvedOn, 15) : null,
        version: plan.status === 'approved' ? 2 : 1,
        created_by: refs.user(plan.createdBy),
        created_at: at(plan.createdOn, 9),
        updated_at: at(plan.approvedOn ?? plan.createdOn, 15),
      })
      .execute();
    if (plan.approvedBy && plan.approvedOn) {
      await auditAt(ctx, refs, {
        at: at(plan.approvedOn, 15), by: plan.approvedBy, action: 'work_plan.approve', entityType: 'work_plan', entityId: planId,
        organisationId: project.organisation_id, after: { status: 'approved', year: plan.year },
      });
    }
    for (const [position, a] of plan.activities.entries()) {
      checkActivity(plan.project, a);
      const id = newId();
      activityIds.set(`${plan.project}/${a.code}`, id);
      await ctx.db
        .insertInto('planned_activities')
        .values({
          id,
          work_plan_id: planId,
          project_id: projectId,
          result_node_id: a.node ? await resultNodeId(ctx, projectId, a.node) : null,
          code: a.code,
          title: a.title,
          description: a.description,
          planned_start: a.start,
          planned_end: a.end,
          responsible: a.responsible,
          team: a.team,
          organisation_id: a.organisation ? refs.organisation(a.organisation) : null,
          location_id: a.place ? places.get(a.place)! : null,
          status: a.status,
          percent_complete: a.percent,
          actual_start: a.actualStart ?? null,
          actual_end: a.actualEnd ?? null,
          status_note: a.note ?? '',
          status_updated_by: a.updatedBy ? refs.user(a.updatedBy) : null,
          status_updated_at: a.updatedOn ? at(a.updatedOn, 16) : null,
          position,
          version: a.updatedBy ? 2 : 1,
          created_at: at(plan.createdOn, 9),
          updated_at: at(a.updatedOn ?? plan.createdOn, 16),
        })
        .execute();
      for (const [i, m] of (a.milestones ?? []).entries()) {
        await ctx.db
          .insertInto('activity_milestones')
          .values({ id: newId(), activity_id: id, kind: m.kind, title: m.title, due_date: m.due, done_date: m.done ?? null, position: i })
          .execute();
      }
    }
  }
  return activityIds;
}

/** The rules the work-plan service enforces on progress, checked on the demo's own data. */
function checkActivity(project: string, a: ActivitySeed): void {
  const fail = (why: string) => {
    throw new Error(`Demo plans: ${project} ${a.code} ${why}`);
  };
  if (a.start > a.end) fail('ends before it starts');
  if (a.percent < 0 || a.percent > 100) fail('percent out of range');
  if (a.status === 'done' && (a.percent !== 100 || !a.actualStart || !a.actualEnd)) fail('done needs 100% and actual dates');
  if (a.status === 'not_started' && (a.percent !== 0 || a.actualStart || a.actualEnd)) fail('not started has progress');
  if ((a.status === 'on_track' || a.status === 'delayed') && (!a.actualStart || a.actualEnd || a.percent >= 100)) fail('in progress needs a start and no end');
  if (a.actualStart && a.actualEnd && a.actualStart > a.actualEnd) fail('actual end before start');
}
