/** Today as an ISO date (UTC): the one clock the services read, so a change of calendar is made in one place. */
export const today = (): string => new Date().toISOString().slice(0, 10);
