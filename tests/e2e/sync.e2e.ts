// Sync between two Chromium profiles (the scenario is shared with Firefox: scenarios/sync.ts).
import { launchChromium } from './scenarios/chromium';
import { describeSyncScenario } from './scenarios/sync';

describe('sync between two Chromium profiles', () => describeSyncScenario(launchChromium));
