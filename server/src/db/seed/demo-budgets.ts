import { convertToBudget, lineTotal, splitEvenly, sumMinor, toMinor } from '@shared/domain/money.js';
import { periodsBetween } from '@shared/domain/periods.js';
import type { Ctx } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { type PlanSeedRefs, at, auditAt, email, resultNodeId } from './demo-plans.js';

/**
 * Budgets, expenditures and change requests of the demo projects, written straight into the
 * tables inside the seed's transaction but obeying every rule the services enforce: line totals
 * are quantity × unit cost and their period amounts add up to them exactly; a revision keeps the
 * stable line ids and supersedes the version before it through an approved change request;
 * expenditures are converted with convertToBudget, need two different approvers at or above the
 * threshold and are never approved by their submitter.
 */
type Category = 'personnel' | 'travel' | 'equipment' | 'supplies' | 'contractual' | 'other_direct' | 'indirect';

interface LineSeed {
  code: string;
  category: Category;
  description: string;
  unit: string;
  quantity: string;
  /** Decimal amount in the budget currency; for `indirect` lines the rate applies to the version's direct costs. */
  unitCost: string | 'direct_costs';
  node?: string;
  /** Activity code of the project's 2026 work plan. */
  activity?: string;
  note?: string;
  /** Relative weight of each period (quarter) of the budget; even when absent. */
  phasing?: number[];
}

interface ExpenditureSeed {
  line: string;
  date: string;
  description: string;
  payee: string;
  invoice: string;
  /** Decimal amount in the currency paid. */
  amount: string;
  currency?: string;
  /** Expense-currency units per one budget-currency unit. */
  rate?: string;
  rateSource?: string;
  status?: 'approved' | 'rejected' | 'submitted';
  rejection?: string;
}

interface BudgetSeed {
  project: string;
  title: string;
  currency: string;
  threshold: string | null;
  variancePct: number;
  recorder: string;
  approvers: [string, string | null];
  lines: LineSeed[];
  original: { createdOn: string; submittedOn: string; decidedOn: string; note: string };
  revision?: {
    /** The lines that differ from the original, by code. */
    changes: Record<string, Partial<LineSeed>>;
    createdOn: string;
    submittedOn: string;
    decidedOn: string;
    changeRequest: { title: string; description: string; justification: string; impact: string; decisionNote: string };
  };
  expenditures: ExpenditureSeed[];
}

const BCC = 'Banque Centrale du Congo';

