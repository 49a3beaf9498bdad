"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.callHooks = callHooks;
exports.redactedUrl = redactedUrl;
function callHooks(hooks, name, event) {
    const hook = hooks?.[name];
    if (typeof hook !== 'function')
        return;
    try {
        hook.call(hooks, event);
    }
    catch {
        // Ignored on purpose (see the file comment).
    }
}
const SECRET_PARAMS = /([?&](?:sign|session)=)[^&#]*/g;
/** A URL with the values of `sign` and `session` replaced. */
function redactedUrl(url) {
    return url.replace(SECRET_PARAMS, '$1[redacted]');
}
