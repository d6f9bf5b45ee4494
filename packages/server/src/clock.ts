/**
 * Where the server reads the time. Everything the request workflow stores with a time (history,
 * resolution, the 14-day reopen window) takes it from here, so tests can move time instead of sleeping.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
