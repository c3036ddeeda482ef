import type { ReactNode } from 'react';
import { Card, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import type { FormRule as Rule } from 'antd';
import { IsoDatePicker } from '../../components/DateField.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
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
import { enumOptions, listOptions, vnSearch } from '../../lib/options.ts';
import type { MemberFieldName } from './memberForm.ts';

const required = (what: string): Rule => ({ required: true, message: `Vui lòng nhập ${what}` });
const requiredSelect = (what: string): Rule => ({
  required: true,
  message: `Vui lòng chọn ${what}`,
});

const options = {
  gender: enumOptions(genders, genderLabels),
  status: enumOptions(memberStatuses, memberStatusLabels),
  generalEducation: enumOptions(generalEducationLevels, generalEducationLabels),
  professionalLevel: enumOptions(professionalLevels, professionalLevelLabels),
  politicalTheory: enumOptions(politicalTheoryLevels, politicalTheoryLabels),
  stateManagement: enumOptions(stateManagementLevels, stateManagementLabels),
  ethnicity: listOptions(ethnicities),
  religion: listOptions(religions),
  province: listOptions(provinces),
};

interface MemberFormFieldsProps {
  /** Whether a field may be changed by the current user in this screen. */
  isEditable: (name: MemberFieldName | 'unitId') => boolean;
  /** On creation the unit is picked here; afterwards the caller shows it (with "Chuyển sinh hoạt"). */
  isCreate: boolean;
  unitSlot?: ReactNode;
}

/** The three sections of the member record: résumé, party data, education. */
export function MemberFormFields({ isEditable, isCreate, unitSlot }: MemberFormFieldsProps) {
  const field = (
    name: MemberFieldName,
    control: ReactNode,
    opts: { rules?: Rule[]; span?: number; valuePropName?: string } = {},
  ) => (
    <Col xs={24} md={12} lg={opts.span ?? 8}>
      <Form.Item
        label={memberFieldLabels[name]}
        name={name}
        rules={isEditable(name) ? opts.rules : undefined}
        valuePropName={opts.valuePropName}
      >
        {control}
      </Form.Item>
    </Col>
  );
  const text = (name: MemberFieldName, max: number) => (
    <Input maxLength={max} disabled={!isEditable(name)} />
  );
  const select = (
    name: MemberFieldName,
    opts: { value: string; label: string }[],
    clear = false,
  ) => (
    <Select
      options={opts}
      showSearch={opts.length > 10 ? vnSearch : undefined}
      allowClear={clear}
      disabled={!isEditable(name)}
      placeholder="Chọn"
    />
  );
  const date = (name: MemberFieldName) => <IsoDatePicker disabled={!isEditable(name)} />;

  return (
    <>
      <Card title="Sơ yếu lý lịch" size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {field('fullName', text('fullName', 120), {
            rules: [
              required('họ và tên'),
              {
                validator: (_, v: string | null | undefined) =>
                  !v || v.trim().split(/\s+/).length >= 2
                    ? Promise.resolve()
                    : Promise.reject(new Error('Cần có họ và tên')),
              },
            ],
          })}
          {field('otherNames', text('otherNames', 120))}
          {field('gender', select('gender', options.gender), {
            rules: [requiredSelect('giới tính')],
          })}
          {field('birthDate', date('birthDate'), { rules: [required('ngày sinh')] })}
          {field('birthplace', text('birthplace', 300), { span: 16 })}
          {field('hometownCommune', text('hometownCommune', 200))}
          {field('hometownProvince', select('hometownProvince', options.province, true))}
          {field('residence', text('residence', 300), { span: 16 })}
          {field('ethnicity', select('ethnicity', options.ethnicity), {
            rules: [requiredSelect('dân tộc')],
          })}
          {field('religion', select('religion', options.religion), {
            rules: [requiredSelect('tôn giáo')],
          })}
          {field('idNumber', text('idNumber', 12), {
            rules: [{ pattern: /^\d{12}$/, message: 'Số CCCD/định danh gồm đúng 12 chữ số' }],
          })}
        </Row>
      </Card>
      <Card title="Thông tin đảng viên" size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {isCreate ? (
            <Col xs={24} lg={16}>
              <Form.Item
                label={memberFieldLabels.unitId}
                name="unitId"
                rules={[requiredSelect('tổ chức đảng')]}
              >
                <UnitPicker />
              </Form.Item>
            </Col>
          ) : (
            <Col xs={24} lg={16}>
              <Form.Item label={memberFieldLabels.unitId}>{unitSlot}</Form.Item>
            </Col>
          )}
          {field('status', select('status', options.status), {
            rules: [requiredSelect('tình trạng đảng viên')],
          })}
          {field('joinDate', date('joinDate'))}
          {field('officialDate', date('officialDate'))}
          {field('cardNumber', text('cardNumber', 20), {
            rules: [{ pattern: /^[0-9A-Za-z.-]{4,20}$/, message: 'Số thẻ đảng không hợp lệ' }],
          })}
          {field('tempAttendancePlace', text('tempAttendancePlace', 300))}
          {field('tempAttendanceFrom', date('tempAttendanceFrom'))}
          {field('tempAttendanceTo', date('tempAttendanceTo'))}
          {field('exempted', <Checkbox disabled={!isEditable('exempted')} />, {
            valuePropName: 'checked',
          })}
          {field('exemptionFrom', date('exemptionFrom'))}
          {field('exemptionReason', text('exemptionReason', 300))}
        </Row>
      </Card>
      <Card title="Trình độ" size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {field('generalEducation', select('generalEducation', options.generalEducation, true))}
          {field('professionalLevel', select('professionalLevel', options.professionalLevel))}
          {field('professionalField', text('professionalField', 200))}
          {field('politicalTheory', select('politicalTheory', options.politicalTheory))}
          {field('stateManagement', select('stateManagement', options.stateManagement))}
        </Row>
      </Card>
    </>
  );
}
