import type { ComponentChildren } from 'preact';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { useStored } from '@/components/hooks/use-stored';

interface StoredCheckboxProps {
  /** The stored on/off setting the box shows and writes. */
  item: WxtStorageItem<boolean, Record<string, unknown>>;
  /** What the box shows until the stored value is read: the setting's default. */
  initial: boolean;
  /** A class beside tool-row, for the pages' styles and tests. */
  class?: string;
  /** The label. */
  children: ComponentChildren;
}

/** A settings checkbox: shows the stored setting, kept current, and stores a change at once. */
export function StoredCheckbox({ item, initial, class: extraClass, children }: StoredCheckboxProps) {
  const checked = useStored(item, initial);
  return (
    <label class={extraClass ? `tool-row ${extraClass}` : 'tool-row'}>
      <input type="checkbox" checked={checked} onChange={(event) => item.setValue(event.currentTarget.checked)} />
      {children}
    </label>
  );
}
