import { useLayoutEffect, useState } from 'preact/hooks';

/** Reads `read` again whenever one of `deps` changes (not when `read`, rebuilt every render, does); a late answer to an earlier read is dropped. */
export function useRead<T>(read: (() => Promise<T>) | undefined, initial: T, deps: unknown[]): [T, string | null] {
  const [value, setValue] = useState<[T, string | null]>([initial, null]);
  // Sent with the render that needs it, not after the next paint: the answer is what the user waits for.
  useLayoutEffect(() => {
    if (!read) return;
    let current = true;
    read().then(
      (next) => current && setValue([next, null]),
      (error) => current && setValue((before) => [before[0], String(error?.message ?? error)]),
    );
    return () => {
      current = false;
    };
  }, deps);
  return value;
}
