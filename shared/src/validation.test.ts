import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesToDetails } from './validation.js';

const Form = z.strictObject({ code: z.string().regex(/^[A-Z]+$/), type: z.enum(['number', 'percentage']), name: z.string().min(1).max(5) });

describe('issuesToDetails', () => {
  it('calls an empty choice required when the issue carries its input, and a wrong one invalid', () => {
    const empty = z.object({ type: Form.shape.type }).safeParse({}, { reportInput: true });
    expect(issuesToDetails(empty.error!.issues)).toEqual([{ field: 'type', reason: 'required' }]);
    const wrong = z.object({ type: Form.shape.type }).safeParse({ type: 'ratio' }, { reportInput: true });
    expect(issuesToDetails(wrong.error!.issues)).toEqual([{ field: 'type', reason: 'invalid_value' }]);
  });

  it('names pattern, length, required and unknown-field problems with their parameters', () => {
    const r = Form.safeParse({ code: 'ab', type: 'number', name: 'too long', colour: 'red' });
    expect(issuesToDetails(r.error!.issues, 'body')).toEqual(
      expect.arrayContaining([
        { field: 'body.code', reason: 'pattern_mismatch' },
        { field: 'body.name', reason: 'too_long', params: { maximum: 5 } },
        { field: 'body.colour', reason: 'unknown_field', params: { key: 'colour' } },
      ]),
    );
    const missing = Form.safeParse({ code: 'AB', type: 'number', name: '' });
    expect(issuesToDetails(missing.error!.issues)).toEqual([{ field: 'name', reason: 'required' }]);
  });
});
