import { useEffect, useState } from 'react';
import { Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { IsoRangePicker } from '../../components/DateField.tsx';
import {
  ethnicities,
  genderLabels,
  genders,
  generalEducationLabels,
  generalEducationLevels,
  memberFieldLabels,
  memberStatusLabels,
  memberStatuses,
  politicalTheoryLabels,
  politicalTheoryLevels,
  professionalLevelLabels,
  professionalLevels,
  provinces,
  religions,
  stateManagementLabels,
  stateManagementLevels,
} from '../../lib/contracts.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { enumOptions, listOptions, vnSearch } from '../../lib/options.ts';
import type { FilterKey, MemberFilters } from './filters.ts';

const yesNo = [
  { value: 'true', label: 'Có' },
  { value: 'false', label: 'Không' },
];

const archivedOptions = [
  { value: 'active', label: 'Đang quản lý' },
  { value: 'archived', label: 'Đã lưu trữ' },
  { value: 'all', label: 'Tất cả' },
];

/** Text filter that writes to the URL once typing pauses. */
function DebouncedInput({
  id,
  value,
  onCommit,
  maxLength,
}: {
  id: string;
  value: string;
  onCommit: (v: string) => void;
  maxLength: number;
}) {
  const [text, setText] = useState(value);
  const debounced = useDebounced(text, 500);
  useEffect(() => {
    if (debounced.trim() !== value) onCommit(debounced.trim());
    // Only a new debounced text commits; a URL change alone must not write back.
  }, [debounced]);
  useEffect(() => setText(value), [value]);
  return (
    <Input
      id={id}
      value={text}
      maxLength={maxLength}
      allowClear
      onChange={(e) => setText(e.target.value)}
    />
  );
}

export function MemberFilterPanel({ filters }: { filters: MemberFilters }) {
  const { get, getList, update, clearAll } = filters;

  const item = (id: string, label: string, control: React.ReactNode) => (
    <Col xs={24} sm={12} lg={8} xl={6}>
      <Form.Item label={label} htmlFor={id} style={{ marginBottom: 12 }}>
        {control}
      </Form.Item>
    </Col>
  );
  const single = (key: FilterKey, options: { value: string; label: string }[], label: string) =>
    item(
      `f-${key}`,
      label,
      <Select
        id={`f-${key}`}
        allowClear
        placeholder="Tất cả"
        showSearch={options.length > 10 ? vnSearch : undefined}
        options={options}
        value={get(key) ?? null}
        onChange={(v: string | null) => update({ [key]: v })}
      />,
    );
  const multi = (key: FilterKey, options: { value: string; label: string }[], label: string) =>
    item(
      `f-${key}`,
      label,
      <Select
        id={`f-${key}`}
        mode="multiple"
        allowClear
        placeholder="Tất cả"
        options={options}
        value={getList(key)}
        onChange={(v: string[]) => update({ [key]: v })}
      />,
    );
  const range = (from: FilterKey, to: FilterKey, label: string) =>
    item(
      `f-${from}`,
      label,
      <IsoRangePicker
        id={`f-${from}`}
        from={get(from)}
        to={get(to)}
        onChange={(f, t) => update({ [from]: f, [to]: t })}
      />,
    );
  const text = (key: FilterKey, label: string, maxLength: number) =>
    item(
      `f-${key}`,
      label,
      <DebouncedInput
        id={`f-${key}`}
        value={get(key) ?? ''}
        maxLength={maxLength}
        onCommit={(v) => update({ [key]: v }, true)}
      />,
    );

  return (
    <Card
      size="small"
      title="Bộ lọc nâng cao"
      style={{ marginBottom: 16 }}
      extra={
        <Button size="small" onClick={clearAll}>
          Xóa bộ lọc
        </Button>
      }
    >
      <Form layout="vertical" component="div">
        <Row gutter={12}>
          {single('gender', enumOptions(genders, genderLabels), 'Giới tính')}
          {multi('status', enumOptions(memberStatuses, memberStatusLabels), 'Tình trạng đảng viên')}
          {single('ethnicity', listOptions(ethnicities), 'Dân tộc')}
          {single('religion', listOptions(religions), 'Tôn giáo')}
          {single('hometownProvince', listOptions(provinces), 'Quê quán (tỉnh, thành phố)')}
          {range('birthFrom', 'birthTo', 'Ngày sinh')}
          {range('joinFrom', 'joinTo', 'Ngày vào Đảng')}
          {range('officialFrom', 'officialTo', 'Ngày chính thức')}
          {multi(
            'generalEducation',
            enumOptions(generalEducationLevels, generalEducationLabels),
            'Giáo dục phổ thông',
          )}
          {multi(
            'professionalLevel',
            enumOptions(professionalLevels, professionalLevelLabels),
            'Trình độ chuyên môn',
          )}
          {multi(
            'politicalTheory',
            enumOptions(politicalTheoryLevels, politicalTheoryLabels),
            'Lý luận chính trị',
          )}
          {multi(
            'stateManagement',
            enumOptions(stateManagementLevels, stateManagementLabels),
            'Quản lý nhà nước',
          )}
          {single('exempted', yesNo, 'Miễn sinh hoạt')}
          {single('tempAttendance', yesNo, 'Sinh hoạt tạm thời')}
          {text('idNumber', memberFieldLabels.idNumber, 12)}
          {text('cardNumber', memberFieldLabels.cardNumber, 20)}
          {text('birthplace', memberFieldLabels.birthplace, 100)}
          {text('hometownCommune', memberFieldLabels.hometownCommune, 100)}
          {text('residence', memberFieldLabels.residence, 100)}
          {text('professionalField', memberFieldLabels.professionalField, 100)}
          {single('archived', archivedOptions, 'Hồ sơ')}
        </Row>
      </Form>
    </Card>
  );
}
