/**
 * Which indicators count people, for the "people reached" section. The rule, stated so a reader of
 * the report can check it: a number indicator (not a percentage, amount or yes/no) whose unit names
 * people — one of the words below, in any of the four interface languages, singular or plural,
 * alone or as the last word ("women farmers", "personnes déplacées" both count). Households,
 * sites, sessions and the like are not people and are left out.
 */
const PEOPLE_WORDS = [
  // English
  'people', 'person', 'persons', 'individual', 'individuals', 'beneficiary', 'beneficiaries', 'participant', 'participants',
  'resident', 'residents', 'child', 'children', 'woman', 'women', 'man', 'men', 'girl', 'girls', 'boy', 'boys', 'youth', 'youths',
  'adolescent', 'adolescents', 'student', 'students', 'learner', 'learners', 'pupil', 'pupils', 'farmer', 'farmers', 'worker', 'workers',
  'mother', 'mothers', 'caregiver', 'caregivers', 'patient', 'patients', 'migrant', 'migrants', 'refugee', 'refugees', 'trainee', 'trainees',
  // French
  'personne', 'personnes', 'individu', 'individus', 'bénéficiaire', 'bénéficiaires', 'habitant', 'habitants', 'enfant', 'enfants',
  'femme', 'femmes', 'homme', 'hommes', 'fille', 'filles', 'garçon', 'garçons', 'jeune', 'jeunes', 'élève', 'élèves', 'apprenant', 'apprenants',
  'agriculteur', 'agriculteurs', 'agricultrices', 'travailleur', 'travailleurs', 'travailleuses', 'mère', 'mères', 'patients', 'migrants',
  'réfugié', 'réfugiés', 'déplacé', 'déplacés', 'stagiaires',
  // Spanish
  'persona', 'personas', 'beneficiario', 'beneficiarios', 'beneficiarias', 'participantes', 'residentes', 'niño', 'niños', 'niña', 'niñas',
  'mujer', 'mujeres', 'hombre', 'hombres', 'jóvenes', 'estudiantes', 'alumnos', 'agricultores', 'trabajadores', 'trabajadoras', 'madres',
  'pacientes', 'migrantes', 'refugiados',
  // Arabic
  'شخص', 'أشخاص', 'مستفيد', 'مستفيدين', 'مستفيدون', 'مشارك', 'مشاركين', 'طفل', 'أطفال', 'امرأة', 'نساء', 'رجل', 'رجال', 'فتيات', 'فتيان',
  'شباب', 'طلاب', 'مزارعين', 'عمال', 'أمهات', 'مرضى', 'مهاجرين', 'لاجئين', 'سكان',
];
const WORDS = new Set(PEOPLE_WORDS);

export function countsPeople(indicator: { type: string; unit: string }): boolean {
  if (indicator.type !== 'number') return false;
  const words = indicator.unit.toLowerCase().trim().split(/[\s,;/()-]+/).filter(Boolean);
  return words.length > 0 && (WORDS.has(words[0]!) || WORDS.has(words.at(-1)!));
}

/** Disaggregation kinds that describe people themselves (not where they live or what they do). */
export const PEOPLE_BREAKDOWNS = ['sex', 'age', 'disability'] as const;
