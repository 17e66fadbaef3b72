/** The current time. Passed in rather than read, so tests and jobs can fix it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
