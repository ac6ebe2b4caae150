/** Media types of the files the API sends and receives (zod-free: the web imports it too). */
export const MIME = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  zip: 'application/zip',
  /** A stored file whose type is the uploader's (attachments). */
  any: 'application/octet-stream',
} as const;
export type FileKind = keyof typeof MIME;
