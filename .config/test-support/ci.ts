/** Whether this run is CI's (`CI=true`): there a missing browser or database server fails the run instead of skipping. */
export const inCi = (): boolean => process.env.CI === 'true' || process.env.CI === '1';
