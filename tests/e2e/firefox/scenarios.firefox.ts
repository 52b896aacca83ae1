// The scenarios shared with Chromium (../scenarios/scenarios.ts), in Firefox ESR with the Firefox build.
import { describeSharedScenarios } from '../scenarios/scenarios';
import { launchFirefox } from './harness';

describe('shared scenarios in Firefox', () => describeSharedScenarios(launchFirefox));
