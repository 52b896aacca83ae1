import { runInSlices, runSteps, type Steps } from '@/lib/tasks';

/** Steps that record what ran, yielding after each number. */
function* counting(numbers: number[], ran: string[]): Steps<number> {
  let sum = 0;
  for (const n of numbers) {
    sum += n;
    ran.push(`step ${n}`);
    yield;
  }
  return sum;
}

describe('long work in steps', () => {
  it('runs to the end at once', () => {
    const ran: string[] = [];
    expect(runSteps(counting([1, 2, 3], ran))).toBe(6);
    expect(ran).toEqual(['step 1', 'step 2', 'step 3']);
  });

  it('gives the same result in slices, letting other tasks run between them', async () => {
    const ran: string[] = [];
    setTimeout(() => ran.push('another task'), 0);
    const sum = runInSlices(counting([1, 2, 3], ran), 0);
    ran.push('started');
    expect(await sum).toBe(6);
    expect(ran.slice(0, 2)).toEqual(['step 1', 'started']);
    expect(ran).toContain('another task');
    expect(ran.indexOf('another task')).toBeLessThan(ran.indexOf('step 3'));
  });

  it('keeps to one slice when the work is shorter than it', async () => {
    const ran: string[] = [];
    const sum = runInSlices(counting([1, 2, 3], ran), 60_000);
    ran.push('started');
    expect(await sum).toBe(6);
    expect(ran).toEqual(['step 1', 'step 2', 'step 3', 'started']);
  });
});
