import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';

/** A stored file. Fetch it at `url`; who may fetch it follows the space it belongs to. */
export const UploadSchema = z
  .object({
    id: IdSchema,
    /** Path to fetch the file from (same origin). */
    url: z.string(),
    /** Media type detected from the content. */
    mediaType: z.string(),
    /** Size in bytes. */
    size: z.number().int(),
    /** The file name given at upload, cleaned. */
    name: z.string(),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Upload' });
export type Upload = z.infer<typeof UploadSchema>;

export const FileParamsSchema = z.object({ id: IdSchema });
