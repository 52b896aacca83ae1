// Sync between two Firefox ESR profiles (the scenario is shared with Chromium: ../scenarios/sync.ts).
import { describeSyncScenario } from '../scenarios/sync';
import { launchFirefox } from './harness';

describe('sync between two Firefox profiles', () => describeSyncScenario(launchFirefox));
