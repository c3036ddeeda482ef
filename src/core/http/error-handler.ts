import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldLabels } from '../../contracts/field-labels.ts';
import { AppError, type FieldProblem } from '../errors.ts';

const labelFor = (path: string) => {
  const parts = path.split('.').filter((p) => p && !/^\d+$/.test(p));
  const last = parts[parts.length - 1] ?? path;
  return fieldLabels[last] ?? last;
};

/** Every error leaves as { error, message, fields? } with a Vietnamese message naming the field. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldProblem[] = err.validation.map((v) => {
        const path = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
        const field = path || String(v.params?.['missingProperty'] ?? '');
        return { field, label: labelFor(field), message: v.message ?? 'không hợp lệ' };
      });
      const first = fields[0];
      const message =
        fields.length === 1 && first
          ? `${first.label}: ${first.message}`
          : `Dữ liệu chưa hợp lệ ở các trường: ${[...new Set(fields.map((f) => f.label))].join(', ')}.`;
      return reply.status(400).send({ error: 'VALIDATION', message, fields });
    }
    if (err instanceof AppError) {
      return reply.status(err.statusCode).send({
        error: err.code,
        message: err.message,
        ...(err.fields.length ? { fields: err.fields } : {}),
      });
    }
    // A unique index refused a concurrent duplicate (two saves raced past the service's check).
    if ((err as { code?: string }).code === '23505') {
      return reply.status(409).send({
        error: 'CONFLICT',
        message:
          'Bản ghi này đã tồn tại hoặc vừa được người khác tạo. Hãy tải lại trang rồi thử lại.',
      });
    }
    if (err.statusCode === 429) {
      return reply.status(429).send({
        error: 'RATE_LIMITED',
        message: 'Bạn thao tác quá nhanh. Vui lòng đợi một phút rồi thử lại.',
      });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const message =
        err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Định dạng dữ liệu gửi lên không được hỗ trợ (cần JSON).'
          : err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
              err.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
            ? 'Dữ liệu gửi lên không phải JSON hợp lệ.'
            : 'Yêu cầu không hợp lệ.';
      return reply.status(err.statusCode).send({ error: err.code ?? 'BAD_REQUEST', message });
    }
    request.log.error(err);
    return reply.status(500).send({
      error: 'INTERNAL',
      message: 'Hệ thống gặp lỗi không mong muốn. Vui lòng thử lại sau.',
    });
  });
}
