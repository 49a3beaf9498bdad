export function callHooks(hooks, name, event) {
    const hook = hooks?.[name];
    if (typeof hook !== 'function')
        return;
    try {
        const returned = hook.call(hooks, event);
        // An async hook's rejection is ignored too: left unhandled, it would end a Node process.
        if (typeof returned?.then === 'function')
            returned.then(undefined, ignore);
    }
    catch {
        // Ignored on purpose (see the file comment).
    }
}
const ignore = () => { };
const SECRET_PARAMS = /([?&](?:sign|session)=)[^&#]*/g;
/** A URL with the values of `sign` and `session` replaced. */
export function redactedUrl(url) {
    return url.replace(SECRET_PARAMS, '$1[redacted]');
}
