// The toolbar icon's count (scenarios/action-badge.ts), in Chromium.
import { describeActionBadgeScenario } from './scenarios/action-badge';
import { launchChromium } from './scenarios/chromium';

describe('the toolbar badge in Chromium', () => describeActionBadgeScenario(launchChromium));
