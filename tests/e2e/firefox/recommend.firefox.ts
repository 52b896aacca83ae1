// For you, Similar papers, reading states and marks in Firefox ESR with the Firefox build.
import { describeRecommendScenario } from '../scenarios/recommend';
import { launchFirefox } from './harness';

describe('what to read next in Firefox', () => describeRecommendScenario(launchFirefox));
