/**
 * Which indicator gives a project's "people targeted / reached" in the 4W table. Fieldbook has no
 * flag for it, so the rule reads the indicator itself, and picks at most one per project (adding
 * several people indicators up would count the same people twice):
 *
 * 1. a number indicator (not a percentage, currency, yes/no or qualitative one),
 * 2. whose unit names people (people, persons, individuals, beneficiaries, participants, residents,
 *    children, women, men, youth… in English, French or Spanish),
 * 3. whose name, in any of its languages, says "reached" (reached, atteint·e·s, alcanzado·a·s, وصل);
 * 4. the first such indicator by code (numeric order). None: the columns stay empty.
 */
const PEOPLE_UNITS = new Set([
  'people', 'persons', 'person', 'individuals', 'beneficiaries', 'participants', 'residents', 'children', 'women', 'men', 'youth', 'girls', 'boys', 'patients', 'learners', 'students', 'pupils',
  'personnes', 'individus', 'bénéficiaires', 'habitants', 'enfants', 'femmes', 'hommes', 'jeunes', 'filles', 'garçons', 'élèves', 'apprenants',
  'personas', 'beneficiarios', 'participantes', 'residentes', 'niños', 'niñas', 'mujeres', 'hombres', 'jóvenes', 'estudiantes',
]);
const REACHED = /\breach(?:ed|es)?\b|\batteint(?:e|s|es)?\b|\balcanzad[oa]s?\b|وصل/iu;

export interface PeopleCandidate {
  id: string;
  code: string;
  type: string;
  unit: string;
  /** The stored name and its translations. */
  names: string[];
}

export const isPeopleReached = (i: PeopleCandidate): boolean =>
  i.type === 'number' && PEOPLE_UNITS.has(i.unit.trim().toLowerCase()) && i.names.some((n) => REACHED.test(n));

/** The project's people-reached indicator by the rule above, or null. */
export function peopleReachedIndicator<T extends PeopleCandidate>(indicators: readonly T[]): T | null {
  const sorted = [...indicators].sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }) || a.id.localeCompare(b.id));
  return sorted.find(isPeopleReached) ?? null;
}
