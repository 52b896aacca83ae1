import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Papershelf',
    description:
      'Remembers every paper you see on Hugging Face Daily Papers. Search them, see rising topics, export your library. Nothing leaves your machine.',
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: ['https://huggingface.co/papers*'],
    action: { default_title: 'Papershelf' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'papershelf@papershelf.app', strict_min_version: '115.0' } } }
      : {}),
  }),
});
