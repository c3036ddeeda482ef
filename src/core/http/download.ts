import type { FastifyReply } from 'fastify';
import { attachmentHeader, XLSX_MIME } from '../office/xlsx.ts';

export interface Download {
  body: Buffer | Uint8Array | string;
  fileName: string;
  mime: string;
}

/**
 * A file to save, under its Vietnamese name. Never cached or sniffed: files hold personal data.
 * A file someone uploaded (evidence, dossier papers) is also sandboxed, so it never runs as a
 * page of this site.
 */
export function sendDownload(
  reply: FastifyReply,
  file: Download,
  opts: { uploaded?: boolean } = {},
) {
  reply
    .header('content-type', file.mime)
    .header('content-disposition', attachmentHeader(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
  if (opts.uploaded) reply.header('content-security-policy', "default-src 'none'; sandbox");
  return reply.send(file.body);
}

/** An Excel workbook CanBo wrote. */
export const sendXlsx = (reply: FastifyReply, file: { buffer: Buffer; fileName: string }) =>
  sendDownload(reply, { body: file.buffer, fileName: file.fileName, mime: XLSX_MIME });
