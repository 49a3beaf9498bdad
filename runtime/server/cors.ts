// CORS for the mock gateway, so the docs site's Try-it form can call it from
// another origin: a page served by `npm run docs` on another port, or opened
// from file:// (origin "null"). Only the mock uses it: a production gateway is
// called by servers, not browsers, and decides its own policy.
import type { IncomingMessage, ServerResponse } from 'node:http';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export function withCors(listener: Listener): Listener {
  return (req, res) => {
    // Any origin may read the answer: the mock holds only demo data and demo credentials.
    res.setHeader('access-control-allow-origin', '*');
    // A preflight is answered here; any other request (a plain OPTIONS included) goes to the gateway unchanged.
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      const headers: Record<string, string> = {
        'access-control-allow-methods': 'POST, GET',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '600',
        'content-length': '0',
      };
      // Chromium's Private Network Access asks before a page reaches a loopback address.
      if (req.headers['access-control-request-private-network'] === 'true') headers['access-control-allow-private-network'] = 'true';
      res.writeHead(204, headers);
      res.end();
      return;
    }
    listener(req, res);
  };
}
