import { performance } from 'node:perf_hooks';

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
  mean: number;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    runs: samples.length,
    p50: at(0.5),
    p95: at(0.95),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

/** Runs `work` once per input (after one warm-up) and reports milliseconds. */
export async function timeEach<T>(inputs: T[], work: (input: T) => unknown): Promise<Timing> {
  await work(inputs[0]);
  const samples: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    await work(input);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export async function timeOnce(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const ratio = (ours: number, baseline: number) => `${(ours / baseline).toFixed(2)}×`;
