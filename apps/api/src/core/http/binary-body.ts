import type { FastifyInstance } from 'fastify';

/** Files routes take as the raw body (article images; evidence files): their types and the largest size. */
export const BINARY_BODY_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'];
export const BINARY_BODY_LIMIT = 5 * 1024 * 1024;

/**
 * Bodies of these types arrive as a Buffer (the route checks type, signature and its own size limit);
 * any other non-JSON type stays 415.
 */
export function installBinaryBodies(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    BINARY_BODY_TYPES,
    { parseAs: 'buffer', bodyLimit: BINARY_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
}
