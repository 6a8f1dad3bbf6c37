/**
 * Responsible for the default page size. It lives apart from pagination.ts (type-graphql
 * classes) so that the query limits, and through config every command-line tool, can read it
 * without loading the schema's decorators.
 */

/** Page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;
