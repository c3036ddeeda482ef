import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Checkbox, Col, Input, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import {
  countCap,
  genderLabels,
  memberStatusLabels,
  politicalTheoryLabels,
  professionalLevelLabels,
} from '../../lib/contracts.ts';
import type { MemberListItem, Page } from '../../lib/contracts.ts';
import { useDebounced } from '../../lib/hooks.ts';
import { canWrite } from '../../lib/roles.ts';
import { formatDate, formatNumber } from '../../lib/vn.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import { useMemberFilters } from './filters.ts';
import { MemberFilterPanel } from './MemberFilterPanel.tsx';
import { memberStatusColors } from './memberForm.ts';
import { exportQuery, membersExportUrl } from '../imports/api.ts';
import { useResumePrinting } from '../resume/PrintResumes.tsx';

/** "Tìm theo họ tên": local text, written to the URL (param q) once typing pauses. */
function useSearchBox(urlQ: string, commit: (q: string) => void) {
  const [text, setText] = useState(urlQ);
  const debounced = useDebounced(text, 400);
  const lastCommitted = useRef(urlQ);
  useEffect(() => {
    if (debounced.trim() !== lastCommitted.current) {
      lastCommitted.current = debounced.trim();
      commit(debounced.trim());
    }
  }, [debounced, commit]);
  useEffect(() => {
    // Back/forward navigation changed the URL: show its query in the box.
    if (urlQ !== lastCommitted.current) {
      lastCommitted.current = urlQ;
      setText(urlQ);
    }
  }, [urlQ]);
  // Enter searches at once instead of waiting for the pause.
  const flush = (value: string) => {
    setText(value);
    if (value.trim() !== lastCommitted.current) {
      lastCommitted.current = value.trim();
      commit(value.trim());
    }
  };
  return [text, setText, flush] as const;
}

export default function MembersPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const filters = useMemberFilters();
  const { get, update, page, pageSize, apiQuery, advancedCount } = filters;
  const [showFilters, setShowFilters] = useState(advancedCount > 0);
  const printing = useResumePrinting<MemberListItem>();
  const commitQ = useRef((q: string) => update({ q }, true)).current;
  const [text, setText, searchNow] = useSearchBox(get('q') ?? '', commitQ);
  const unitId = Number(get('unitId')) || null;

  const queryString = apiQuery.toString();
  const list = useQuery({
    queryKey: ['members', 'list', queryString],
    queryFn: () => api.get<Page<MemberListItem>>('/api/members', new URLSearchParams(queryString)),
    placeholderData: keepPreviousData,
  });
  const data = list.data;
  const totalText = !data
    ? ''
    : data.totalIsCapped
      ? `Hơn ${formatNumber(countCap)} kết quả`
      : data.totalIsEstimate
        ? `Khoảng ${formatNumber(data.total)} đảng viên`
        : `Tổng số: ${formatNumber(data.total)} đảng viên`;

  const columns: TableColumnsType<MemberListItem> = [
    {
      title: 'STT',
      key: 'stt',
      width: 64,
      align: 'right',
      render: (_, __, i) => formatNumber((page - 1) * pageSize + i + 1),
    },
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      width: 210,
      render: (name: string, m) => (
        <Space size={4}>
          <Link to={`/members/${m.id}`}>{name}</Link>
          {m.archived && <Tag color="red">Đã lưu trữ</Tag>}
        </Space>
      ),
    },
    {
      title: 'Giới tính',
      dataIndex: 'gender',
      width: 90,
      render: (g: MemberListItem['gender']) => genderLabels[g],
    },
    {
      title: 'Ngày sinh',
      dataIndex: 'birthDate',
      width: 110,
      render: (d: string) => formatDate(d),
    },
    {
      title: 'Tổ chức đảng',
      dataIndex: 'unitName',
      render: (name: string, m) => <Link to={`/units/${m.unitId}`}>{name}</Link>,
    },
    {
      title: 'Tình trạng',
      dataIndex: 'status',
      width: 120,
      render: (s: MemberListItem['status']) => (
        <Tag color={memberStatusColors[s]}>{memberStatusLabels[s]}</Tag>
      ),
    },
    {
      title: 'Ngày vào Đảng',
      dataIndex: 'joinDate',
      width: 120,
      render: (d: string | null) => formatDate(d),
    },
    {
      title: 'Trình độ chuyên môn',
      dataIndex: 'professionalLevel',
      render: (p: MemberListItem['professionalLevel']) => professionalLevelLabels[p],
    },
    {
      title: 'LLCT',
      dataIndex: 'politicalTheory',
      render: (p: MemberListItem['politicalTheory']) => politicalTheoryLabels[p],
    },
  ];

  return (
    <>
      <Row justify="space-between" align="middle" style={{ marginBottom: 16 }} gutter={[16, 8]}>
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            Đảng viên
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            <Button href={membersExportUrl(exportQuery(apiQuery))} download>
              Xuất Excel
            </Button>
            {printing.button}
            {canWrite(user) && (
              <Button
                type="primary"
                onClick={() => navigate(unitId ? `/members/new?unitId=${unitId}` : '/members/new')}
              >
                Thêm đảng viên
              </Button>
            )}
          </Space>
        </Col>
      </Row>
      <Row gutter={[12, 12]} align="middle" style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Input.Search
            allowClear
            aria-label="Tìm theo họ tên (không cần dấu)"
            placeholder="Tìm theo họ tên (không cần dấu)"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={searchNow}
          />
        </Col>
        <Col xs={24} md={8}>
          <UnitPicker
            id="filter-unit"
            allowClear
            placeholder="Lọc theo tổ chức đảng"
            value={unitId}
            onChange={(v) => update({ unitId: v ? String(v) : null })}
          />
        </Col>
        <Col>
          <Checkbox
            checked={get('subtree') !== 'false'}
            onChange={(e) => update({ subtree: e.target.checked ? null : 'false' })}
          >
            Gồm cả tổ chức trực thuộc
          </Checkbox>
        </Col>
        <Col>
          <Badge count={advancedCount} size="small">
            <Button onClick={() => setShowFilters((s) => !s)} aria-expanded={showFilters}>
              {showFilters ? 'Ẩn bộ lọc' : 'Bộ lọc nâng cao'}
            </Button>
          </Badge>
        </Col>
      </Row>
      {showFilters && <MemberFilterPanel filters={filters} />}
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Typography.Text
        strong
        style={{ display: 'block', marginBottom: 8 }}
        data-testid="member-total"
      >
        {totalText}
      </Typography.Text>
      <Table<MemberListItem>
        rowKey="id"
        size="small"
        rowSelection={printing.rowSelection}
        columns={columns}
        dataSource={data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1000 }}
        locale={{ emptyText: 'Không có đảng viên nào phù hợp' }}
        pagination={{
          current: page,
          pageSize,
          total: data ? Math.min(data.total, data.totalIsCapped ? countCap : data.total) : 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: () => totalText,
        }}
        onChange={(p) =>
          update({
            page: p.current && p.current > 1 ? String(p.current) : null,
            pageSize: p.pageSize && p.pageSize !== 50 ? String(p.pageSize) : null,
          })
        }
      />
    </>
  );
}
