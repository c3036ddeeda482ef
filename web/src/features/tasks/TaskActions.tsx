import { useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Space, Switch, Upload } from 'antd';
import type { ButtonProps, UploadFile } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { useApiErrorHandler } from '../../components/errors.tsx';
import { taskDecisionLabels, type TaskDecision, type TaskDto } from './contracts.ts';

/** After any change the page shows the returned task; lists are refreshed. */
function useTaskMutation<V>(task: TaskDto, fn: (v: V) => Promise<TaskDto>, done?: () => void) {
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  return useMutation({
    mutationFn: fn,
    onSuccess: (t) => {
      queryClient.setQueryData(['task', task.id], t);
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      done?.();
    },
    onError: (e) =>
      onError(e, {
        onReload: () => void queryClient.invalidateQueries({ queryKey: ['task', task.id] }),
      }),
  });
}

/** Phê duyệt / Trả lại / Không phê duyệt; the last two need a reason. */
export function DecisionButtons({ task }: { task: TaskDto }) {
  const [decision, setDecision] = useState<TaskDecision | null>(null);
  const [reason, setReason] = useState('');
  const decide = useTaskMutation(
    task,
    (d: TaskDecision) =>
      api.post<TaskDto>(`/api/tasks/${task.id}/decision`, {
        version: task.version,
        decision: d,
        reason,
      }),
    () => setDecision(null),
  );
  return (
    <>
      <Space>
        <Button
          type="primary"
          data-testid="task-approve"
          loading={decide.isPending}
          onClick={() => decide.mutate('approve')}
        >
          Phê duyệt
        </Button>
        <Button data-testid="task-return" onClick={() => setDecision('return')}>
          Trả lại để sửa
        </Button>
        <Button danger data-testid="task-reject" onClick={() => setDecision('reject')}>
          Không phê duyệt
        </Button>
      </Space>
      <Modal
        open={decision !== null}
        title={decision ? taskDecisionLabels[decision] : ''}
        okText="Xác nhận"
        cancelText="Hủy"
        okButtonProps={
          { disabled: !reason.trim(), 'data-testid': 'task-decision-ok' } as ButtonProps
        }
        confirmLoading={decide.isPending}
        onOk={() => decision && decide.mutate(decision)}
        onCancel={() => setDecision(null)}
      >
        <Input.TextArea
          rows={3}
          placeholder="Lý do (bắt buộc)"
          aria-label="Lý do"
          data-testid="task-decision-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}

/** Báo cáo tiến độ, optionally with one evidence file (checked by its real content on the server). */
export function ProgressForm({ task }: { task: TaskDto }) {
  const [form] = Form.useForm<{ note: string; progressPercent: number | null }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const report = useTaskMutation(
    task,
    async (v: { note: string; progressPercent: number | null }) => {
      const file = files[0]?.originFileObj;
      if (file) {
        const fd = new FormData();
        fd.set('version', String(task.version));
        fd.set('note', v.note);
        fd.set('file', file, file.name);
        return api.upload<TaskDto>(`/api/tasks/${task.id}/evidence`, fd);
      }
      return api.post<TaskDto>(`/api/tasks/${task.id}/progress`, {
        version: task.version,
        note: v.note,
        progressPercent: v.progressPercent ?? null,
      });
    },
    () => {
      form.resetFields();
      setFiles([]);
    },
  );
  return (
    <Form form={form} layout="inline" onFinish={(v) => report.mutate(v)}>
      <Form.Item
        name="note"
        rules={[{ required: true, message: 'Hãy nhập nội dung báo cáo' }]}
        style={{ minWidth: 360 }}
      >
        <Input.TextArea
          rows={2}
          placeholder="Tiến độ, kết quả đã đạt"
          aria-label="Nội dung báo cáo tiến độ"
          data-testid="task-progress-note"
        />
      </Form.Item>
      <Form.Item name="progressPercent">
        <InputNumber min={0} max={100} placeholder="%" aria-label="Tiến độ (%)" />
      </Form.Item>
      <Form.Item>
        <Upload
          maxCount={1}
          fileList={files}
          beforeUpload={() => false}
          onChange={(i) => setFiles(i.fileList)}
        >
          <Button data-testid="task-evidence-file">Chọn tệp minh chứng</Button>
        </Upload>
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" loading={report.isPending} data-testid="task-progress-save">
          Gửi báo cáo
        </Button>
      </Form.Item>
    </Form>
  );
}

type OutcomeValues = {
  completedDate: string | null;
  achieved: (number | null)[];
  outcomeComment: string;
};

/** Đánh giá kết quả: the achieved value of every target and the completion date decide it. */
export function OutcomeButton({ task }: { task: TaskDto }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(true);
  const [form] = Form.useForm<OutcomeValues>();
  const save = useTaskMutation(
    task,
    (v: OutcomeValues) =>
      api.post<TaskDto>(`/api/tasks/${task.id}/outcome`, {
        version: task.version,
        completedDate: done ? v.completedDate : null,
        achieved: v.achieved.map((x) => x ?? null),
        outcomeComment: v.outcomeComment,
      }),
    () => setOpen(false),
  );
  return (
    <>
      <Button type="primary" data-testid="task-outcome-open" onClick={() => setOpen(true)}>
        Đánh giá kết quả
      </Button>
      <Modal
        open={open}
        title="Đánh giá kết quả thực hiện"
        okText="Lưu kết quả"
        cancelText="Hủy"
        okButtonProps={{ 'data-testid': 'task-outcome-save' } as ButtonProps}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        width={640}
      >
        <Form<OutcomeValues>
          form={form}
          layout="vertical"
          initialValues={{
            completedDate: todayIso(),
            achieved: task.targets.map((t) => t.achievedValue ?? t.targetValue),
            outcomeComment: '',
          }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item label="Đã hoàn thành">
            <Switch checked={done} onChange={setDone} aria-label="Đã hoàn thành" />
          </Form.Item>
          {done && (
            <Form.Item
              name="completedDate"
              label="Ngày hoàn thành"
              rules={[{ required: true, message: 'Chọn ngày hoàn thành' }]}
            >
              <IsoDatePicker data-testid="task-outcome-completed" style={{ width: 180 }} />
            </Form.Item>
          )}
          {task.targets.map((t, i) => (
            <Form.Item
              key={i}
              name={['achieved', i]}
              label={`${t.name}: đăng ký ${t.targetValue.toLocaleString('vi-VN')} ${t.unit}`}
            >
              <InputNumber
                min={0}
                decimalSeparator=","
                addonAfter={t.unit || undefined}
                aria-label={`Đạt được: ${t.name}`}
                data-testid={`task-outcome-achieved-${i}`}
              />
            </Form.Item>
          ))}
          <Form.Item
            name="outcomeComment"
            label="Nhận xét của người đánh giá"
            rules={[{ required: true, message: 'Hãy nhập nhận xét' }]}
          >
            <Input.TextArea rows={3} data-testid="task-outcome-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function ModelSwitch({ task }: { task: TaskDto }) {
  const flag = useTaskMutation(task, (isModel: boolean) =>
    api.post<TaskDto>(`/api/tasks/${task.id}/model`, { version: task.version, isModel }),
  );
  return (
    <Space>
      <Switch
        checked={task.isModel}
        loading={flag.isPending}
        onChange={(v) => flag.mutate(v)}
        aria-label="Điển hình để tuyên truyền"
        data-testid="task-model"
      />
      Điển hình để tuyên truyền
    </Space>
  );
}
