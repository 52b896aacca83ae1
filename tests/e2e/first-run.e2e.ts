// The first opening (scenarios/first-run.ts), in Chromium.
import { launchChromium } from './scenarios/chromium';
import { describeFirstRunScenario } from './scenarios/first-run';

describe('the first run in Chromium', () => describeFirstRunScenario(launchChromium));
