/** Responsible for bounding a wait on work that may never settle (a hung database, a stalled peer). */

/** `work`, or the error `expired()` makes once `milliseconds` have passed without it settling. */
export async function withDeadline<T>(work: PromiseLike<T>, milliseconds: number, expired: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(expired()), milliseconds);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
