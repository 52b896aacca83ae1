// The toolbar icon's count (../scenarios/action-badge.ts), in Firefox ESR with the Firefox build.
import { describeActionBadgeScenario } from '../scenarios/action-badge';
import { launchFirefox } from './harness';

describe('the toolbar badge in Firefox', () => describeActionBadgeScenario(launchFirefox));
