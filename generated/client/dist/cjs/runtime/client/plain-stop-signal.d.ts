/** What stops one exchange: an AbortController, or a PlainStopSignal where fetch follows one. */
export interface Stopper {
    readonly signal: AbortSignal;
    abort(reason: unknown): void;
}
type AbortListener = ((this: unknown, event: {
    type: 'abort';
    target: unknown;
}) => void) | {
    handleEvent(event: {
        type: 'abort';
        target: unknown;
    }): void;
};
/**
 * An exchange's stop signal, for a fetch that follows any signal-shaped object.
 * Node 20's and 22's fetch do (undici 5 and 6 take third-party
 * AbortControllers: they read `aborted` and `reason` and call
 * `addEventListener`). Node's AbortSignal is an EventTarget, and undici
 * following one through node:events cost about 2% of a whole call over
 * loopback: ours against the minimal signer over fetch (`npm run
 * bench:client-ab -- minimal fetch`, 40-60 pairs) went from calls/s
 * 0.929-0.936 with an AbortController to 0.950-0.954 with this.
 * Node 24's fetch, Deno, Bun, Workers and browsers take only a real
 * AbortSignal: `followsPlainSignal` finds out which, once.
 */
export declare class PlainStopSignal implements Stopper {
    #private;
    aborted: boolean;
    reason: unknown;
    onabort: AbortListener | null;
    _maxListeners: number;
    getMaxListeners(): number;
    setMaxListeners(n: number): void;
    listeners(type: string): AbortListener[];
    get signal(): AbortSignal;
    addEventListener(type: string, listener: AbortListener | null): void;
    removeEventListener(type: string, listener: AbortListener | null): void;
    throwIfAborted(): void;
    abort(reason: unknown): void;
}
/**
 * Whether this runtime's Request follows a PlainStopSignal: one Request is
 * made (nothing is sent), its signal stopped, and the Request's own signal
 * must then be aborted. Asked once, at the first exchange through the global fetch.
 */
export declare function followsPlainSignal(): boolean;
export {};
