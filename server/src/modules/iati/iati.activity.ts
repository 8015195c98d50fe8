import { activityDates, countryAlpha2, evenPercentages, FEATURE_DESIGNATIONS, narratives } from './iati.codes.js';
import type { ProjectBundle } from './iati.load.js';
import type { IatiActivity, IatiBudget, IatiParticipant, IatiResult, IatiTransaction } from './iati.model.js';
import type { ParticipantRow } from './iati.repository.js';

/**
 * A checked project as an IATI activity. The lead organisation reports it: its IATI organisation
 * identifier and the project code make the activity identifier. Countries and sectors carry no
 * shares in Fieldbook, so each gets an even share of 100.
 */
export function toActivity(
  b: ProjectBundle,
  results: IatiResult[],
  language: string,
  today: string,
  money: { budgets: IatiBudget[]; transactions: IatiTransaction[] } = { budgets: [], transactions: [] },
): IatiActivity {
  const p = b.project;
  const lead = b.lead!;
  const reportingRef = lead.iati_identifier!;
  const participant = (o: ParticipantRow, role: IatiParticipant['role']): IatiParticipant => ({
    role, ref: o.iati_identifier, type: o.type, name: nameOf(o, language),
  });
  const countries = b.countries.map(countryAlpha2).filter((c): c is string => c !== null);
  const countryShares = evenPercentages(countries.length);
  const sectorShares = evenPercentages(b.sectors.length);
  return {
    identifier: `${reportingRef}-${p.code}`,
    defaultLanguage: language,
    defaultCurrency: p.currency,
    lastUpdated: p.updated_at,
    reportingOrg: { ref: reportingRef, type: lead.type, name: nameOf(lead, language) },
    title: narratives(p.title, '{}', language),
    description: narratives(p.description, '{}', language),
    participants: [
      participant(lead, '2'),
      ...(b.donor ? [participant(b.donor, '1')] : []),
      ...b.implementing.map((o) => participant(o, '4')),
    ],
    status: p.status,
    dates: activityDates(p.status, p.start_date, p.end_date, today),
    countries: countries.map((code, i) => ({ code, percentage: countryShares[i]! })),
    locations: b.locations.map((l) => ({
      ref: l.pcode,
      name: narratives(l.name, l.names_json, language),
      countryCode: l.countryAlpha3 ? countryAlpha2(l.countryAlpha3) : null,
      featureDesignation: FEATURE_DESIGNATIONS[l.level] ?? null,
    })),
    sectors: b.sectors.map((code, i) => ({ code, percentage: sectorShares[i]! })),
    budgets: money.budgets,
    transactions: money.transactions,
    results,
  };
}

const nameOf = (o: ParticipantRow, language: string) => narratives(o.name, '{}', language);
