import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * A module loaded the first time `wanted` holds, then kept: panels used once a week stay out of what every
 * opening of the popup loads and parses.
 */
export function useModule<T>(load: () => Promise<T>, wanted: boolean): T | undefined {
  const [module, setModule] = useState<T | undefined>(undefined);
  // Asked for with the render that wants it, not after its paint: the click that opened a panel waits for it.
  useLayoutEffect(() => {
    if (!wanted || module) return;
    let live = true;
    load()
      .then((loaded) => {
        if (live) setModule(() => loaded);
      })
      .catch(console.error);
    return () => {
      live = false;
    };
  }, [wanted, module, load]);
  return module;
}
