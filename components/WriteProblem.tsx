import { useStored } from '@/components/hooks/use-stored';
import { writeProblem } from '@/lib/status';

/** A write the database refused: what happened, that nothing saved was harmed, and what to do. */
export function WriteProblem() {
  const problem = useStored(writeProblem, null);
  if (!problem) return null;
  return (
    <p role="alert" class="error">
      Papershelf could not save to your library ({problem.message}). Your saved papers are unchanged. This usually means
      the disk is full: free some space and Papershelf saves again on its own.
    </p>
  );
}
