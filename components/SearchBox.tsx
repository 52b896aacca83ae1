import type { Ref } from 'preact';

interface SearchBoxProps {
  value: string;
  onInput: (value: string) => void;
  /** Preact passes a ref to a function component as a prop: no forwardRef (and no preact/compat) needed. */
  ref?: Ref<HTMLInputElement>;
}

export function SearchBox({ value, onInput, ref }: SearchBoxProps) {
  return (
    <input
      ref={ref}
      type="search"
      class="search"
      aria-label="Search papers"
      placeholder="Search titles, authors, abstracts…  ( / )"
      value={value}
      onInput={(event) => onInput(event.currentTarget.value)}
      // biome-ignore lint/a11y/noAutofocus: the popup is opened to find a paper; typing goes straight to the search.
      autoFocus
    />
  );
}
