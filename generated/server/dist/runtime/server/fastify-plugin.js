export function topGatewayPlugin(core, pluginOptions = {}) {
    const path = pluginOptions.path ?? '/router/rest';
    const send = async (reply, request, body, bodyTooLarge = false) => {
        const contentType = request.headers['content-type'];
        const answer = await core.handle({ httpMethod: request.method, url: request.url, contentType: Array.isArray(contentType) ? contentType[0] : contentType, body, bodyTooLarge });
        return reply.code(answer.status).headers(answer.headers).send(answer.body);
    };
    const plugin = async (fastify) => {
        fastify.removeAllContentTypeParsers();
        fastify.addContentTypeParser(/.*/, { parseAs: 'buffer', bodyLimit: core.limits.maxBodyBytes }, (_req, body, done) => done(null, body));
        fastify.setErrorHandler((error, request, reply) => send(reply, request, new Uint8Array(), error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'));
        fastify.route({
            method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
            url: path,
            handler: (request, reply) => send(reply, request, request.body instanceof Uint8Array ? request.body : new Uint8Array()),
        });
    };
    // Not wrapped with fastify-plugin on purpose: fastify encapsulates it, so its
    // parsers and error handler apply to this route only, not to the host app.
    return plugin;
}
