// fastify doing the same job as the bare server plus a schema: form body
// parsed, fastify's own body schema, and the DTO JSON checked with the same
// ajv validator the gateway uses.
import querystring from 'node:querystring';
import Fastify from 'fastify';
import { operations } from '../../generated/server/dist/index.js';
import { parseJson } from '../../generated/server/dist/runtime/common/json.js';
import { reviveInt64 } from '../../generated/server/dist/runtime/common/shape.js';
import { ENVELOPE, serve } from './common.ts';

const op = operations.alibabaAlisportsLianbeiXposPay;
const app = Fastify({ logger: false });
app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, querystring.parse(body as string)));
app.post(
  '/router/rest',
  {
    schema: { body: { type: 'object', required: ['param0'], properties: { param0: { type: 'string' } } } },
  },
  async (request, reply) => {
    const param0 = reviveInt64(parseJson((request.body as { param0: string }).param0), op.params.param0!.shape);
    if (!op.validateRequest({ param0 })) return reply.code(200).send('{"error_response":{"code":41}}');
    return reply.code(200).header('content-type', 'application/json;charset=UTF-8').send(ENVELOPE);
  },
);
serve({ listen: (port: number, host: string) => app.listen({ port, host }), server: app.server, close: () => app.close() });
