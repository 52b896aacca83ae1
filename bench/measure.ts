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

/** Lets pending callbacks run, forces full collections and returns the heap in use (node --expose-gc). */
export async function heapAfterGc(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench does)');
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc();
  }
  return process.memoryUsage().heapUsed;
}

export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
export const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** A markdown table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(3, ...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [
    line(cells[0]),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...cells.slice(1).map(line),
  ].join('\n');
}
