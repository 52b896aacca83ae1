import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SortKey } from '@/lib/library/read';
import type { Paper } from '@/lib/paper';
import { dayLabel } from '@/lib/view/days';
import { dayOfSort } from '@/lib/view/select-papers';
import { PaperRow } from './PaperRow';

const ROW_HEIGHT = 66;
const OVERSCAN = 6;

interface PaperListProps {
  ids: string[];
  /** Rows the list will have: more than `ids` while only the first screen of a long list is known. */
  total?: number;
  /** The paper behind an id, once read (rows not read yet show a placeholder). */
  paper: (id: string) => Paper | undefined;
  /** Asks for the rows [first, last) to be read. */
  need: (first: number, last: number) => void;
  /** Changes when the user asks for another list (query, filter, sort): that list starts at the top. */
  listKey: string;
  activeIndex: number;
  highlightTerms: string[];
  /** The papers selected for bulk actions; undefined where rows carry no selection (the popup). */
  selected?: ReadonlySet<string>;
  onActivate: (index: number) => void;
  sort: SortKey | 'relevance';
  onDetails: (paper: Paper) => void;
  onToggleStar: (paper: Paper) => void;
  onToggleSelect: (paper: Paper) => void;
  onEdit: (paper: Paper) => void;
  onDelete: (paper: Paper) => void;
}

/** A windowed list: only the rows in view (plus a few) are in the DOM, whatever the library's size. */
export function PaperList(props: PaperListProps) {
  const { ids, activeIndex, need } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(480);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 480));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A row made active by a focus (a click, a Tab) is where the user already is: scrolling it into view would move
  // the list under the pointer between press and release, and the click would land on something else.
  const focusedByUser = useRef(-1);
  // Keep the row the arrow keys made active in view.
  useEffect(() => {
    const element = viewport.current;
    const focused = focusedByUser.current === activeIndex;
    focusedByUser.current = -1;
    if (!element || activeIndex < 0 || focused) return;
    const top = activeIndex * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight)
      element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
  }, [activeIndex]);

  // A list the user asked for starts at the top; the same list refreshed by a star or a capture stays put.
  useEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [props.listKey]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const total = Math.max(ids.length, props.total ?? 0);
  const last = Math.min(total, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  // Ordered by when papers were seen (last or first), the list falls into those days: the first row of each says which.
  const now = Date.now();
  const dateOf = dayOfSort(props.sort);
  const dayOf = (index: number) => {
    const paper = ids[index] === undefined ? undefined : props.paper(ids[index]);
    return paper && dateOf && dayLabel(dateOf(paper), now);
  };
  const dayStart = (index: number) => {
    if (!dateOf) return undefined;
    const day = dayOf(index);
    return day && (index === 0 || dayOf(index - 1) !== day) ? day : undefined;
  };
  // Rows are asked for right after the render that needs them, not a frame later.
  useLayoutEffect(() => need(first, last), [ids, first, last, need]);

  return (
    <div class="list-viewport" ref={viewport} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <ul aria-label="Papers" class="paper-list" style={{ height: `${total * ROW_HEIGHT}px` }}>
        {Array.from({ length: Math.max(0, last - first) }, (_, offset) => {
          const index = first + offset;
          const id = ids[index];
          const paper = id === undefined ? undefined : props.paper(id);
          if (!paper)
            return (
              <li key={id ?? `row-${index}`} class="paper placeholder" style={{ top: `${index * ROW_HEIGHT}px` }} />
            );
          return (
            <PaperRow
              key={paper.id}
              paper={paper}
              top={index * ROW_HEIGHT}
              dayStart={dayStart(index)}
              active={index === activeIndex}
              highlightTerms={props.highlightTerms}
              selected={props.selected?.has(paper.id)}
              onFocus={() => {
                focusedByUser.current = index;
                props.onActivate(index);
              }}
              sort={props.sort}
              onDetails={() => props.onDetails(paper)}
              onToggleStar={() => props.onToggleStar(paper)}
              onToggleSelect={() => props.onToggleSelect(paper)}
              onEdit={() => props.onEdit(paper)}
              onDelete={() => props.onDelete(paper)}
            />
          );
        })}
      </ul>
    </div>
  );
}
