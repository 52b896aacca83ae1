/** A macrotask boundary: lets a page paint and take input, or a worker answer messages, between slices of long work. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
