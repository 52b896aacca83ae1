// The popup's layout and accessibility (../scenarios/layout.ts), in Firefox ESR with the Firefox build.
import { describeLayoutScenario } from '../scenarios/layout';
import { launchFirefox } from './harness';

describe('the popup’s layout and accessibility in Firefox', () => describeLayoutScenario(launchFirefox));
