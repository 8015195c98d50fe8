import { apiProblems, type FieldProblem, zodProblems } from '../projects/form-errors.js';

export { apiProblems, zodProblems, type FieldProblem };

/**
 * Places problems on a form's inputs. Keys are normalised first: an indicator edit nests its fields
 * under `changes.` and the reason under `why.`, so `changes.code` → `code`, `why.note` → `note`.
 * A translation problem (`names.fr`) goes on that language's input when the form has one, else on
 * the list's head (`names`). Problems with fields the form does not show come back as `unplaced`.
 */
export function placeOnFields(problems: FieldProblem[], fields: readonly string[]): { byField: Record<string, string>; unplaced: string[] } {
  const byField: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const p of problems) {
    const key = p.field.replace(/^(changes|why)\./, '');
    const target = fields.includes(key) ? key : fields.includes(key.split('.')[0] ?? '') ? key.split('.')[0]! : null;
    if (!target) {
      unplaced.push(p.field ? `${p.field}: ${p.message}` : p.message);
      continue;
    }
    byField[target] = byField[target] ? `${byField[target]} ${p.message}` : p.message;
  }
  return { byField, unplaced };
}
