import { useState } from 'react';
import { Alert, Button, Card, Form, Progress, Radio, Space, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { importKindLabels, importKinds, importMaxFileMb } from '../../lib/contracts.ts';
import type { ImportKind } from '../../lib/contracts.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import { templateUrl, uploadImport } from './api.ts';

const unitHelp: Record<ImportKind, string> = {
  members:
    'Chi bộ nhận các đảng viên trong tệp. Chọn đảng bộ cấp trên nếu tệp ghi mã chi bộ cho từng người (cột "Mã tổ chức đảng").',
  units: 'Các tổ chức mới nằm trong tổ chức này (tổ chức cấp trên ghi bằng mã trong tệp).',
  appointments: 'Người giữ chức vụ và nơi giữ chức vụ phải thuộc tổ chức này.',
};

const isKind = (v: string | null): v is ImportKind =>
  !!v && (importKinds as readonly string[]).includes(v);

/** Step 1: what to import, into which unit, the template, the file. */
export function UploadCard() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const initialKind = params.get('kind');
  const [kind, setKind] = useState<ImportKind>(isKind(initialKind) ? initialKind : 'members');
  const [unitId, setUnitId] = useState<number | null>(Number(params.get('unitId')) || null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    if (!file || !unitId) return;
    setError(null);
    setProgress(0);
    try {
      const job = await uploadImport({
        kind,
        unitId,
        file,
        csrfToken: user.csrfToken,
        onProgress: setProgress,
      });
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      navigate(`/imports/${job.id}`);
    } catch (e) {
      setError(e);
      setProgress(null);
    }
  };

  return (
    <Card title="Tải tệp lên để kiểm tra">
      <Form layout="vertical" style={{ maxWidth: 720 }} onFinish={() => void submit()}>
        <Form.Item label="Loại dữ liệu">
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as ImportKind)}
            options={importKinds.map((k) => ({ value: k, label: importKindLabels[k] }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item label="Mẫu Excel">
          <Space wrap>
            <Button href={templateUrl(kind)} download>
              Tải mẫu Excel ({importKindLabels[kind].toLowerCase()})
            </Button>
            <Typography.Text type="secondary">
              Điền theo mẫu (có sheet “Hướng dẫn” và danh sách thả xuống); cũng nhận tệp CSV UTF-8
              cùng dòng tiêu đề.
            </Typography.Text>
          </Space>
        </Form.Item>
        <Form.Item label="Tổ chức đảng" htmlFor="import-unit" extra={unitHelp[kind]} required>
          <UnitPicker id="import-unit" value={unitId} onChange={setUnitId} />
        </Form.Item>
        <Form.Item
          label="Tệp dữ liệu (.xlsx hoặc .csv)"
          extra={`Tối đa ${importMaxFileMb} MB. Chưa có gì được ghi cho đến khi bạn xác nhận sau bước kiểm tra.`}
          required
        >
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            multiple={false}
            beforeUpload={(f) => {
              setFile(f);
              setError(null);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
          >
            <p>Kéo tệp vào đây hoặc bấm để chọn tệp</p>
          </Upload.Dragger>
        </Form.Item>
        {file && file.size > importMaxFileMb * 1024 * 1024 && (
          <Alert
            type="warning"
            showIcon
            title={`Tệp lớn hơn ${importMaxFileMb} MB: hãy chia thành nhiều tệp.`}
            style={{ marginBottom: 16 }}
          />
        )}
        <ErrorAlert error={error} />
        {progress !== null && (
          <Progress percent={progress} status="active" aria-label="Tiến độ tải tệp lên" />
        )}
        <Button
          type="primary"
          htmlType="submit"
          disabled={!file || !unitId || progress !== null}
          loading={progress !== null}
        >
          Tải lên và kiểm tra
        </Button>
      </Form>
    </Card>
  );
}
