import { NonRetriableError } from "inngest";
import { AppError, type ErrorCode } from "../service/errors.js";

/** Failures no retry can fix: the record is gone, or the request can never be valid. */
const PERMANENT: ErrorCode[] = ["invalid_input", "forbidden", "not_found"];

/**
 * Runs a step body, turning the service's permanent errors into `NonRetriableError`: the run then
 * fails at once into the dead-letter state instead of retrying with backoff for nothing.
 */
export async function failPermanently<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && PERMANENT.includes(error.code)) {
      throw new NonRetriableError(error.message, { cause: error });
    }
    throw error;
  }
}
