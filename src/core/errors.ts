/** Errors a use case may raise; the HTTP layer turns them into Vietnamese JSON answers. */
export interface FieldProblem {
  field: string;
  label: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

export const unauthorized = (message = 'Bạn cần đăng nhập để tiếp tục.') =>
  new AppError(401, 'UNAUTHORIZED', message);

export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') =>
  new AppError(403, 'FORBIDDEN', message);

/** Also used for records outside the caller's subtree, so their existence is not revealed. */
export const notFound = (what = 'Bản ghi') =>
  new AppError(404, 'NOT_FOUND', `${what} không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.`);

export const conflict = (message: string) => new AppError(409, 'CONFLICT', message);

export const staleVersion = () =>
  conflict(
    'Hồ sơ này vừa được người khác sửa sau khi bạn mở. Hãy tải lại để xem thay đổi mới nhất rồi sửa lại; dữ liệu của bạn chưa được lưu.',
  );

export const invalid = (problems: FieldProblem[]) =>
  new AppError(
    400,
    'VALIDATION',
    problems.length === 1
      ? `${problems[0]!.label}: ${problems[0]!.message}`
      : `Dữ liệu chưa hợp lệ ở các trường: ${[...new Set(problems.map((p) => p.label))].join(', ')}.`,
    problems,
  );

export const fieldError = (field: string, label: string, message: string) =>
  invalid([{ field, label, message }]);
