export function withCors(listener) {
    return (req, res) => {
        // Any origin may read the answer: the mock holds only demo data and demo credentials.
        res.setHeader('access-control-allow-origin', '*');
        // A preflight is answered here; any other request (a plain OPTIONS included) goes to the gateway unchanged.
        if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
            const headers = {
                'access-control-allow-methods': 'POST, GET',
                'access-control-allow-headers': 'content-type',
                'access-control-max-age': '600',
                'content-length': '0',
            };
            // Chromium's Private Network Access asks before a page reaches a loopback address.
            if (req.headers['access-control-request-private-network'] === 'true')
                headers['access-control-allow-private-network'] = 'true';
            res.writeHead(204, headers);
            res.end();
            return;
        }
        listener(req, res);
    };
}
