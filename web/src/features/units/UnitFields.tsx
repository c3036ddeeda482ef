import { Col, Form, Input, Row, Select } from 'antd';
import { fieldLabels, unitTypeLabels, unitTypes } from '../../lib/contracts.ts';
import { enumOptions } from '../../lib/options.ts';

export const unitTypeOptions = enumOptions(unitTypes, unitTypeLabels);

interface UnitFieldsProps {
  /** Prefix inside a Form.List item or a nested object ('newUnit'). */
  prefix?: (string | number)[];
  required?: boolean;
}

/** Loại / Mã / Tên / Địa bàn of a unit. */
export function UnitFields({ prefix = [], required = true }: UnitFieldsProps) {
  const rules = (msg: string) => (required ? [{ required: true, message: msg }] : []);
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item
          label={fieldLabels.type}
          name={[...prefix, 'type']}
          rules={rules('Chọn loại tổ chức')}
        >
          <Select options={unitTypeOptions} placeholder="Chọn loại tổ chức" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={fieldLabels.code}
          name={[...prefix, 'code']}
          rules={[
            ...rules('Nhập mã tổ chức'),
            { pattern: /^[A-Za-z0-9._-]+$/, message: 'Chỉ gồm chữ không dấu, số và . _ -' },
          ]}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={fieldLabels.name}
          name={[...prefix, 'name']}
          rules={[...rules('Nhập tên tổ chức'), { min: 2, message: 'Tối thiểu 2 ký tự' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={fieldLabels.locality} name={[...prefix, 'locality']}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}
