import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './file-name.js';

describe('fileNameFrom', () => {
  it('prefers the UTF-8 name, which keeps accents and Arabic', () => {
    expect(fileNameFrom(`attachment; filename="CLM-KOL-01 cadre.xlsx"; filename*=UTF-8''CLM-KOL-01%20cadre%20%C3%A9t%C3%A9.xlsx`, 'x.xlsx')).toBe('CLM-KOL-01 cadre été.xlsx');
  });

  it('reads a plain quoted or unquoted name', () => {
    expect(fileNameFrom('attachment; filename="indicator-plan.xlsx"', 'x.xlsx')).toBe('indicator-plan.xlsx');
    expect(fileNameFrom('attachment; filename=framework.xlsx', 'x.xlsx')).toBe('framework.xlsx');
  });

  it('falls back when there is no header or a broken escape', () => {
    expect(fileNameFrom(null, 'framework.xlsx')).toBe('framework.xlsx');
    expect(fileNameFrom("attachment; filename*=UTF-8''%E0%A4%A.xlsx", 'framework.xlsx')).toBe('framework.xlsx');
  });
});
