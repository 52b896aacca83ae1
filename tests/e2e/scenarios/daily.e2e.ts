// The daily visit (daily.ts), in Chromium.
import { launchChromium } from './chromium';
import { describeDailyVisitScenario } from './daily';

describe('the daily visit in Chromium', () => describeDailyVisitScenario(launchChromium));
