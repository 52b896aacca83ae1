import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Papershelf',
    description:
      'Remembers the papers you see on Hugging Face Daily Papers: search, rising topics, suggestions, export. Private, on your machine.',
    // alarms: the toolbar count recounts at local midnight, even while the background is stopped.
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    // Asked for only when the user turns on automatic backups.
    optional_permissions: ['downloads'],
    host_permissions: ['https://huggingface.co/papers*'],
    // Extension pages run only the bundled scripts: no inline script, no remote code, no eval. WXT writes the
    // string form for MV2 and widens it to its dev server only in `wxt` dev mode.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
    action: { default_title: 'Papershelf' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'papershelf@papershelf.app',
              // data_collection_permissions needs Firefox 140 (Firefox before 128 rejects the key outright).
              strict_min_version: '140.0',
              // Required by addons.mozilla.org: the extension collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' }, // where Firefox for Android reads the key
          },
        }
      : {}),
  }),
});
