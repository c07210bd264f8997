/**
 * Items from an async generator of item batches, one by one. A for-await over it costs one
 * resolved promise per item; yielding each item from an async generator costs several
 * microtask turns each, which in a history scan (hundreds of thousands of fragments) was a
 * tenth of leakguard's CPU. Ending the loop early (break, throw) ends the batch generator too.
 */
export function flatten<T>(batches: AsyncGenerator<T[], void>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
      let batch: T[] = [];
      let i = 0;
      return {
        async next(): Promise<IteratorResult<T, undefined>> {
          while (i >= batch.length) {
            const r = await batches.next();
            if (r.done) return { value: undefined, done: true };
            batch = r.value;
            i = 0;
          }
          return { value: batch[i++]!, done: false };
        },
        async return(): Promise<IteratorResult<T, undefined>> {
          await batches.return(undefined);
          return { value: undefined, done: true };
        },
      };
    },
  };
}
