/** The /api/v1 wire contract: every request and answer as a zod schema, and the route table. Pure: domain + zod. */
export * from './errors';
export * from './history';
export * from './intros';
export * from './paging';
export * from './params';
export * from './routes';
export * from './teamPlans';
export * from './wire';
