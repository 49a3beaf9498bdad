// One listener on a caller's AbortSignal however many calls wait on it. A
// signal shared by calls in flight (a shutdown signal passed to every call,
// one request's signal passed to its parallel calls) had a listener a call,
// and at the 11th Node printed "MaxListenersExceededWarning: Possible
// EventTarget memory leak detected" though nothing leaked (rv14,
// test/client/many-calls-one-signal.test.ts).

type Listener = () => void;
const waiting = new WeakMap<AbortSignal, { listeners: Set<Listener>; onAbort: () => void }>();

/** Calls `listener` once when `signal` aborts; the returned function stops that, and leaves the signal without a listener of ours once no call waits on it. */
export function whenAborted(signal: AbortSignal, listener: Listener): () => void {
  let entry = waiting.get(signal);
  if (entry === undefined) {
    const listeners = new Set<Listener>();
    const onAbort = () => {
      waiting.delete(signal);
      for (const each of [...listeners]) {
        // One that throws does not keep the others from hearing, as on an EventTarget.
        try {
          each();
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    };
    entry = { listeners, onAbort };
    waiting.set(signal, entry);
    signal.addEventListener('abort', onAbort, { once: true });
  }
  const { listeners, onAbort } = entry;
  listeners.add(listener);
  return () => {
    if (!listeners.delete(listener) || listeners.size > 0) return;
    signal.removeEventListener('abort', onAbort);
    if (waiting.get(signal)?.listeners === listeners) waiting.delete(signal);
  };
}
