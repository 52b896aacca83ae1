// Makes sure a Chromium binary exists for the real-browser tests: Debian's package when running as root.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!existsSync(chromiumPath)) {
  if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH points to ${chromiumPath}, which does not exist.`);
  if (process.getuid?.() !== 0) {
    fail(
      `Chromium not found at ${chromiumPath}. Install it (Debian/Ubuntu: sudo apt-get install chromium) ` +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  if (!existsSync(chromiumPath)) fail(`apt-get installed chromium, but ${chromiumPath} is still missing.`);
}

function run(command, args) {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${status}).`);
}

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}
