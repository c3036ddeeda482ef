import type { ReactNode } from 'react';
import { Alert, App, Button, Form, Space, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { recordFormBehaviour, useApiErrorHandler } from '../../components/errors.tsx';
import { memberStatusLabels, selfEditableFields } from '../../lib/contracts.ts';
import type { MemberDto } from '../../lib/contracts.ts';
import { formatDateTime } from '../../components/DateField.tsx';
import { MemberFormFields } from './MemberFormFields.tsx';
import {
  changedFields,
  emptyMember,
  memberStatusColors,
  normalize,
  toFormValues,
} from './memberForm.ts';
import type { MemberFieldName, MemberFormValues } from './memberForm.ts';

interface MemberEditorProps {
  /** null: a new record. */
  member: MemberDto | null;
  /** staff: officers edit everything; self: a member edits the few self-editable fields. */
  mode: 'staff' | 'self';
  readOnly: boolean;
  initialUnitId?: number | null;
  onSaved: (m: MemberDto, created: boolean) => void;
  /** Fetch the record again (after a 409 conflict). */
  onReload: () => void;
  extraActions?: ReactNode;
  unitSlot?: ReactNode;
}

/**
 * The member record form. Mounted with a key of id+version by its parent, so after every save
 * or reload it starts again from the stored record.
 */
export function MemberEditor(props: MemberEditorProps) {
  const { member, mode, readOnly, initialUnitId, onSaved, onReload, extraActions, unitSlot } =
    props;
  const [form] = Form.useForm<MemberFormValues>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const archived = !!member?.archivedAt;
  const locked = readOnly || archived;

  const isEditable = (name: MemberFieldName | 'unitId') => {
    if (locked) return false;
    if (mode === 'self') return (selfEditableFields as readonly string[]).includes(name);
    return true;
  };

  const save = useMutation({
    mutationFn: async (values: MemberFormValues) => {
      const body = normalize(values);
      if (!member) {
        return api.post<MemberDto>('/api/members', { ...body, unitId: values.unitId });
      }
      let changes = changedFields(toFormValues(member), body);
      if (mode === 'self') {
        changes = Object.fromEntries(
          Object.entries(changes).filter(([k]) =>
            (selfEditableFields as readonly string[]).includes(k),
          ),
        );
      }
      if (Object.keys(changes).length === 0) return null;
      const url = mode === 'self' ? '/api/me/member' : `/api/members/${member.id}`;
      return api.patch<MemberDto>(url, { ...changes, version: member.version });
    },
    onSuccess: (dto) => {
      if (!dto) {
        void message.info('Không có thay đổi nào để lưu');
        return;
      }
      void message.success(member ? 'Đã lưu hồ sơ' : 'Đã thêm đảng viên');
      onSaved(dto, !member);
    },
    onError: (e) => handleError(e, { form, onReload }),
  });

  const initialValues: MemberFormValues = member
    ? toFormValues(member)
    : { ...emptyMember, unitId: initialUnitId ?? undefined };

  return (
    <Form<MemberFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      {...recordFormBehaviour(form)}
      onFinish={(v) => save.mutate(v)}
      onFinishFailed={() => void message.error('Vui lòng kiểm tra lại các trường được đánh dấu')}
      scrollToFirstError
    >
      <Space
        align="center"
        wrap
        style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}
      >
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {member ? member.fullName : 'Thêm đảng viên'}
          </Typography.Title>
          {member && (
            <Tag color={memberStatusColors[member.status]}>{memberStatusLabels[member.status]}</Tag>
          )}
          {archived && <Tag color="red">Đã lưu trữ</Tag>}
        </Space>
        <Space wrap>
          {!locked && (
            <Button
              type="primary"
              htmlType="submit"
              loading={save.isPending}
              disabled={!member && save.isSuccess}
            >
              Lưu
            </Button>
          )}
          {extraActions}
        </Space>
      </Space>
      {archived && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Hồ sơ đã được lưu trữ ngày ${formatDateTime(member?.archivedAt)}. Khôi phục hồ sơ để chỉnh sửa.`}
        />
      )}
      {mode === 'self' && !readOnly && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Bạn có thể tự cập nhật tên gọi khác, nơi ở hiện nay và chuyên ngành. Các thông tin khác do Ban Tổ chức cập nhật."
        />
      )}
      <MemberFormFields isEditable={isEditable} isCreate={!member} unitSlot={unitSlot} />
      {member && (
        <Typography.Text type="secondary">
          Tạo lúc {formatDateTime(member.createdAt)} · Cập nhật lần cuối{' '}
          {formatDateTime(member.updatedAt)}
        </Typography.Text>
      )}
    </Form>
  );
}
