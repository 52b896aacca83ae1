// The first opening (../scenarios/first-run.ts), in Firefox ESR with the Firefox build.
import { describeFirstRunScenario } from '../scenarios/first-run';
import { launchFirefox } from './harness';

describe('the first run in Firefox', () => describeFirstRunScenario(launchFirefox));
