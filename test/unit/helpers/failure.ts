import { ShuttleFailure } from '../../../shared/contract/errors.ts';

/** Awaits a call that must fail with a ShuttleFailure and returns it, so a test can assert its code and detail. */
export async function failureOf(promise: Promise<unknown>): Promise<ShuttleFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ShuttleFailure) return error;
    throw new Error(`Expected a ShuttleFailure, got: ${String(error)}`, { cause: error });
  }
  throw new Error('Expected the call to fail, but it succeeded');
}
