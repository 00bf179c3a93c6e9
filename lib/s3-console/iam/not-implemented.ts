import { errorName } from '../service-error';

/** An endpoint without the operation (NotImplemented, InvalidAction), or nothing of that kind to remove. */
const UNSUPPORTED_OR_ABSENT = new Set(['NotImplemented', 'InvalidAction', 'NoSuchEntity', 'NoSuchEntityException']);

/**
 * Runs an IAM call that only matters for features the console does not create (instance profiles, console
 * passwords, MFA): when the backend does not implement it, there is nothing of that kind to clean up.
 */
export async function unlessUnsupported<T>(call: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const name = errorName(error);
    if (name !== undefined && UNSUPPORTED_OR_ABSENT.has(name)) return fallback;
    throw error;
  }
}
