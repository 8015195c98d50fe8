import { type CategoryKind, overlappingAgeBands } from '@shared/domain/disaggregations.js';
import type { DetailInput } from '../../lib/errors.js';

export interface OptionInput {
  id?: string | undefined;
  code: string;
  minAge: number | null;
  maxAge: number | null;
}

/**
 * Every problem with a category's option list, each naming `body.options.N.<field>`.
 * `existingIds` are the ids the category already has: an option sent with another id is refused.
 */
export function optionProblems(kind: CategoryKind, options: OptionInput[], existingIds: ReadonlySet<string>): DetailInput[] {
  const details: DetailInput[] = [];
  const at = (i: number, field: string) => `body.options.${i}.${field}`;
  const seenIds = new Set<string>();
  const seenCodes = new Set<string>();
  options.forEach((o, i) => {
    if (o.id !== undefined) {
      if (!existingIds.has(o.id)) details.push({ field: at(i, 'id'), reason: 'unknown_reference' });
      else if (seenIds.has(o.id)) details.push({ field: at(i, 'id'), reason: 'duplicate' });
      seenIds.add(o.id);
    }
    if (seenCodes.has(o.code)) details.push({ field: at(i, 'code'), reason: 'duplicate' });
    seenCodes.add(o.code);
    if (kind === 'age') {
      if (o.minAge === null) details.push({ field: at(i, 'minAge'), reason: 'required' });
      else if (o.maxAge !== null && o.maxAge < o.minAge) details.push({ field: at(i, 'maxAge'), reason: 'max_age_below_min' });
    } else if (o.minAge !== null || o.maxAge !== null) {
      // Ages mean something only for age bands; keeping them elsewhere would be silently ignored data.
      details.push({ field: at(i, o.minAge !== null ? 'minAge' : 'maxAge'), reason: 'ages_only_for_age_bands' });
    }
  });
  if (kind === 'age' && details.length === 0) {
    const overlap = overlappingAgeBands(options);
    if (overlap) {
      const second = options.findIndex((o) => o.code === overlap[1]);
      details.push({ field: at(second, 'minAge'), reason: 'overlapping_age_bands', params: { first: overlap[0], second: overlap[1] } });
    }
  }
  return details;
}
