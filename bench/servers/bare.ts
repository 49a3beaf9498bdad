// The baseline: node:http reading the body and answering a constant envelope.
import http from 'node:http';
import { ENVELOPE, serve } from './common.ts';

const body = Buffer.from(ENVELOPE);
serve(
  http.createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': body.length });
      res.end(body);
    });
  }),
);
