import { useStored } from '@/components/hooks/use-stored';
import { captureEnabled } from '@/lib/preferences';

export function CaptureSwitch() {
  const enabled = useStored(captureEnabled, true);
  return (
    <label class="capture-switch" title={enabled ? 'Papers you see are being saved' : 'Capture is paused'}>
      <input
        type="checkbox"
        role="switch"
        aria-checked={enabled}
        aria-label="Capture while browsing"
        checked={enabled}
        onChange={(event) => captureEnabled.setValue(event.currentTarget.checked)}
      />
      {enabled ? 'Capturing' : 'Paused'}
    </label>
  );
}
