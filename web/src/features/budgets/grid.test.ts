import { beforeAll, describe, expect, it, vi } from 'vitest';
import { allocated, byCategory, draftTotal, emptyLine, formatMoney, lineErrors, nextCode, parseAmount, remaining, spreadEvenly, toInput } from './grid.js';

// English as the interface language, without a browser.
beforeAll(() => vi.stubGlobal('navigator', { languages: ['en'] }));

const KEYS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
const line = (over: Partial<ReturnType<typeof emptyLine>> = {}) => ({ ...emptyLine('2.1', 'travel'), ...over });

describe('the draft editor arithmetic', () => {
  it('computes quantity × unit cost exactly as the server, rounding half away from zero', () => {
    expect(draftTotal(line({ quantity: '2.5', unitCost: '1,333.33' }), 'USD')).toBe(333333);
    expect(draftTotal(line({ quantity: '0.07', unitCost: '34684.83' }), 'USD')).toBe(242794);
    expect(draftTotal(line({ quantity: '3', unitCost: '1500' }), 'XOF')).toBe(4500);
    expect(draftTotal(line({ quantity: 'x', unitCost: '1' }), 'USD')).toBeNull();
    expect(draftTotal(line({ quantity: '1', unitCost: '1.234' }), 'USD')).toBeNull();
  });

  it('shows what remains to allocate and spreads the total evenly so that it adds up exactly', () => {
    const l = line({ quantity: '0.07', unitCost: '34684.83', amounts: { '2026-Q1': '600' } });
    expect(allocated(l, KEYS, 'USD')).toBe(60000);
    expect(remaining(l, KEYS, 'USD')).toBe(182794);
    const spread = spreadEvenly(l, KEYS, 'USD');
    expect(spread.amounts).toEqual({ '2026-Q1': '606.99', '2026-Q2': '606.99', '2026-Q3': '606.98', '2026-Q4': '606.98' });
    expect(remaining(spread, KEYS, 'USD')).toBe(0);
    expect(remaining(line({ quantity: '1', unitCost: '10', amounts: { '2026-Q1': 'abc' } }), KEYS, 'USD')).toBeNull();
    expect(parseAmount('', 'USD')).toBe(0);
  });

  it('builds the request line in minor units, leaving out empty periods', () => {
    const l = line({ lineId: '3b8a6b9e-0b5c-4b8e-9a55-2b1c7e0f4a11', quantity: '2.5', unitCost: '1,333.33', amounts: { '2026-Q1': '1,111.11', '2026-Q2': '', '2026-Q3': '2222.22' } });
    expect(toInput(l, KEYS, 'USD')).toMatchObject({ lineId: l.lineId, code: '2.1', category: 'travel', quantity: '2.5', unitCostMinor: 133333, amounts: { '2026-Q1': 111111, '2026-Q3': 222222 } });
  });

  it('formats money with the currency digits and groups lines by category in the fixed order', () => {
    expect(formatMoney(3711277, 'USD')).toBe('37,112.77 USD');
    expect(formatMoney(655957, 'XOF')).toBe('655,957 XOF');
    expect(formatMoney(3430532, 'TND')).toBe('3,430.532 TND');
    const groups = byCategory([
      { category: 'indirect' as const, totalMinor: 5 },
      { category: 'personnel' as const, totalMinor: 7 },
      { category: 'indirect' as const, totalMinor: 6 },
    ]);
    expect(groups.map((g) => [g.category, g.lines.length, g.totalMinor])).toEqual([['personnel', 1, 7], ['indirect', 2, 11]]);
  });

  it('proposes the next code and places server problems on their cells', () => {
    expect(nextCode(['1.1', '2.2'])).toBe('2.3');
    expect(nextCode([])).toBe('1.1');
    expect(lineErrors([{ field: 'body.lines.3.amounts.2026-Q2', message: 'a' }, { field: 'body.lines.0.code', message: 'b' }, { field: 'version', message: 'c' }])).toEqual({ '3.amounts.2026-Q2': 'a', '0.code': 'b' });
  });
});
