import { useStored } from '@/components/hooks/use-stored';
import { syncEnabled } from '@/lib/sync/settings';

/** In the dialogs that delete papers, while sync is on: the synced copy loses their annotations too. */
export function RemovedEverywhere() {
  const enabled = useStored(syncEnabled, false);
  if (!enabled) return null;
  return <p class="hint">Their stars, tags, notes and reading states go from your other browsers too (sync is on).</p>;
}
