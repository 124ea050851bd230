import type { FastifyInstance } from 'fastify';
import { FileParamsSchema, UPLOAD_LIMITS } from '@discuss/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import type { UploadService } from './upload.service.ts';

/** Upload (multipart) and file serving. */
export function uploadRoutes(app: FastifyInstance, { uploads }: { uploads: UploadService }): void {
  route(app, 'createUpload', async ({ actor, req }) => {
    if (!req.isMultipart())
      throw new AppError(
        'unsupported_media_type',
        'Send the file as multipart/form-data in the field "file"',
      );
    let part;
    let data: Buffer;
    try {
      part = await req.file({ limits: { fileSize: UPLOAD_LIMITS.maxBytes, files: 1 } });
      if (!part || part.fieldname !== 'file')
        throw new AppError('bad_request', 'Send the file in the field "file"');
      data = await part.toBuffer();
    } catch (err) {
      if (err instanceof AppError || (err as { statusCode?: number }).statusCode === 413) throw err;
      // A broken multipart body (truncated, bad boundary) is the client's mistake, not ours.
      throw new AppError('bad_request', 'The multipart body could not be read');
    }
    if (part.file.truncated) throw new AppError('payload_too_large', 'The file is larger than 5 MiB');
    return uploads.create(actor, data, part.filename);
  });

  // Files are not JSON API operations: they are served with their own safe headers.
  app
    .withTypeProvider<ZodTypeProvider>()
    .get('/files/:id', { schema: { hide: true, params: FileParamsSchema } }, async (req, reply) => {
      const file = await uploads.open(req.actor, req.params.id);
      return reply
        .header('content-type', file.mediaType)
        .header('content-length', String(file.size))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('cache-control', file.isPublic ? 'public, max-age=86400' : 'private, no-store')
        .send(file.stream);
    });
}
