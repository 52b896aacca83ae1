// The daily visit (../scenarios/daily.ts), in Firefox ESR with the Firefox build.
import { describeDailyVisitScenario } from '../scenarios/daily';
import { launchFirefox } from './harness';

describe('the daily visit in Firefox', () => describeDailyVisitScenario(launchFirefox));
