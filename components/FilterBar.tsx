import { useEffect, useState } from 'preact/hooks';
import { useAppState } from '@/components/state/app-state';
import { allTags, type LibraryFilters, type LibraryReader } from '@/lib/library/read';

interface FilterBarProps {
  db: LibraryReader | undefined;
  changeStamp: number;
}

/** A day picked in a date input, as the ISO bound of that day (start, or end when `end`). */
const dayBound = (day: string, end: boolean) =>
  day ? new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString() : undefined;
const dayOf = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');

/** The full page's filters: a tag, when papers were seen, when they were published, and whether they have code. */
export function FilterBar({ db, changeStamp }: FilterBarProps) {
  const state = useAppState();
  const filters = state.filters.value;
  const onChange = (next: LibraryFilters) => {
    state.filters.value = next;
  };
  const [tags, setTags] = useState<string[]>([]);
  useEffect(() => {
    if (db) allTags(db).then(setTags, console.error);
  }, [db, changeStamp]);
  const set = (patch: Partial<LibraryFilters>) => onChange({ ...filters, ...patch });
  const range = (label: string, from: keyof LibraryFilters, to: keyof LibraryFilters) => (
    <fieldset class="filter-range">
      <legend>{label}</legend>
      <input
        type="date"
        aria-label={`${label} from`}
        value={dayOf(filters[from] as string | undefined)}
        onInput={(event) => set({ [from]: dayBound(event.currentTarget.value, false) })}
      />
      <span aria-hidden="true">–</span>
      <input
        type="date"
        aria-label={`${label} to`}
        value={dayOf(filters[to] as string | undefined)}
        onInput={(event) => set({ [to]: dayBound(event.currentTarget.value, true) })}
      />
    </fieldset>
  );
  const active = Object.values(filters).some(Boolean);
  return (
    <section class="filters" aria-label="Filters">
      <label class="filter">
        Tag{' '}
        <select value={filters.tag ?? ''} onChange={(event) => set({ tag: event.currentTarget.value || undefined })}>
          <option value="">any</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      {range('Seen', 'seenFrom', 'seenTo')}
      {range('Published', 'publishedFrom', 'publishedTo')}
      <label class="filter">
        <input
          type="checkbox"
          checked={Boolean(filters.hasCode)}
          onChange={(event) => set({ hasCode: event.currentTarget.checked || undefined })}
        />{' '}
        Has code
      </label>
      {active && (
        <button type="button" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </section>
  );
}
