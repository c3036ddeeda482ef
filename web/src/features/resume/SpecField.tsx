import { AutoComplete, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { formatNumber } from '../../lib/vn.ts';
import { formatPartialDate, type FieldSpec, type FieldValue } from '../../lib/contracts.ts';
import { PartialDateInput, partialDateRule } from './PartialDateInput.tsx';

/** One form item for a described 2C field, named by its key (optionally under a parent). */
export function SpecField({ spec, parent }: { spec: FieldSpec; parent?: string }) {
  const name = parent ? [parent, spec.key] : spec.key;
  const required = spec.required
    ? [{ required: true, message: `Chưa nhập ${spec.label.toLowerCase()}` }]
    : [];
  switch (spec.kind) {
    case 'text':
      return (
        <Form.Item label={spec.label} name={name} rules={required}>
          {spec.multiline ? (
            <Input.TextArea maxLength={spec.max} autoSize={{ minRows: 2, maxRows: 8 }} showCount />
          ) : spec.suggestions ? (
            <AutoComplete
              maxLength={spec.max}
              options={spec.suggestions.map((s) => ({ value: s }))}
              filterOption
            />
          ) : (
            <Input maxLength={spec.max} />
          )}
        </Form.Item>
      );
    case 'int':
    case 'decimal':
      return (
        <Form.Item label={spec.label} name={name} rules={required}>
          <InputNumber
            min={spec.min}
            max={spec.max}
            precision={spec.kind === 'int' ? 0 : undefined}
            step={spec.kind === 'int' ? 1 : 0.01}
            decimalSeparator=","
            suffix={spec.unit}
            style={{ width: 180 }}
          />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item label={spec.label} name={name} rules={[...required, partialDateRule]}>
          <PartialDateInput />
        </Form.Item>
      );
    case 'enum':
      return (
        <Form.Item label={spec.label} name={name} rules={required}>
          <Select
            allowClear={!spec.required}
            options={Object.entries(spec.options).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      );
    case 'bool':
      return (
        <Form.Item name={name} valuePropName="checked">
          <Checkbox>{spec.label}</Checkbox>
        </Form.Item>
      );
  }
}

/** A stored value as the résumé shows it: dates mm/yyyy, decimals with a comma, enum labels. */
export function formatValue(spec: FieldSpec, value: FieldValue | undefined): string {
  if (value === undefined || value === '') return '';
  switch (spec.kind) {
    case 'date':
      return formatPartialDate(String(value));
    case 'decimal':
      return formatNumber(Number(value));
    case 'int':
      return `${value}${spec.unit ? ` ${spec.unit}` : ''}`;
    case 'enum':
      return spec.options[String(value)] ?? String(value);
    case 'bool':
      return value === true ? 'Có' : '';
    case 'text':
      return String(value);
  }
}

/** Form values → request values: empty strings and nulls dropped. */
export function cleanValues(
  values: Record<string, unknown> | undefined,
): Record<string, FieldValue> {
  return Object.fromEntries(
    Object.entries(values ?? {}).filter(
      (e): e is [string, FieldValue] =>
        e[1] !== undefined && e[1] !== null && e[1] !== '' && e[1] !== false,
    ),
  );
}
