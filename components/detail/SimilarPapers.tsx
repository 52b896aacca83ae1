import type { Paper } from '@/lib/paper';

/** The papers of the library nearest in content to this one; each opens its own detail. */
export function SimilarPapers({ similar, onOpen }: { similar: Paper[] | undefined; onOpen: (id: string) => void }) {
  return (
    <section class="similar" aria-labelledby="similar-heading">
      <h3 id="similar-heading">Similar papers</h3>
      {similar?.length === 0 && <p class="hint">No paper of your shelf is close to this one yet.</p>}
      <ul aria-label="Similar papers" aria-busy={similar === undefined}>
        {similar?.map((near) => (
          <li key={near.id}>
            <button type="button" class="similar-title" onClick={() => onOpen(near.id)}>
              {near.title}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
