// Makes sure the browsers of the real-browser tests exist: Chromium and Firefox ESR, Debian's packages when running
// as root. `node scripts/ensure-browsers.mjs chromium` (or `firefox`) checks only that one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BROWSERS = {
  chromium: { variable: 'CHROMIUM_PATH', path: '/usr/bin/chromium', debianPackage: 'chromium' },
  firefox: { variable: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', debianPackage: 'firefox-esr' },
};

const wanted = process.argv.slice(2);
for (const name of wanted) if (!(name in BROWSERS)) fail(`unknown browser ${name} (known: ${Object.keys(BROWSERS)})`);

const missing = [];
for (const [name, browser] of Object.entries(BROWSERS)) {
  if (wanted.length && !wanted.includes(name)) continue;
  const path = process.env[browser.variable] || browser.path;
  if (existsSync(path)) continue;
  if (process.env[browser.variable]) fail(`${browser.variable} points to ${path}, which does not exist.`);
  missing.push({ ...browser, name });
}

if (missing.length) {
  if (process.getuid?.() !== 0) {
    fail(
      missing
        .map(
          ({ name, path, variable, debianPackage }) =>
            `${name} not found at ${path}. Install it (Debian/Ubuntu: sudo apt-get install ${debianPackage}) ` +
            `or set ${variable} to its binary.`,
        )
        .join('\n'),
    );
  }
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing.map((browser) => browser.debianPackage)]);
  for (const { debianPackage, path } of missing) {
    if (!existsSync(path)) fail(`apt-get installed ${debianPackage}, but ${path} is still missing.`);
  }
}

function run(command, args) {
  console.log(`ensure-browsers: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${status}).`);
}

function fail(message) {
  console.error(`ensure-browsers: ${message}`);
  process.exit(1);
}
