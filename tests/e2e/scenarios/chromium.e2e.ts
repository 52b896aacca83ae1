// The scenarios shared with Firefox (scenarios.ts), in Chromium.
import { launchChromium } from './chromium';
import { describeSharedScenarios } from './scenarios';

describe('shared scenarios in Chromium', () => describeSharedScenarios(launchChromium));
