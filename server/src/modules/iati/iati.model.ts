import type { ActivityDate, Narrative } from './iati.codes.js';

/**
 * One IATI activity as the XML writer needs it, already in IATI codes. Built by iati.activity.ts
 * from the database and the IPTT, written by iati.xml.ts in the schema's element order.
 */
export interface IatiActivity {
  identifier: string;
  /** ISO 639-1 language of narratives without their own xml:lang. */
  defaultLanguage: string;
  defaultCurrency: string;
  lastUpdated: string;
  reportingOrg: { ref: string; type: string; name: Narrative[] };
  title: Narrative[];
  description: Narrative[];
  participants: IatiParticipant[];
  /** IATI ActivityStatus code. */
  status: string;
  dates: ActivityDate[];
  countries: { code: string; percentage: string }[];
  locations: IatiLocation[];
  /** DAC 5-digit purpose codes (vocabulary 1). */
  sectors: { code: string; percentage: string }[];
  /** From the project's budgets in force (iati.budgets.ts); empty without one. */
  budgets?: IatiBudget[];
  transactions?: IatiTransaction[];
  results: IatiResult[];
}

/** BudgetType 1 original, 2 revised; BudgetStatus 2 committed. Value: a decimal string. */
export interface IatiBudget {
  type: '1' | '2';
  status: '2';
  start: string;
  end: string;
  value: string;
  currency: string;
  valueDate: string;
}

/** TransactionType 4: expenditure. */
export interface IatiTransaction {
  type: '4';
  date: string;
  value: string;
  currency: string;
  valueDate: string;
  description: string;
}

export interface IatiParticipant {
  /** OrganisationRole: 1 funding, 2 accountable, 4 implementing. */
  role: '1' | '2' | '4';
  ref: string | null;
  type: string;
  name: Narrative[];
}

export interface IatiLocation {
  /** The place's P-code: IATI's GeographicVocabulary has no P-code vocabulary, so it is the location's own reference. */
  ref: string;
  name: Narrative[];
  /** The country the place lies in, as ISO 3166-1 alpha-2 (GeographicVocabulary A4, level 0). */
  countryCode: string | null;
  /** LocationType code for admin levels (ADM1…); null for a site. */
  featureDesignation: string | null;
}

export interface IatiResult {
  /** ResultType: 1 output, 2 outcome, 3 impact, 9 other. */
  type: string;
  title: Narrative[];
  description: Narrative[];
  indicators: IatiIndicator[];
}

export interface IatiIndicator {
  id: string;
  /** IndicatorMeasure code. */
  measure: string;
  ascending: boolean;
  title: Narrative[];
  description: Narrative[];
  baseline: { year: number; isoDate: string | null; value: string | null } | null;
  periods: IatiPeriod[];
}

export interface IatiDimension {
  name: string;
  value: string;
}

/** A value of a period: the whole (no dimension) or one option of one disaggregation category. */
export interface IatiPeriodValue {
  value: string;
  dimensions: IatiDimension[];
}

export interface IatiPeriod {
  start: string;
  end: string;
  targets: IatiPeriodValue[];
  actuals: IatiPeriodValue[];
}
