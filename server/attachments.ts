/**
 * PUT and GET /attachments/:sha256: files travel beside the mutations, uploaded before
 * the mutation that refers to them (the server refuses one whose files have not arrived,
 * see apply.ts). Raw bytes, any content type, at most ATTACHMENT_LIMIT; the address is
 * the SHA-256 of the bytes, so an upload is checked against it and sending the same file
 * twice is harmless. Only enrolled workstations (device token) may upload or download.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ATTACHMENT_LIMIT, attachmentStored, errorResponse, sha256Params } from '../domain/sync-protocol';
import { authenticate, requireDevice } from './auth';
import { HttpError } from './http-error';
import type { ServerContext } from './routes';
import { readAttachment, storeAttachment } from './store/attachment-data';

function hashParam(req: FastifyRequest): string {
  const parsed = sha256Params.safeParse(req.params);
  if (!parsed.success) throw new HttpError(400, 'request.invalid', 'The address must end in the SHA-256 of the file: 64 lowercase hex digits.', 'sha256');
  return parsed.data.sha256;
}

export async function registerAttachments(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  await app.register(async (scope) => {
    // Checked before the body is read: nobody uploads megabytes without a token.
    scope.addHook('onRequest', async (req) => {
      requireDevice(await authenticate(ctx.db, req.headers.authorization, ctx.now()));
    });
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: ATTACHMENT_LIMIT }, (_req, body, done) => done(null, body));

    scope.put('/attachments/:sha256', { bodyLimit: ATTACHMENT_LIMIT }, async (req, reply) => {
      const sha256 = hashParam(req);
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const actual = crypto.createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha256) {
        throw new HttpError(
          400,
          'attachment.hashMismatch',
          `The file's SHA-256 is ${actual}, not the ${sha256} in the address: the upload was damaged or the address is wrong. Nothing was kept.`,
          'sha256',
        );
      }
      const created = await storeAttachment(ctx.db, sha256, bytes, ctx.now().toISOString());
      return reply.code(created ? 201 : 200).send({ sha256, size: bytes.length, created });
    });

    scope.get('/attachments/:sha256', async (req, reply) => {
      const sha256 = hashParam(req);
      const bytes = await readAttachment(ctx.db, sha256);
      if (!bytes) throw new HttpError(404, 'notFound', 'The server has no file with that SHA-256; the workstation that has it uploads it.', 'sha256');
      return reply.header('content-type', 'application/octet-stream').header('cache-control', 'private, max-age=31536000, immutable').header('etag', `"${sha256}"`).send(bytes);
    });
  });
}

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${String(errorResponse.meta()?.id)}` } } } });

/** The raw-body endpoints in /openapi.json (the endpoint table describes JSON ones only). */
export const rawPaths = {
  '/attachments/{sha256}': {
    parameters: [{ name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' }, description: 'SHA-256 of the file' }],
    put: {
      summary: `A workstation uploads a file (at most ${ATTACHMENT_LIMIT} bytes) before pushing a mutation that refers to it`,
      operationId: 'putAttachmentsSha256',
      security: [{ deviceToken: [] }],
      requestBody: { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
      responses: {
        201: { description: 'Kept', content: { 'application/json': { schema: { $ref: `#/components/schemas/${String(attachmentStored.meta()?.id)}` } } } },
        200: { description: 'The server had it already', content: { 'application/json': { schema: { $ref: `#/components/schemas/${String(attachmentStored.meta()?.id)}` } } } },
        400: error('The bytes do not have this SHA-256 (attachment.hashMismatch), or the address is not a SHA-256'),
        401: error('No token, a forged one, or a revoked device'),
        403: error('Not a device token'),
        413: error(`Larger than ${ATTACHMENT_LIMIT} bytes (request.tooLarge)`),
      },
    },
    get: {
      summary: 'A workstation downloads a file',
      operationId: 'getAttachmentsSha256',
      security: [{ deviceToken: [] }],
      responses: {
        200: { description: 'The bytes', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        401: error('No token, a forged one, or a revoked device'),
        403: error('Not a device token'),
        404: error('No such file'),
      },
    },
  },
  '/events': {
    get: {
      summary: 'WebSocket (device token in the Authorization header): the server sends {"type":"poke"} when there is something new to pull, and once right after connecting',
      operationId: 'getEvents',
      security: [{ deviceToken: [] }],
      responses: {
        101: { description: 'Switching to WebSocket; messages are JSON objects, {"type":"poke"} (ignore other types)' },
        401: error('No token, a forged one, or a revoked device'),
        403: error('Not a device token'),
        426: error('Not a WebSocket upgrade'),
      },
    },
  },
};
