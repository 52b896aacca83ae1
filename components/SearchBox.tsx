import type { Ref } from 'preact';
import { useAppState } from '@/components/state/app-state';

interface SearchBoxProps {
  /** Preact passes a ref to a function component as a prop: no forwardRef (and no preact/compat) needed. */
  ref?: Ref<HTMLInputElement>;
}

/** The search: what is typed is the page's query. */
export function SearchBox({ ref }: SearchBoxProps) {
  const { query } = useAppState();
  return (
    <input
      ref={ref}
      type="search"
      class="search"
      aria-label="Search papers"
      placeholder="Search titles, authors, abstracts…  ( / )"
      value={query.value}
      onInput={(event) => {
        query.value = event.currentTarget.value;
      }}
      // biome-ignore lint/a11y/noAutofocus: the popup is opened to find a paper; typing goes straight to the search.
      autoFocus
    />
  );
}
