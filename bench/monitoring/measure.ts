// Warm timings: a few runs to warm caches, then N timed runs; p50 and p95 by the nearest-rank method.
// A figure far over its budget would take an hour at 20 runs, so each side of a scenario stops after
// BENCH_MAX_SECONDS once it has MIN_RUNS runs; the number of runs is reported with the figure.

export const WARMUPS = Number(process.env.BENCH_WARMUPS ?? 3);
export const RUNS = Math.max(20, Number(process.env.BENCH_RUNS ?? 20));
export const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 300);
const MIN_RUNS = 5;
/** One warm-up this slow is enough: the caches are as warm as they get. */
const SLOW_WARMUP_MS = 10_000;

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export async function timed<T>(run: () => Promise<T>, runs = RUNS, warmups = WARMUPS): Promise<{ timing: Timing; last: T }> {
  let last: T | undefined;
  for (let i = 0; i < warmups; i++) {
    const started = performance.now();
    last = await run();
    if (performance.now() - started > SLOW_WARMUP_MS) break;
  }
  const ms: number[] = [];
  const began = performance.now();
  while (ms.length < runs && !(ms.length >= MIN_RUNS && performance.now() - began > MAX_SECONDS * 1000)) {
    const started = performance.now();
    last = await run();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { timing: { runs: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), min: ms[0]!, max: ms[ms.length - 1]! }, last: last! };
}
