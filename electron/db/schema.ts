// The whole Courtesy domain (see shared design brief). Times are stored as epoch milliseconds (UTC);
// the user's time zone lives in settings and on each interview, so DST is handled at the edges.
// One module per part, gathered here: drizzle-kit reads this file (drizzle.config.ts) and the code
// imports every table from it.
export * from './schema-core';
export * from './schema-records';
export * from './schema-mail';
