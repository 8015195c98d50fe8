import type { DetailInput } from './errors.js';

/** Any Zod issue (or the plain copy fastify-type-provider-zod makes of one). */
interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Maps Zod issues to our detail reasons, so messages can be given in the reader's language. Shared:
 * the server answers with these and the web words its own form checks the same way.
 */
export function issuesToDetails(issues: readonly IssueLike[], prefix?: string): DetailInput[] {
  const details: DetailInput[] = [];
  for (const raw of issues) {
    const issue = raw as IssueLike & Record<string, unknown>;
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    const at = field ? { field } : {};
    switch (issue.code) {
      case 'invalid_type':
        details.push(
          issue.input === undefined && ('input' in issue || /received undefined/.test(issue.message))
            ? { ...at, reason: 'required' }
            : { ...at, reason: 'invalid_type', params: { expected: String(issue.expected) } },
        );
        break;
      case 'too_big':
        details.push({ ...at, reason: issue.origin === 'string' ? 'too_long' : 'too_big', params: { maximum: Number(issue.maximum) } });
        break;
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) === 1) details.push({ ...at, reason: 'required' });
        else details.push({ ...at, reason: issue.origin === 'string' ? 'too_short' : 'too_small', params: { minimum: Number(issue.minimum) } });
        break;
      case 'invalid_format':
        details.push(
          issue.format === 'date'
            ? { ...at, reason: 'invalid_date' }
            : issue.format === 'regex'
              ? { ...at, reason: 'pattern_mismatch' }
              : { ...at, reason: 'invalid_format', params: { format: String(issue.format) } },
        );
        break;
      case 'unrecognized_keys':
        for (const key of (issue.keys as string[]) ?? []) {
          details.push({ field: [field, key].filter(Boolean).join('.'), reason: 'unknown_field', params: { key } });
        }
        break;
      default:
        // A choice left empty (an enum given nothing) is a missing value, not a wrong one.
        details.push(issue.input === undefined && 'input' in issue ? { ...at, reason: 'required' } : { ...at, reason: 'invalid_value' });
    }
  }
  return details;
}
