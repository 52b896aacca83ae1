import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/** The value of a settings item, kept current when it changes anywhere in the extension. */
export function useStored<T>(item: WxtStorageItem<T, Record<string, unknown>>, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    item.getValue().then(setValue);
    return item.watch((next) => setValue(next));
  }, [item]);
  return value;
}

/** How many times the item changed since the page opened: reading its first value is not a change. */
export function useChanges<T>(item: WxtStorageItem<T, Record<string, unknown>>): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => item.watch(() => setChanges((count) => count + 1)), [item]);
  return changes;
}
