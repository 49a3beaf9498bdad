// Client hooks: what an application's logs, metrics or traces see of each
// call. Every event is built from redacted data: the signature and the
// user's session are replaced by "[redacted]" and the app secret is never in
// any of them. A hook that throws is ignored: watching a call never changes
// its outcome (a payment is not failed, nor sent again, by a logging bug).
import type { TopClientError } from './errors.ts';

/** What every event says about the attempt. */
export interface CallEvent {
  /** The TOP method, e.g. `alibaba.cloudgame.tradeplatform.payorder`. */
  method: string;
  /**
   * 1 for the first attempt; a retry (only of a provably unsent request)
   * counts up. 0 in onError for a call refused before sending (validation).
   */
  attempt: number;
  /** The transport's name: `node:http`, `fetch` or a custom one. */
  transport: string;
  /** The URL sent to, `sign` and `session` redacted. */
  url: string;
  /** The system parameters (method, app_key, timestamp, sign_method…), `sign` and `session` redacted. */
  system: Readonly<Record<string, string>>;
  /** Size of the business-parameter body in bytes (its content is not passed: it is the caller's data). */
  bodyBytes: number;
}

export interface AnswerEvent extends CallEvent {
  /** HTTP status. */
  status: number;
  latencyMs: number;
  requestId?: string | undefined;
  /** Set when the answer was an `error_response`. */
  code?: number | undefined;
  subCode?: string | undefined;
}

export interface ErrorEvent extends CallEvent {
  error: TopClientError;
  latencyMs: number;
  /** True only when the request provably never left and will be sent again. */
  willRetry: boolean;
}

export interface ClientHooks {
  /** Before each attempt is handed to the transport. */
  beforeSend?(event: CallEvent): void;
  /** After each HTTP answer was decoded (success or `error_response`). */
  afterAnswer?(event: AnswerEvent): void;
  /** On each failure: refused before sending (attempt 0), network, timeout, abort, undecodable answer or `error_response`. */
  onError?(event: ErrorEvent): void;
}

type EventOf<K extends keyof ClientHooks> = Parameters<NonNullable<ClientHooks[K]>>[0];

export function callHooks<K extends keyof ClientHooks>(hooks: ClientHooks | undefined, name: K, event: EventOf<K>): void {
  const hook = hooks?.[name] as ((event: EventOf<K>) => void) | undefined;
  if (typeof hook !== 'function') return;
  try {
    const returned: unknown = hook.call(hooks, event);
    // An async hook's rejection is ignored too: left unhandled, it would end a Node process.
    if (typeof (returned as PromiseLike<unknown> | undefined)?.then === 'function') (returned as PromiseLike<unknown>).then(undefined, ignore);
  } catch {
    // Ignored on purpose (see the file comment).
  }
}

const ignore = () => {};

const SECRET_PARAMS = /([?&](?:sign|session)=)[^&#]*/g;

/** A URL with the values of `sign` and `session` replaced. */
export function redactedUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}
