// Allocation: compatibility questionnaires, pairing plans from the matching engine, offers.
export { allocationRoutes } from './routes.js';
export { Answers as CompatibilityAnswers, DEFAULT_CONFIG as DEFAULT_SCORING, scorePair, scorePlace } from './rules/compatibility.js';