export const DEMO_BUDGETS: BudgetSeed[] = [
  {
    project: 'LASI-GH-04',
    title: 'Accra and Kumasi city teams 2026',
    currency: 'GHS',
    threshold: '20000.00',
    variancePct: 10,
    recorder: email('finance'),
    approvers: [email('budget'), email('admin')],
    original: { createdOn: '2025-12-10', submittedOn: '2025-12-18', decidedOn: '2026-01-05', note: 'Approved as agreed at the December planning meeting.' },
    lines: [
      { code: '1.1', category: 'personnel', description: 'Accra city coordinator (100%)', unit: 'person-month', quantity: '12', unitCost: '9500.00', node: '1' },
      { code: '1.2', category: 'personnel', description: 'Kumasi city coordinator (100%)', unit: 'person-month', quantity: '12', unitCost: '9000.00', node: '1' },
      { code: '1.3', category: 'personnel', description: 'Community organisers, Accra and Kumasi (4 × 50%)', unit: 'person-month', quantity: '24', unitCost: '4200.00', node: '1.1' },
      {
        code: '2.1', category: 'travel', description: 'Kumasi market forums: transport and per diem of trader and kayayei representatives', unit: 'forum', quantity: '8', unitCost: '6500.00',
        node: '1.1.1', activity: 'A4', phasing: [1, 1, 1, 1],
      },
      { code: '2.2', category: 'travel', description: 'Accra–Kumasi team travel (coach and lodging)', unit: 'trip', quantity: '10', unitCost: '2850.00', phasing: [3, 3, 2, 2] },
      { code: '2.3', category: 'travel', description: 'Accra negotiation forums: participants’ transport', unit: 'forum', quantity: '4', unitCost: '3200.00', node: '1.1.1', activity: 'A3' },
      { code: '3.1', category: 'equipment', description: 'Tablets for market enumeration', unit: 'tablet', quantity: '20', unitCost: '3250.00', node: '1.1', activity: 'A1', phasing: [12, 0, 8, 0] },
      { code: '3.2', category: 'equipment', description: 'Portable public-address system and projector for forums', unit: 'set', quantity: '2', unitCost: '7800.00', phasing: [1, 0, 0, 0] },
      { code: '4.1', category: 'supplies', description: 'Forum materials, stationery and printing', unit: 'lump sum', quantity: '1', unitCost: '12000.00' },
      { code: '5.1', category: 'contractual', description: 'NHIS enrolment drives: NHIA registration agents', unit: 'drive', quantity: '3', unitCost: '15000.00', node: '1.1', phasing: [1, 1, 0, 1] },
      { code: '5.2', category: 'contractual', description: 'Legal adviser: Kejetia market by-law drafting and review', unit: 'contract', quantity: '1', unitCost: '24000.00', node: '1', activity: 'A8', phasing: [0, 1, 1, 0] },
      { code: '6.1', category: 'other_direct', description: 'Venue hire and refreshments, Accra forums, trainings and reviews', unit: 'event', quantity: '10', unitCost: '3500.00' },
      { code: '6.2', category: 'other_direct', description: 'Radio airtime: “Market Voices” programme', unit: 'programme', quantity: '24', unitCost: '650.00', node: '1.1.1', activity: 'A12', phasing: [0, 0, 1, 1] },
      { code: '6.3', category: 'other_direct', description: 'Bank charges and mobile-money fees', unit: 'lump sum', quantity: '1', unitCost: '2400.00' },
      { code: '7.1', category: 'indirect', description: 'Indirect costs (7% of direct costs)', unit: 'rate', quantity: '0.07', unitCost: 'direct_costs' },
    ],
    revision: {
      createdOn: '2026-07-06',
      submittedOn: '2026-07-08',
      decidedOn: '2026-07-14',
      changes: {
        '2.1': { quantity: '12', phasing: [1, 1, 2, 2], note: 'Four more forums after the new Metropolitan Chief Executive asked for monthly sessions on the Kejetia relocation.' },
        '3.1': { quantity: '12', phasing: [1, 0, 0, 0], note: 'Second batch of 8 tablets dropped: the Ghana Statistical Service lends tablets for the second round.' },
      },
      changeRequest: {
        title: 'Budget revision 2: four more Kumasi market forums, funded from the tablets line',
        description: 'Line 2.1 (Kumasi market forums) goes from 8 to 12 forums (+GHS 26,000.00); line 3.1 (tablets) from 20 to 12 tablets (−GHS 26,000.00). The total budget does not change.',
        justification:
          'After the confirmation of the new Metropolitan Chief Executive, the Kumasi Metropolitan Assembly asked the traders’ and kayayei associations for monthly forums on the Kejetia relocation. The Ghana Statistical Service lends tablets for the second enumeration round, so the second batch of tablets is no longer needed.',
        impact: 'Four more statutory forums in Kumasi (indicator 1.1.1.a); no change to the total or to indirect costs.',
        decisionNote: 'Approved. Keep an eye on the cost per forum: participants’ transport is rising.',
      },
    },
    expenditures: [
      { line: '3.1', date: '2026-01-08', description: '6 Samsung Galaxy Tab A9 tablets with covers (batch 1)', payee: 'CompuGhana Ltd', invoice: 'CG-26-0112', amount: '19500.00' },
      { line: '3.1', date: '2026-02-02', description: '6 Samsung Galaxy Tab A9 tablets with covers (batch 2)', payee: 'CompuGhana Ltd', invoice: 'CG-26-0187', amount: '19500.00' },
      { line: '3.2', date: '2026-02-05', description: 'Portable PA system and projector, two sets', payee: 'Melcom Ltd', invoice: 'MLC-0045521', amount: '14850.00' },
      { line: '1.1', date: '2026-02-27', description: 'Accra city coordinator salary, January–February', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-02-ACC', amount: '19000.00' },
      { line: '1.2', date: '2026-02-27', description: 'Kumasi city coordinator salary, January–February', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-02-KSI', amount: '18000.00' },
      { line: '1.3', date: '2026-02-27', description: 'Community organisers, January–February', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-02-CO', amount: '16800.00' },
      { line: '2.1', date: '2026-02-09', description: 'Kumasi forum 1: transport and per diem, 64 participants', payee: 'Kejetia Traders Association', invoice: 'INV-2026-0121', amount: '6480.00' },
      { line: '4.1', date: '2026-02-12', description: 'Printing of registration forms and forum banners', payee: 'Buck Press Ltd', invoice: 'INV-2026-0134', amount: '2760.00' },
      { line: '2.3', date: '2026-02-18', description: 'Accra forum 1: participants’ transport', payee: 'Makola Market Traders Union', invoice: 'INV-2026-0142', amount: '2980.00' },
      { line: '2.2', date: '2026-03-03', description: 'Coach tickets and lodging, Accra team in Kumasi (3 staff, 4 nights)', payee: 'Golden Tulip Kumasi City', invoice: 'GTK-260303', amount: '2640.00' },
      { line: '2.1', date: '2026-03-16', description: 'Kumasi forum 2: transport and per diem, 70 participants', payee: 'Kejetia Traders Association', invoice: 'INV-2026-0188', amount: '6915.50' },
      { line: '6.1', date: '2026-03-20', description: 'Training venue and lunches, Accra leaders’ training', payee: 'Accra City Hotel', invoice: 'ACH-2026-0311', amount: '3450.00' },
      { line: '5.1', date: '2026-03-30', description: 'NHIA registration agents, Accra enrolment drive', payee: 'National Health Insurance Authority, Greater Accra', invoice: 'NHIA-GA-2026-077', amount: '14200.00' },
      { line: '1.1', date: '2026-04-30', description: 'Accra city coordinator salary, March–April', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-04-ACC', amount: '19000.00' },
      { line: '1.2', date: '2026-04-30', description: 'Kumasi city coordinator salary, March–April', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-04-KSI', amount: '18000.00' },
      { line: '1.3', date: '2026-04-30', description: 'Community organisers, March–April', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-04-CO', amount: '16800.00' },
      { line: '2.1', date: '2026-04-20', description: 'Kumasi forum 3: transport and per diem, 76 participants', payee: 'Kejetia Traders Association', invoice: 'INV-2026-0241', amount: '7240.00' },
      { line: '4.1', date: '2026-05-20', description: 'Training handbooks in Twi and English', payee: 'Buck Press Ltd', invoice: 'INV-2026-0296', amount: '3480.00' },
      { line: '2.1', date: '2026-05-28', description: 'Kumasi forum 4: transport and per diem, 81 participants', payee: 'Kumasi Central Market Traders Association', invoice: 'INV-2026-0307', amount: '7630.00' },
      { line: '2.3', date: '2026-06-11', description: 'Accra forum 2: participants’ transport', payee: 'Makola Market Traders Union', invoice: 'INV-2026-0322', amount: '3150.00' },
      { line: '2.2', date: '2026-06-15', description: 'Coach tickets and lodging, Kumasi team in Accra (3 staff)', payee: 'Intercity STC Coaches Ltd', invoice: 'STC-88412', amount: '2910.00' },
      { line: '5.1', date: '2026-06-29', description: 'NHIA registration agents, Kumasi enrolment drive', payee: 'National Health Insurance Authority, Ashanti', invoice: 'NHIA-AS-2026-104', amount: '15000.00' },
      { line: '1.1', date: '2026-06-30', description: 'Accra city coordinator salary, May–June', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-06-ACC', amount: '19000.00' },
      { line: '1.2', date: '2026-06-30', description: 'Kumasi city coordinator salary, May–June', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-06-KSI', amount: '18000.00' },
      { line: '1.3', date: '2026-06-30', description: 'Community organisers, May–June', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-06-CO', amount: '16800.00' },
      { line: '6.3', date: '2026-06-30', description: 'Bank charges and mobile-money fees, January–June', payee: 'Ecobank Ghana', invoice: 'ECO-STMT-2026-06', amount: '640.35' },
      { line: '2.1', date: '2026-07-02', description: 'Kumasi forum 5: transport and per diem, 88 participants', payee: 'Kejetia Traders Association', invoice: 'INV-2026-0344', amount: '8150.00' },
      { line: '6.1', date: '2026-07-24', description: 'Mid-year review: venue, lunches and transport of association leaders', payee: 'Accra City Hotel', invoice: 'ACH-2026-0719', amount: '5600.00' },
      { line: '2.1', date: '2026-07-30', description: 'Kumasi forum 6: transport and per diem, 95 participants', payee: 'Kejetia Traders Association', invoice: 'INV-2026-0368', amount: '8420.00' },
      { line: '5.2', date: '2026-08-10', description: 'Legal adviser: Kejetia by-law drafting and review (full contract)', payee: 'Adu-Gyamfi & Associates, Legal Practitioners', invoice: 'AGA-2026-031', amount: '24000.00' },
      { line: '2.1', date: '2026-08-27', description: 'Kumasi forum 7: transport and per diem, 104 participants', payee: 'Kumasi Central Market Traders Association', invoice: 'INV-2026-0371', amount: '8760.00' },
      { line: '1.1', date: '2026-08-31', description: 'Accra city coordinator salary, July–August', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-08-ACC', amount: '19000.00' },
      { line: '1.2', date: '2026-08-31', description: 'Kumasi city coordinator salary, July–August', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-08-KSI', amount: '18000.00' },
      { line: '1.3', date: '2026-08-31', description: 'Community organisers, July–August', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-08-CO', amount: '16800.00' },
      { line: '4.1', date: '2026-09-10', description: 'Forum banners and Kejetia relocation leaflets', payee: 'Buck Press Ltd', invoice: 'INV-2026-0389', amount: '4125.00' },
      { line: '2.3', date: '2026-09-17', description: 'Accra forum 3: participants’ transport', payee: 'Makola Market Traders Union', invoice: 'INV-2026-0395', amount: '3240.00' },
      { line: '2.1', date: '2026-09-24', description: 'Kumasi forum 8: transport and per diem, 110 participants', payee: 'Kejetia Traders Association', invoice: 'INV-2026-0398', amount: '8905.00' },
      {
        line: '2.1', date: '2026-09-29', description: 'Kumasi forum 8: transport refunds', payee: 'Kejetia Traders Association', invoice: 'INV-2026-0401', amount: '8905.00',
        status: 'rejected', rejection: 'Duplicate: forum 8 was already paid under INV-2026-0398 on 24 September.',
      },
      { line: '6.2', date: '2026-09-30', description: 'Radio airtime, “Market Voices”, July–September (12 programmes)', payee: 'Luv FM (Multimedia Group Ltd)', invoice: 'MGL-KSI-2026-0930', amount: '7800.00' },
      { line: '2.2', date: '2026-10-06', description: 'Coach tickets and lodging, Accra team in Kumasi (3 staff, 3 nights)', payee: 'Golden Tulip Kumasi City', invoice: 'GTK-261006', amount: '3050.00' },
      { line: '1.1', date: '2026-10-30', description: 'Accra city coordinator salary, September–October', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-10-ACC', amount: '19000.00' },
      { line: '1.2', date: '2026-10-30', description: 'Kumasi city coordinator salary, September–October', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-10-KSI', amount: '18000.00' },
      { line: '1.3', date: '2026-10-30', description: 'Community organisers, September–October', payee: 'SAI Ghana payroll', invoice: 'PAY-2026-10-CO', amount: '16800.00' },
      { line: '7.1', date: '2026-04-15', description: 'Indirect cost recovery, January–March (7% of approved direct costs)', payee: 'Sahel Action International (headquarters)', invoice: 'ICR-2026-Q1', amount: '9850.00' },
      { line: '7.1', date: '2026-07-15', description: 'Indirect cost recovery, April–June (7% of approved direct costs)', payee: 'Sahel Action International (headquarters)', invoice: 'ICR-2026-Q2', amount: '11240.00' },
      { line: '7.1', date: '2026-10-15', description: 'Indirect cost recovery, July–September (7% of approved direct costs)', payee: 'Sahel Action International (headquarters)', invoice: 'ICR-2026-Q3', amount: '12075.00' },
      { line: '2.1', date: '2026-10-22', description: 'Kumasi forum 9: transport and per diem, 118 participants', payee: 'Kejetia Traders Association', invoice: 'INV-2026-0405', amount: '9340.00' },
      { line: '2.1', date: '2026-11-12', description: 'Kumasi forum 10: transport and per diem, 121 participants', payee: 'Kumasi Central Market Traders Association', invoice: 'INV-2026-0409', amount: '9615.00' },
      {
        line: '6.2', date: '2026-11-19', description: 'Radio airtime, “Market Voices”, October–November (10 programmes)', payee: 'Luv FM (Multimedia Group Ltd)', invoice: 'INV-2026-0412', amount: '6500.00',
        status: 'submitted',
      },
    ],
  },
  {
    project: 'CLM-KOL-01',
    title: 'Kolwezi et Lubudi 2026',
    currency: 'USD',
    threshold: null,
    variancePct: 10,
    recorder: email('finance'),
    approvers: [email('admin'), null],
    original: { createdOn: '2025-12-09', submittedOn: '2025-12-19', decidedOn: '2026-01-06', note: 'Approuvé, conforme à l’accord NFCC.' },
    lines: [
      { code: '1.1', category: 'personnel', description: 'Chargé éducation SOKADE', unit: 'person-month', quantity: '12', unitCost: '1450.00', node: '1.1' },
      {
        code: '1.2', category: 'personnel', description: 'Indemnités des enseignants de rattrapage (60 enseignants × 10 mois)', unit: 'teacher-month', quantity: '600', unitCost: '85.00',
        node: '1.1.1.a', activity: 'C3', phasing: [3, 3, 1, 3],
      },
      { code: '2.1', category: 'travel', description: 'Déplacements Kolwezi–Lubudi (location de véhicule et carburant)', unit: 'trip', quantity: '24', unitCost: '180.00' },
      { code: '3.1', category: 'supplies', description: 'Kits scolaires (cartable, cahiers, uniforme)', unit: 'kit', quantity: '1800', unitCost: '14.50', node: '1.1', activity: 'C4', phasing: [0, 0, 1, 0] },
      { code: '4.1', category: 'contractual', description: 'Animation des AVEC et audit externe de l’épargne', unit: 'group', quantity: '12', unitCost: '350.00', node: '1.2.1', activity: 'C7', phasing: [1, 1, 0, 1] },
      { code: '5.1', category: 'other_direct', description: 'Réunions des comités de protection et frais de référencement', unit: 'committee-month', quantity: '360', unitCost: '25.00', node: '1.1.2', activity: 'C5' },
      { code: '5.2', category: 'other_direct', description: 'Ateliers de diligence raisonnable avec les coopératives', unit: 'workshop', quantity: '4', unitCost: '1250.00', node: '1.3', activity: 'C9', phasing: [0, 1, 1, 2] },
      { code: '6.1', category: 'indirect', description: 'Coûts indirects (7 % des coûts directs)', unit: 'rate', quantity: '0.07', unitCost: 'direct_costs' },
    ],
    expenditures: [
      { line: '1.1', date: '2026-03-31', description: 'Salaire chargé éducation, janvier–mars', payee: 'SOKADE', invoice: 'SOK-2026-Q1-SAL', amount: '4350.00' },
      { line: '1.2', date: '2026-02-27', description: 'Indemnités de 60 enseignants, février', payee: 'SOKADE', invoice: 'SOK-2026-0214', amount: '14535000.00', currency: 'CDF', rate: '2850.00' },
      { line: '1.2', date: '2026-03-31', description: 'Indemnités de 60 enseignants, mars', payee: 'SOKADE', invoice: 'SOK-2026-0331', amount: '14620000.00', currency: 'CDF', rate: '2866.50' },
      { line: '2.1', date: '2026-03-20', description: 'Location de véhicule et carburant, 6 trajets Kolwezi–Lubudi', payee: 'Katanga Auto Services', invoice: 'KAS-0326', amount: '3096000.00', currency: 'CDF', rate: '2860.25' },
      { line: '1.2', date: '2026-05-29', description: 'Indemnités de 60 enseignants, avril–mai', payee: 'SOKADE', invoice: 'SOK-2026-0529', amount: '29172000.00', currency: 'CDF', rate: '2860.00' },
      { line: '4.1', date: '2026-05-29', description: 'Animation de 12 AVEC, cycle de formation', payee: 'CARITAS Développement Kolwezi', invoice: 'CDK-2026-118', amount: '3850.00' },
      { line: '1.1', date: '2026-06-30', description: 'Salaire chargé éducation, avril–juin', payee: 'SOKADE', invoice: 'SOK-2026-Q2-SAL', amount: '4350.00' },
      { line: '5.1', date: '2026-06-30', description: 'Réunions des comités, janvier–juin', payee: 'SOKADE', invoice: 'SOK-2026-0630-CP', amount: '12285000.00', currency: 'CDF', rate: '2871.00' },
      { line: '2.1', date: '2026-07-15', description: 'Location de véhicule et carburant, 5 trajets', payee: 'Katanga Auto Services', invoice: 'KAS-0715', amount: '2610000.00', currency: 'CDF', rate: '2878.40' },
      { line: '3.1', date: '2026-09-04', description: '1 560 kits scolaires', payee: 'Papeterie du Katanga SARL', invoice: 'PK-2026-0904', amount: '22620.00' },
      { line: '1.1', date: '2026-09-30', description: 'Salaire chargé éducation, juillet–septembre', payee: 'SOKADE', invoice: 'SOK-2026-Q3-SAL', amount: '4350.00' },
      { line: '5.2', date: '2026-10-22', description: 'Quatre ateliers de diligence raisonnable : salle et restauration', payee: 'Hôtel Mutoshi', invoice: 'HM-26-1022', amount: '4980.00' },
      { line: '1.2', date: '2026-10-30', description: 'Indemnités de 60 enseignants, septembre–octobre', payee: 'SOKADE', invoice: 'SOK-2026-1030', amount: '29550000.00', currency: 'CDF', rate: '2897.25' },
    ],
  },
  {
    project: 'PROT-ML-01',
    title: 'Services de protection 2026',
    currency: 'XOF',
    threshold: null,
    variancePct: 15,
    recorder: email('finance'),
    approvers: [email('admin'), null],
    original: { createdOn: '2025-12-11', submittedOn: '2025-12-19', decidedOn: '2026-01-07', note: 'Approuvé.' },
    lines: [
      { code: '1.1', category: 'personnel', description: 'Équipes mobiles : 16 agents de protection', unit: 'person-month', quantity: '192', unitCost: '385000', node: 'A1.1.1', activity: 'P1' },
      { code: '1.2', category: 'personnel', description: 'Gestionnaires de cas AMPE (8)', unit: 'person-month', quantity: '96', unitCost: '310000', node: 'OP1.2' },
      { code: '2.1', category: 'travel', description: 'Location de véhicules et carburant, équipes mobiles', unit: 'vehicle-month', quantity: '96', unitCost: '450000', node: 'OP1.1' },
      { code: '3.1', category: 'supplies', description: 'Kits de dignité', unit: 'kit', quantity: '1500', unitCost: '12500', node: 'SO1', phasing: [1, 2, 2, 1] },
      { code: '4.1', category: 'contractual', description: 'Consultante : recyclage en gestion de cas', unit: 'contract', quantity: '1', unitCost: '4800000', node: 'OP1.2', activity: 'P3', phasing: [1, 0, 0, 0] },
      { code: '5.1', category: 'other_direct', description: 'Réunions des comités communautaires et communication', unit: 'lump sum', quantity: '1', unitCost: '3600000' },
      { code: '6.1', category: 'indirect', description: 'Coûts indirects (7 % des coûts directs)', unit: 'rate', quantity: '0.07', unitCost: 'direct_costs' },
    ],
    expenditures: [
      { line: '4.1', date: '2026-03-20', description: 'Honoraires, recyclage des gestionnaires de cas (Ségou)', payee: 'Aminata Sow, consultante', invoice: 'AS-2026-007', amount: '7200.00', currency: 'EUR', rate: '0.0015244902', rateSource: 'BCEAO — parité fixe 655,957 XOF pour 1 EUR' },
      { line: '1.1', date: '2026-03-31', description: 'Salaires des agents de protection, janvier–mars', payee: 'SAI Mali — paie', invoice: 'PAIE-2026-T1', amount: '18480000' },
      { line: '2.1', date: '2026-03-31', description: 'Location de véhicules, janvier–mars', payee: 'Sahel Location Mopti', invoice: 'SLM-2026-031', amount: '10800000' },
      { line: '1.2', date: '2026-06-30', description: 'Gestionnaires de cas AMPE, janvier–juin', payee: 'AMPE', invoice: 'AMPE-2026-S1', amount: '14880000' },
      { line: '3.1', date: '2026-07-08', description: '800 kits de dignité', payee: 'Établissements Traoré et Frères', invoice: 'ETF-26-0708', amount: '10240000' },
      { line: '1.1', date: '2026-09-30', description: 'Salaires des agents de protection, avril–septembre', payee: 'SAI Mali — paie', invoice: 'PAIE-2026-T2T3', amount: '36960000' },
      { line: '2.1', date: '2026-09-30', description: 'Location de véhicules, avril–septembre', payee: 'Sahel Location Mopti', invoice: 'SLM-2026-093', amount: '22050000' },
    ],
  },
  {
    project: 'MIGR-TN-01',
    title: 'Médenine — réintégration 2026',
    currency: 'TND',
    threshold: null,
    variancePct: 10,
    recorder: email('finance'),
    approvers: [email('admin'), null],
    original: { createdOn: '2025-12-08', submittedOn: '2025-12-16', decidedOn: '2026-01-05', note: 'Approuvé.' },
    lines: [
      { code: '1.1', category: 'personnel', description: 'Conseillers ATGL (3)', unit: 'person-month', quantity: '36', unitCost: '2400.000', node: '1.1', activity: 'M1' },
      { code: '2.1', category: 'travel', description: 'Missions Tunis–Médenine', unit: 'trip', quantity: '12', unitCost: '420.000' },
      { code: '3.1', category: 'contractual', description: 'Formateurs professionnels, cohorte 3', unit: 'contract', quantity: '1', unitCost: '48000.000', node: '1.1', activity: 'M2', phasing: [1, 2, 0, 0] },
      { code: '3.2', category: 'contractual', description: 'Mentorat par des entrepreneurs de la diaspora', unit: 'mission', quantity: '3', unitCost: '3000.000', node: '1', activity: 'M4', phasing: [0, 0, 1, 2] },
      { code: '4.1', category: 'other_direct', description: 'Subventions de démarrage, tour 2', unit: 'grant', quantity: '40', unitCost: '7500.000', node: '1.1', activity: 'M3', phasing: [0, 0, 1, 1] },
      { code: '5.1', category: 'indirect', description: 'Coûts indirects (7 % des coûts directs)', unit: 'rate', quantity: '0.07', unitCost: 'direct_costs' },
    ],
    expenditures: [
      { line: '1.1', date: '2026-03-31', description: 'Salaires des conseillers, janvier–mars', payee: 'ATGL', invoice: 'ATGL-2026-T1', amount: '21600.000' },
      { line: '3.1', date: '2026-04-15', description: 'Formateurs, cohorte 3 : première tranche', payee: 'Centre de formation professionnelle de Médenine', invoice: 'CFPM-26-041', amount: '16000.000' },
      { line: '2.1', date: '2026-05-12', description: 'Mission de suivi, 3 personnes', payee: 'Hôtel Djerba Midun', invoice: 'HDM-5512', amount: '1265.500' },
      { line: '1.1', date: '2026-06-30', description: 'Salaires des conseillers, avril–juin', payee: 'ATGL', invoice: 'ATGL-2026-T2', amount: '21600.000' },
      { line: '3.1', date: '2026-06-30', description: 'Formateurs, cohorte 3 : solde', payee: 'Centre de formation professionnelle de Médenine', invoice: 'CFPM-26-066', amount: '31200.000' },
      {
        line: '3.2', date: '2026-09-18', description: 'Mission de mentorat, réseau d’entrepreneurs de la diaspora (Marseille)', payee: 'Association Entreprendre Ici et Là-bas', invoice: 'EIL-2026-044',
        amount: '2400.00', currency: 'EUR', rate: '0.2941', rateSource: 'Banque Centrale de Tunisie',
      },
      { line: '4.1', date: '2026-09-30', description: 'Subventions de démarrage, tour 2 : 18 premiers bénéficiaires', payee: 'Bénéficiaires (virements groupés)', invoice: 'SUB-T2-A', amount: '135000.000' },
      { line: '1.1', date: '2026-09-30', description: 'Salaires des conseillers, juillet–septembre', payee: 'ATGL', invoice: 'ATGL-2026-T3', amount: '21600.000' },
      { line: '4.1', date: '2026-11-13', description: 'Subventions de démarrage, tour 2 : 20 bénéficiaires suivants', payee: 'Bénéficiaires (virements groupés)', invoice: 'SUB-T2-B', amount: '150000.000' },
    ],
  },
];

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The demo never dates a step after its own "today". */
const DEMO_TODAY = '2026-11-24';
const notAfterToday = (date: string) => (date > DEMO_TODAY ? DEMO_TODAY : date);

function money(amount: string, currency: string): number {
  const minor = toMinor(amount, currency);
  if (minor === null) throw new Error(`Demo budgets: ${amount} is not an amount in ${currency}`);
  return minor;
}

/** A total spread over periods by weight, adding up exactly (the last weighted period takes the remainder). */
export function phase(total: number, periods: number, weights?: number[]): number[] {
  if (!weights) return splitEvenly(total, periods);
  if (weights.length !== periods) throw new Error('Demo budgets: one weight per period');
  const sum = weights.reduce((a, b) => a + b, 0);
  const last = weights.map((w) => w > 0).lastIndexOf(true);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  out[last] = total - sumMinor(out.filter((_, i) => i !== last));
  return out;
}

interface ResolvedLine extends LineSeed {
  unitCostMinor: number;
  totalMinor: number;
}

/** Unit costs and totals of a version's lines; the indirect line applies its rate to the direct costs. */
function resolveLines(lines: LineSeed[], currency: string): ResolvedLine[] {
  const direct = lines.filter((l) => l.unitCost !== 'direct_costs').map((l) => {
    const unitCostMinor = money(l.unitCost, currency);
    return { ...l, unitCostMinor, totalMinor: lineTotal(l.quantity, unitCostMinor) };
  });
  const directTotal = sumMinor(direct.map((l) => l.totalMinor));
  return lines.map((l) => direct.find((d) => d.code === l.code) ?? { ...l, unitCostMinor: directTotal, totalMinor: lineTotal(l.quantity, directTotal) });
}

export interface BudgetSeedRefs extends PlanSeedRefs {
  /** Activity ids keyed `<project code>/<activity code>` (seedWorkPlans). */
  activities: Map<string, string>;
}

export async function seedBudgets(ctx: Ctx, refs: BudgetSeedRefs): Promise<void> {
  for (const b of DEMO_BUDGETS) await seedBudget(ctx, refs, b);
  await seedTargetChange(ctx, refs);
}

async function seedBudget(ctx: Ctx, refs: BudgetSeedRefs, b: BudgetSeed): Promise<void> {
  const projectId = refs.project(b.project);
  // The project's owner (programme's organisation) for the audit, and its lead organisation's fiscal year for the periods.
  const project = await ctx.db
    .selectFrom('projects')
    .innerJoin('programmes', 'programmes.id', 'projects.programme_id')
    .innerJoin('project_organisations', (j) => j.onRef('project_organisations.project_id', '=', 'projects.id').on('project_organisations.role', '=', 'lead'))
    .innerJoin('organisations', 'organisations.id', 'project_organisations.organisation_id')
    .select(['programmes.organisation_id', 'organisations.fiscal_year_start_month'])
    .where('projects.id', '=', projectId)
    .executeTakeFirstOrThrow();
  const periods = periodsBetween('2026-01-01', '2026-12-31', 'quarter', project.fiscal_year_start_month);
  const budgetId = newId();
  const threshold = b.threshold === null ? null : money(b.threshold, b.currency);
  const user = refs.user;
  const recorder = user(b.recorder);
  const [firstApprover, secondApprover] = b.approvers;
  const decidedLast = b.revision?.decidedOn ?? b.original.decidedOn;

  await ctx.db
    .insertInto('budgets')
    .values({
      id: budgetId,
      project_id: projectId,
      agreement_id: null,
      title: b.title,
      currency: b.currency,
      start_date: '2026-01-01',
      end_date: '2026-12-31',
      period_type: 'quarter',
      second_approval_threshold_minor: threshold,
      variance_threshold_pct: b.variancePct,
      current_version: b.revision ? 2 : 1,
      version: b.revision ? 3 : 2,
      created_by: recorder,
      created_at: at(b.original.createdOn, 9),
      updated_at: at(decidedLast, 14),
    })
    .execute();

  // Stable line identities, shared by every version.
  const lineIds = new Map<string, string>();
  for (const l of b.lines) {
    const id = newId();
    lineIds.set(l.code, id);
    await ctx.db.insertInto('budget_lines').values({ id, budget_id: budgetId, created_at: at(b.original.createdOn, 9) }).execute();
  }

  const writeVersion = async (versionId: string, lines: LineSeed[]) => {
    for (const [position, l] of resolveLines(lines, b.currency).entries()) {
      const lineId = lineIds.get(l.code)!;
      await ctx.db
        .insertInto('budget_version_lines')
        .values({
          version_id: versionId,
          line_id: lineId,
          code: l.code,
          category: l.category,
          description: l.description,
          unit: l.unit,
          quantity: l.quantity,
          unit_cost_minor: l.unitCostMinor,
          total_minor: l.totalMinor,
          result_node_id: l.node ? await resultNodeId(ctx, projectId, l.node) : null,
          activity_id: l.activity ? (refs.activities.get(`${b.project}/${l.activity}`) ?? null) : null,
          note: l.note ?? '',
          position,
        })
        .execute();
      const amounts = phase(l.totalMinor, periods.length, l.phasing);
      for (const [i, p] of periods.entries()) {
        await ctx.db.insertInto('budget_line_amounts').values({ version_id: versionId, line_id: lineId, period_key: p.key, amount_minor: amounts[i]! }).execute();
      }
    }
  };

  // The original, approved by a budget approver who did not submit it; superseded if revised.
  const v1 = newId();
  const approverOfOriginal = user(firstApprover);
  await ctx.db
    .insertInto('budget_versions')
    .values({
      id: v1,
      budget_id: budgetId,
      number: 1,
      status: b.revision ? 'superseded' : 'approved',
      reason: '',
      submitted_by: recorder,
      submitted_at: at(b.original.submittedOn, 11),
      decided_by: approverOfOriginal,
      decided_at: at(b.original.decidedOn, 14),
      decision_note: b.original.note,
      change_request_id: null,
      version: b.revision ? 4 : 3,
      created_by: recorder,
      created_at: at(b.original.createdOn, 9),
      updated_at: at(decidedLast, 14),
    })
    .execute();
  await writeVersion(v1, b.lines);
  await auditAt(ctx, refs, {
    at: at(b.original.decidedOn, 14), by: firstApprover, action: 'budget_version.approve', entityType: 'budget_version', entityId: v1,
    organisationId: project.organisation_id, after: { currentVersion: 1 }, note: b.original.note,
  });

  if (b.revision) {
    const r = b.revision;
    const v2 = newId();
    const crId = newId();
    const lines = b.lines.map((l) => ({ ...l, ...(r.changes[l.code] ?? {}) }));
    // The version first: the change request points at it.
    await ctx.db
      .insertInto('budget_versions')
      .values({
        id: v2,
        budget_id: budgetId,
        number: 2,
        status: 'approved',
        reason: r.changeRequest.justification,
        submitted_by: recorder,
        submitted_at: at(r.submittedOn, 11),
        decided_by: user(firstApprover),
        decided_at: at(r.decidedOn, 14),
        decision_note: r.changeRequest.decisionNote,
        change_request_id: crId,
        version: 3,
        created_by: recorder,
        created_at: at(r.createdOn, 9),
        updated_at: at(r.decidedOn, 14),
      })
      .execute();
    await ctx.db
      .insertInto('change_requests')
      .values({
        id: crId,
        project_id: projectId,
        number: await nextChangeNumber(ctx, projectId),
        kind: 'budget',
        title: r.changeRequest.title,
        description: r.changeRequest.description,
        justification: r.changeRequest.justification,
        impact: r.changeRequest.impact,
        changes_json: JSON.stringify({ budgetVersionId: v2 }),
        budget_version_id: v2,
        status: 'approved',
        requested_by: recorder,
        requested_at: at(r.submittedOn, 11),
        decided_by: user(firstApprover),
        decided_at: at(r.decidedOn, 14),
        decision_note: r.changeRequest.decisionNote,
        applied_at: at(r.decidedOn, 14),
        version: 2,
        created_at: at(r.submittedOn, 11),
        updated_at: at(r.decidedOn, 14),
      })
      .execute();
    await writeVersion(v2, lines);
    await auditAt(ctx, refs, {
      at: at(r.decidedOn, 14), by: firstApprover, action: 'change_request.approve', entityType: 'change_request', entityId: crId,
      organisationId: project.organisation_id, after: { status: 'approved', kind: 'budget' }, note: r.changeRequest.decisionNote,
    });
    await auditAt(ctx, refs, {
      at: at(r.decidedOn, 14), by: firstApprover, action: 'budget_version.approve', entityType: 'budget_version', entityId: v2,
      organisationId: project.organisation_id, after: { currentVersion: 2 }, note: r.changeRequest.decisionNote,
    });
  }

  for (const e of b.expenditures) {
    const currency = e.currency ?? b.currency;
    const rate = e.rate ?? '1';
    const amountMinor = money(e.amount, currency);
    const amountBudgetMinor = convertToBudget(amountMinor, currency, rate, b.currency);
    const approvalsRequired = threshold !== null && amountBudgetMinor >= threshold ? 2 : 1;
    if (approvalsRequired === 2 && !secondApprover) throw new Error(`Demo budgets: ${b.project} ${e.invoice} needs a second approver`);
    const status = e.status ?? 'approved';
    const submittedOn = notAfterToday(addDays(e.date, 2));
    const firstOn = notAfterToday(addDays(e.date, 5));
    const secondOn = notAfterToday(addDays(e.date, 7));
    const id = newId();
    const two = status === 'approved' && approvalsRequired === 2;
    const approvedOn = two ? secondOn : firstOn;
    await ctx.db
      .insertInto('expenditures')
      .values({
        id,
        project_id: projectId,
        budget_id: budgetId,
        budget_line_id: lineIds.get(e.line)!,
        expense_date: e.date,
        description: e.description,
        payee: e.payee,
        invoice_ref: e.invoice,
        amount_minor: amountMinor,
        currency,
        exchange_rate: rate,
        rate_source: currency === b.currency ? '' : (e.rateSource ?? BCC),
        rate_date: currency === b.currency ? null : e.date,
        amount_budget_minor: amountBudgetMinor,
        status,
        approvals_required: approvalsRequired,
        submitted_by: recorder,
        submitted_at: at(submittedOn, 11),
        first_approved_by: two ? user(firstApprover) : null,
        first_approved_at: two ? at(firstOn, 15) : null,
        approved_by: status === 'approved' ? user(two ? secondApprover! : firstApprover) : null,
        approved_at: status === 'approved' ? at(approvedOn, 15) : null,
        rejected_by: status === 'rejected' ? user(firstApprover) : null,
        rejected_at: status === 'rejected' ? at(firstOn, 15) : null,
        rejection_reason: e.rejection ?? '',
        attachment_name: null,
        attachment_type: null,
        attachment_size: null,
        attachment_sha256: null,
        version: status === 'submitted' ? 1 : two ? 3 : 2,
        created_at: at(submittedOn, 11),
        updated_at: at(status === 'submitted' ? submittedOn : approvedOn, 15),
      })
      .execute();
    const decision = (by: string, on: string, action: 'approve' | 'reject', after: string) =>
      auditAt(ctx, refs, {
        at: at(on, 15), by, action: `expenditure.${action}`, entityType: 'expenditure', entityId: id, organisationId: project.organisation_id,
        after: { status: after, amountBudgetMinor, approvalsRequired }, ...(action === 'reject' ? { note: e.rejection } : {}),
      });
    if (status === 'rejected') await decision(firstApprover, firstOn, 'reject', 'rejected');
    if (two) await decision(firstApprover, firstOn, 'approve', 'awaiting_second_approval');
    if (status === 'approved') await decision(two ? secondApprover! : firstApprover, approvedOn, 'approve', 'approved');
  }
}

async function nextChangeNumber(ctx: Ctx, projectId: string): Promise<number> {
  const row = await ctx.db.selectFrom('change_requests').select((eb) => eb.fn.max('number').as('n')).where('project_id', '=', projectId).executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

/** CLM-KOL-01: the M&E officer asks to lower the October–December 2026 attendance target; the programme manager has not decided yet. */
export const TARGET_CHANGE = { project: 'CLM-KOL-01', indicator: 'OC1.2', periodKey: 'FY2027-Q3', value: 80 } as const;

async function seedTargetChange(ctx: Ctx, refs: BudgetSeedRefs): Promise<void> {
  const projectId = refs.project(TARGET_CHANGE.project);
  const indicator = await ctx.db
    .selectFrom('indicators')
    .innerJoin('results_frameworks', 'results_frameworks.id', 'indicators.framework_id')
    .select('indicators.id')
    .where('results_frameworks.project_id', '=', projectId)
    .where('indicators.code', '=', TARGET_CHANGE.indicator)
    .executeTakeFirstOrThrow();
  const changes = [{ indicatorId: indicator.id, periodKey: TARGET_CHANGE.periodKey, locationId: null, disaggregationKey: '', value: TARGET_CHANGE.value }];
  await ctx.db
    .insertInto('change_requests')
    .values({
      id: newId(),
      project_id: projectId,
      number: await nextChangeNumber(ctx, projectId),
      kind: 'targets',
      title: 'Cible de présence OC1.2 pour octobre–décembre 2026 : 85 % → 80 %',
      description: 'Abaisser la cible de l’indicateur OC1.2 (enfants retirés présents au moins 80 % des jours) pour la période FY2027-Q3 (octobre–décembre 2026) de 85 % à 80 %.',
      justification:
        'La rentrée a été repoussée au 14 septembre par la division provinciale de l’enseignement et les centres de Lubudi ont perdu trois semaines quand la route a été coupée au pont de la Lualaba. La présence du trimestre ne peut plus atteindre 85 %.',
      impact: 'La cible de fin de projet (85 %) reste inchangée ; seul le dernier trimestre est ajusté.',
      changes_json: JSON.stringify(changes),
      budget_version_id: null,
      status: 'submitted',
      requested_by: refs.user(email('me')),
      requested_at: at('2026-11-19', 10),
      decided_by: null,
      decided_at: null,
      decision_note: '',
      applied_at: null,
      version: 1,
      created_at: at('2026-11-19', 10),
      updated_at: at('2026-11-19', 10),
    })
    .execute();
}
