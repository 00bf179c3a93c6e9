/**
 * Maps an async iterable with at most `concurrency` calls of `fn` in flight, yielding results in input order.
 * Reading ahead stops when the window is full, so memory stays bounded by the window.
 */
export async function* orderedMap<In, Out>(
  input: AsyncIterable<In>,
  concurrency: number,
  fn: (item: In) => Promise<Out> | Out,
): AsyncGenerator<Out> {
  const window: Promise<Out>[] = [];
  const settle = (promise: Promise<Out>) => {
    promise.catch(() => undefined); // observed when yielded; avoids an unhandled rejection meanwhile
    return promise;
  };
  for await (const item of input) {
    window.push(settle(Promise.resolve().then(() => fn(item))));
    if (window.length >= concurrency) yield await (window.shift() as Promise<Out>);
  }
  while (window.length > 0) yield await (window.shift() as Promise<Out>);
}
