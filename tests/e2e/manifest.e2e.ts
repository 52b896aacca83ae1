// The built manifest asks for exactly what the extension uses; a new permission must be argued for here first.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const built = process.env.PAPERSHELF_EXTENSION_DIR || resolve(import.meta.dirname, '../../.output/chrome-mv3');
const manifest = JSON.parse(readFileSync(resolve(built, 'manifest.json'), 'utf8'));

describe('the built manifest', () => {
  it('asks for storage, unlimited storage, alarms (the toolbar count’s midnight) and the papers pages only; downloads only when backups are turned on', () => {
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'alarms']);
    expect(manifest.host_permissions).toEqual(['https://huggingface.co/papers*']);
    expect(manifest.optional_permissions ?? []).toEqual(['downloads']);
    expect(manifest.content_scripts.map((script: { matches: string[] }) => script.matches)).toEqual([
      ['https://huggingface.co/papers*'],
    ]);
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('lets extension pages run only their own bundled scripts', () => {
    expect(manifest.content_security_policy).toEqual({ extension_pages: "script-src 'self'; object-src 'self'" });
  });
});
