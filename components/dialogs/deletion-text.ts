// What a dialog that deletes papers says: what goes, named, with its annotations.
import { plural } from '@/lib/plural';
import { formatDay } from '@/lib/view/format';

export type Deletion =
  /** `title`: the paper's, when one is selected, so the dialog names what it deletes. */
  | { kind: 'selection'; count: number; title?: string }
  | { kind: 'purge'; before: string; count: number }
  | { kind: 'clear'; count: number };

/** What a dialog deletes, named: "“Attention Is All You Need”" or "12 papers". */
const what = (deletion: Deletion) =>
  deletion.kind === 'selection' && deletion.count === 1 && deletion.title
    ? `“${deletion.title}”`
    : plural(deletion.count, 'paper');

/** "with its star, tags and note" for one paper, "with their stars, tags and notes" for more. */
const withAnnotations = (count: number) =>
  count === 1 ? 'with its star, tags and note' : 'with their stars, tags and notes';

export function dialogTitle(deletion: Deletion): string {
  if (deletion.kind === 'purge') return `Forget ${plural(deletion.count, 'older paper')}?`;
  if (deletion.kind === 'clear') return 'Clear the whole library?';
  return `Delete ${what(deletion)}?`;
}

export function dialogText(deletion: Deletion): string {
  const annotations = withAnnotations(deletion.count);
  if (deletion.kind === 'purge')
    return `This forgets ${plural(deletion.count, 'paper')} last seen before ${formatDay(deletion.before)}, ${annotations}.`;
  if (deletion.kind === 'clear')
    return `This deletes ${deletion.count === 1 ? 'the library’s only paper' : `all ${plural(deletion.count, 'paper')}`}, ${annotations}.`;
  return `This deletes ${what(deletion)}, ${annotations}.`;
}
