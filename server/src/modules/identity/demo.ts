/** The password of every demo account (demo mode only; demo accounts never exist in production). */
export const DEMO_PASSWORD = 'abitare-demo-2026';
