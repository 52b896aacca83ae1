import { useEffect, useState } from 'preact/hooks';
import { countFirstSeenAfter, type LibraryReader } from '@/lib/library/read';
import { visits } from '@/lib/preferences';
import { nextVisits } from '@/lib/view/visits';

/** Since when papers count as new on this opening (null on a first visit), and how many there are. */
export function useNewSince(db: LibraryReader | undefined, stamp: number): { since: string | null; count: number } {
  const [since, setSince] = useState<string | null>(null);
  const [count, setCount] = useState(0);
  useEffect(() => {
    // Once per opening: this opening is recorded, and what was new before it stays the reference.
    void visits.getValue().then(async (before) => {
      const next = nextVisits(before, new Date());
      setSince(next.newSince);
      await visits.setValue(next);
    });
  }, []);
  useEffect(() => {
    if (!db || !since) return;
    let current = true;
    countFirstSeenAfter(db, since).then((n) => current && setCount(n), console.error);
    return () => {
      current = false;
    };
  }, [db, since, stamp]);
  return { since, count };
}
