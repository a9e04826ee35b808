/** The one error type the cluster directory rejects with. */

/** What went wrong: Redis itself, a request timeout, an absent node, a refusal by the target, or close(). */
export type ClusterErrorKind = 'redis' | 'timeout' | 'no_node' | 'refused' | 'closed';

/** A cluster operation failed; `kind` says how, the message says what in a sentence. */
export class ClusterError extends Error {
  override readonly name = 'ClusterError';
  constructor(
    readonly kind: ClusterErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The message of anything thrown. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs a Redis operation of `what` unless `closed`; failures become a ClusterError naming it. */
export async function guarded<T>(closed: boolean, what: string, fn: () => Promise<T>): Promise<T> {
  if (closed) throw new ClusterError('closed', `cluster: ${what}: the directory is closed`);
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ClusterError) throw err;
    throw new ClusterError('redis', `cluster: ${what} failed: ${errorText(err)}`, { cause: err });
  }
}
