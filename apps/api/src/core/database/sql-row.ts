/** A row of a raw SQL query, mapped to a response by a typed mapper right after the query. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SqlRow = Record<string, any>;
