import { App, Button, Space } from 'antd';
import type { TableRowSelection } from 'antd/es/table/interface';
import { useState } from 'react';
import { errorMessage } from '../../components/errors.tsx';
import { PRINT_LIMIT as MAX } from '../../lib/contracts.ts';
import { canBrowse } from '../../lib/roles.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import { downloadFile } from './download.ts';

/**
 * Row selection for a list of members and the "In lý lịch (n)" button that prints the chosen
 * résumés into one .docx (one person per section, each starting a new page).
 */
export function useResumePrinting<Row extends { id: number }>() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const print = async (format: 'docx' | 'pdf') => {
    setBusy(format);
    try {
      await downloadFile('/api/resumes/print', {
        method: 'POST',
        body: { memberIds: selected, format },
        csrfToken: user.csrfToken,
        fallbackName: `So-yeu-ly-lich.${format}`,
      });
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  if (!canBrowse(user)) return { rowSelection: undefined, button: null };
  const rowSelection: TableRowSelection<Row> = {
    selectedRowKeys: selected,
    preserveSelectedRowKeys: true,
    onChange: (keys) => setSelected(keys.map(Number)),
  };
  const tooMany = selected.length > MAX;
  const button = (
    <Space.Compact>
      <Button
        disabled={!selected.length || tooMany}
        loading={busy === 'docx'}
        title={
          tooMany
            ? `Mỗi lần in tối đa ${MAX} người`
            : 'In sơ yếu lý lịch của những người đã chọn (.docx)'
        }
        onClick={() => void print('docx')}
      >
        In lý lịch ({selected.length})
      </Button>
      <Button
        disabled={!selected.length || tooMany}
        loading={busy === 'pdf'}
        title="Bản PDF"
        onClick={() => void print('pdf')}
      >
        PDF
      </Button>
    </Space.Compact>
  );
  return { rowSelection, button };
}
