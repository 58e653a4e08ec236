/**
 * A `ReadableStream` view of an async iterator, for code written against the
 * official client, whose `EventStream` is a `ReadableStream` (`getReader()`,
 * `pipeThrough()`, returning it from a route handler). Pull-based: nothing is
 * read ahead of the consumer, and cancelling the stream ends the iterator,
 * which releases the connection.
 *
 * @module
 */

/** Wraps `iterator` in a `ReadableStream` that pulls one value per read. */
export function toReadableStream<T>(iterator: AsyncIterator<T>): ReadableStream<T> {
  return new ReadableStream<T>(
    {
      async pull(controller) {
        const result = await iterator.next();
        if (result.done) controller.close();
        else controller.enqueue(result.value);
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
