type Listener = () => void;
/** Calls `listener` once when `signal` aborts; the returned function stops that, and leaves the signal without a listener of ours once no call waits on it. */
export declare function whenAborted(signal: AbortSignal, listener: Listener): () => void;
export {};
