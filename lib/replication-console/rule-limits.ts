/** Limits of the wizard's input, without zod so that the browser can import them cheaply. */

/** A replication filter may carry at most as many tags as an object can have. */
export const MAX_FILTER_TAGS = 10;
export const MAX_PRIORITY = 2_147_483_647;
