import { useEffect, useState } from 'preact/hooks';

interface StorageInfo {
  usage: number;
  persisted: boolean;
}

const MB = 1024 * 1024;

/** How much room the library takes, and whether the browser promised not to evict it. */
export function StorageStatus({ count }: { count: number }) {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const refresh = async () => {
    const [estimate, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted()]);
    setInfo({ usage: estimate.usage ?? 0, persisted });
  };
  useEffect(() => {
    refresh().catch(console.error);
  }, [count]);
  if (!info) return null;
  return (
    <p class="storage">
      Your library takes {(info.usage / MB).toFixed(1)} MB on this computer.{' '}
      {info.persisted ? (
        'The browser will not delete it to free up space.'
      ) : (
        <>
          When space runs low, the browser may delete it.{' '}
          <button type="button" onClick={() => navigator.storage.persist().then(refresh)}>
            Ask the browser to keep it
          </button>
        </>
      )}
    </p>
  );
}
