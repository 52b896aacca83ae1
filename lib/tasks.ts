/** A macrotask boundary: lets a page paint and take input, or a worker answer messages, between slices of long work. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Long work as steps: it yields (nothing) where it may be paused, and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A macrotask boundary with no minimum delay: a message through a channel, where nested timeouts are held back
 * 4 ms each (dozens of slices would add a fifth to the work).
 */
function messageTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return nextTask();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs `steps` in slices of about `sliceMs`, with a macrotask between slices: the same result, never a long block. */
export async function runInSlices<T>(steps: Steps<T>, sliceMs: number): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await messageTask();
      sliceStart = performance.now();
    }
  }
}
