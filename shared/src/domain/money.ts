/**
 * Exact money. An amount is an integer count of its currency's minor unit (cents for USD, none
 * for XOF, millimes for TND), held in a JS number that must stay a safe integer. Decimal inputs
 * (amounts typed by people, quantities, exchange rates) are strings, turned into BigInt for
 * multiplication and division so that no binary floating point ever touches a sum.
 * Rounding is half away from zero, the usual accounting rule.
 */

/** Digits after the decimal point of a currency's minor unit (ISO 4217, from the runtime's ICU data). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    throw new RangeError(`Unknown currency: ${currency}`);
  }
}

/** A non-negative or negative decimal string ("1234.5", "-0.25", "12") as digits and scale; null if not one. */
export function parseDecimal(text: string): { digits: bigint; scale: number } | null {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[3] ?? '';
  const digits = BigInt(match[2] + fraction);
  return { digits: match[1] ? -digits : digits, scale: fraction.length };
}

const TEN = 10n;
const pow10 = (n: number) => TEN ** BigInt(n);

/** n ÷ d rounded half away from zero (d ≠ 0). */
export function roundDiv(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('Division by zero');
  const negative = n < 0n !== d < 0n;
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  const q = (an * 2n + ad) / (ad * 2n);
  return negative ? -q : q;
}

function toSafe(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError('Amount too large');
  return n;
}

/** A typed amount ("1250.50") in minor units; null when it is not a number or has more decimals than the currency. */
export function toMinor(amount: string, currency: string): number | null {
  const parsed = parseDecimal(amount);
  const digits = minorDigits(currency);
  if (!parsed || parsed.scale > digits) return null;
  const value = parsed.digits * pow10(digits - parsed.scale);
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

/** Minor units back to a plain decimal string with the currency's digits ("1250.50", "655957"). */
export function fromMinor(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = digits ? text.slice(0, -digits) : text;
  const body = digits ? `${whole}.${text.slice(-digits)}` : whole;
  return negative ? `-${body}` : body;
}

/** quantity × unit cost, in the unit cost's minor units, rounded half away from zero. */
export function lineTotal(quantity: string, unitCostMinor: number): number {
  const q = parseDecimal(quantity);
  if (!q) throw new RangeError(`Not a quantity: ${quantity}`);
  return toSafe(roundDiv(q.digits * BigInt(unitCostMinor), pow10(q.scale)));
}

/**
 * An expense converted to the budget's currency. `rate` is how many expense-currency units one
 * budget-currency unit buys ("605.5" XOF per USD); the same currency needs rate "1".
 */
export function convertToBudget(amountMinor: number, expenseCurrency: string, rate: string, budgetCurrency: string): number {
  const r = parseDecimal(rate);
  if (!r || r.digits <= 0n) throw new RangeError(`Not an exchange rate: ${rate}`);
  const numerator = BigInt(amountMinor) * pow10(minorDigits(budgetCurrency)) * pow10(r.scale);
  const denominator = pow10(minorDigits(expenseCurrency)) * r.digits;
  return toSafe(roundDiv(numerator, denominator));
}

/** True for a positive decimal rate with at most 10 decimals and 20 digits in all. */
export function isValidRate(rate: string): boolean {
  const r = parseDecimal(rate);
  return !!r && r.digits > 0n && r.scale <= 10 && r.digits.toString().length <= 20;
}

/** True for a non-negative decimal quantity with at most 4 decimals. */
export function isValidQuantity(quantity: string): boolean {
  const q = parseDecimal(quantity);
  return !!q && q.digits >= 0n && q.scale <= 4 && q.digits.toString().length <= 15;
}

/** Σ of minor amounts, refusing to pass the safe-integer range. */
export function sumMinor(values: Iterable<number>): number {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  return toSafe(total);
}

/** Splits a total into `parts` amounts that differ by at most one minor unit and add up exactly (earlier parts take the remainder). */
export function splitEvenly(totalMinor: number, parts: number): number[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('parts must be a positive integer');
  const base = Math.trunc(totalMinor / parts);
  let remainder = totalMinor - base * parts;
  const step = Math.sign(remainder);
  return Array.from({ length: parts }, () => {
    if (remainder === 0) return base;
    remainder -= step;
    return base + step;
  });
}
