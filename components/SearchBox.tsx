import { forwardRef } from 'preact/compat';

interface SearchBoxProps {
  value: string;
  onInput: (value: string) => void;
}

export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(({ value, onInput }, ref) => (
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
));
