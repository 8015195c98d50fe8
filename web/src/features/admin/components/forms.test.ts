import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodFieldErrors } from './forms.js';

const t = ((key: string) => key) as unknown as TFunction;
const Body = z.object({ name: z.string().min(1), type: z.enum(['10', '21']) });

describe('zodFieldErrors', () => {
  it('says a choice left empty is required, not invalid', () => {
    const parsed = Body.safeParse({ name: 'Kasai Youth Network' }, { reportInput: true });
    expect(parsed.success).toBe(false);
    expect(zodFieldErrors(parsed.error!, t)).toEqual({ type: 'admin:validation.required' });
  });

  it('says a choice outside the list is invalid', () => {
    const parsed = Body.safeParse({ name: 'Kasai Youth Network', type: '99' }, { reportInput: true });
    expect(zodFieldErrors(parsed.error!, t)).toEqual({ type: 'admin:validation.invalid' });
  });
});
