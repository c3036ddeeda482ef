import { useCallback } from 'react';
import { Alert, App, Button } from 'antd';
import type { FormInstance } from 'antd';
import { isApiError } from '../api/client.ts';

/** 'parts.0.name' or 'parts[0].name' → ['parts', 0, 'name'] (antd NamePath). */
function toNamePath(field: string): (string | number)[] {
  return field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function errorMessage(err: unknown): string {
  if (isApiError(err)) return err.message;
  if (err instanceof Error) return err.message;
  return 'Đã có lỗi xảy ra.';
}

interface HandleOptions {
  /** Form whose items should show the server's per-field messages (400). */
  form?: FormInstance;
  /** Offered as "Tải lại" when another officer saved first (409). */
  onReload?: () => void;
}

/**
 * Shows an API error the way the whole app does: 400 marks the form fields and summarises,
 * 409 explains the conflict and offers to reload, 401 is handled globally (back to login),
 * anything else is shown as an error message.
 */
export function useApiErrorHandler() {
  const { message, modal } = App.useApp();
  return useCallback(
    (err: unknown, options: HandleOptions = {}) => {
      if (!isApiError(err)) {
        void message.error(errorMessage(err));
        return;
      }
      if (err.status === 401) return;
      if (err.status === 409) {
        if (options.onReload) {
          const reload = options.onReload;
          modal.confirm({
            title: 'Dữ liệu đã bị thay đổi',
            content: err.message,
            okText: 'Tải lại',
            cancelText: 'Đóng',
            onOk: () => reload(),
          });
        } else {
          modal.warning({ title: 'Dữ liệu đã bị thay đổi', content: err.message, okText: 'Đóng' });
        }
        return;
      }
      if (err.status === 400 && err.fields.length > 0) {
        options.form?.setFields(
          err.fields.map((f) => ({ name: toNamePath(f.field), errors: [f.message] })),
        );
        // The summary often already names the field; list only what it leaves out.
        const unlisted = err.fields.filter((f) => !err.message.includes(f.message));
        void message.error({
          content: (
            <span>
              {err.message}
              {unlisted.map((f) => (
                <span key={f.field} style={{ display: 'block' }}>
                  {f.label}: {f.message}
                </span>
              ))}
            </span>
          ),
          duration: 6,
        });
        return;
      }
      void message.error(err.message);
    },
    [message, modal],
  );
}

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

/** Inline error for a failed query, with an optional "Thử lại" button. */
export function ErrorAlert({ error, onRetry, title }: ErrorAlertProps) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? errorMessage(error)}
      description={title ? errorMessage(error) : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            Thử lại
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * Form props shared by the record forms: Enter in a text or date field does not submit the
 * whole form (people confirm dates with Enter), and a server-side error on a field disappears
 * as soon as the user changes that field.
 */
export function recordFormBehaviour(form: FormInstance) {
  return {
    onKeyDown: (e: React.KeyboardEvent<HTMLFormElement>) => {
      const target = e.target as HTMLElement;
      if (e.key === 'Enter' && target.tagName === 'INPUT') e.preventDefault();
    },
    onValuesChange: (changed: Record<string, unknown>) => {
      form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
    },
  };
}
