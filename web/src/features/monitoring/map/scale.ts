/**
 * The choropleth's colour classes: equal intervals on "nice" numbers (0, 250, 500…), so the
 * legend reads as round figures a reader can compare with a report. At most five classes: more
 * shades of one colour cannot be told apart on a laptop screen in a field office.
 */

/** A sequential blue scale (ColorBrewer Blues), light = low; readable for the common colour-vision deficiencies. */
const RAMP = ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;

export const MAX_CLASSES = 5;

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ that is at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw - 1e-12 * power) return m * power;
  return 10 * power;
}

const NICE_FACTORS = [1, 2, 2.5, 5];
/** The next nice step after `step`. */
function nextStep(step: number): number {
  const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
  const m = Math.round((step / power) * 10) / 10;
  const i = NICE_FACTORS.findIndex((f) => f > m + 1e-9);
  return i === -1 ? 10 * power : (NICE_FACTORS[i] ?? 10) * power;
}

/** Clean floating-point noise (0.1 + 0.2) out of a computed break. */
const tidy = (n: number) => Number.parseFloat(n.toPrecision(12));

/**
 * Class breaks [b0, b1, …, bk] covering every value: class i holds b(i) ≤ v < b(i+1), the last
 * class includes bk. Non-negative data starts at 0 when that costs no class, so "how much" reads
 * from zero. Empty input gives no breaks; one distinct value gives one class around it.
 */
export function classBreaks(values: readonly number[], maxClasses = MAX_CLASSES): number[] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [];
  let lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (lo === hi) {
    const step = niceStep(Math.abs(lo) || 1);
    const below = Math.floor(lo / step) * step;
    return below === lo ? [tidy(lo), tidy(lo + step)] : [tidy(below), tidy(below + step)];
  }
  let step = niceStep((hi - lo) / maxClasses);
  if (lo > 0 && Math.ceil(hi / step) <= maxClasses) lo = 0;
  for (;;) {
    const start = Math.floor(lo / step) * step;
    const count = Math.max(1, Math.ceil((hi - start) / step - 1e-9));
    if (count <= maxClasses) return Array.from({ length: count + 1 }, (_, i) => tidy(start + i * step));
    step = nextStep(step);
  }
}

/** The class of a value (0-based), or -1 outside the breaks or without any. */
export function classIndex(value: number, breaks: readonly number[]): number {
  const k = breaks.length - 1;
  const [first, last] = [breaks[0], breaks[k]];
  if (k < 1 || first === undefined || last === undefined || !Number.isFinite(value) || value < first || value > last) return -1;
  for (let i = 0; i < k; i++) if (value < (breaks[i + 1] ?? last)) return i;
  return k - 1;
}

/** `count` colours spread over the ramp, light to dark; one class gets a middle shade. */
export function classColors(count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [RAMP[3]];
  const last = RAMP.length - 1;
  const from = count <= 3 ? 1 : 0;
  return Array.from({ length: count }, (_, i) => RAMP[Math.round(from + ((last - from) * i) / (count - 1))] ?? RAMP[5]);
}

export interface LegendClass {
  from: number;
  to: number;
  color: string;
}

export function legendClasses(breaks: readonly number[]): LegendClass[] {
  const colors = classColors(breaks.length - 1);
  return colors.map((color, i) => ({ from: breaks[i] ?? 0, to: breaks[i + 1] ?? 0, color }));
}
