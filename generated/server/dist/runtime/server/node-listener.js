export function nodeListener(core) {
    return (req, res) => {
        const max = core.limits.maxBodyBytes;
        const chunks = [];
        let size = 0;
        let done = false;
        const finish = (request, close) => {
            if (done)
                return;
            done = true;
            core
                .handle({ httpMethod: req.method ?? '', url: req.url ?? '/', contentType: req.headers['content-type'], ...request })
                .then((answer) => {
                if (res.headersSent || res.destroyed)
                    return;
                // When the body was not read to its end, the connection cannot carry another request.
                if (close)
                    res.setHeader('connection', 'close');
                res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
                res.end(answer.body);
            })
                .catch(() => res.destroy());
        };
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > max) {
            finish({ body: new Uint8Array(), bodyTooLarge: true }, true);
            req.resume(); // discard what arrives; the socket closes after the answer
            return;
        }
        req.on('data', (chunk) => {
            if (done)
                return;
            size += chunk.length;
            if (size > max) {
                chunks.length = 0;
                finish({ body: new Uint8Array(), bodyTooLarge: true }, true);
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => finish({ body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) }, false));
        req.on('error', () => {
            done = true;
        });
    };
}
