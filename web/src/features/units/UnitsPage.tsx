import { useState } from 'react';
import { Card, Col, Result, Row, Space, Spin, Switch } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/errors.tsx';
import { unitDetailQuery } from '../../components/UnitPicker.tsx';
import { isApiError } from '../../api/client.ts';
import { fetchChildren } from './api.ts';
import { UnitDetail } from './UnitDetail.tsx';
import { UnitTree } from './UnitTree.tsx';

/** /units → the user's own root unit. */
function RootRedirect() {
  const root = useQuery({
    queryKey: ['units', 'root'],
    queryFn: () => fetchChildren(null, true),
  });
  if (root.error) return <ErrorAlert error={root.error} onRetry={() => void root.refetch()} />;
  if (!root.data) return <Spin />;
  const first = root.data[0];
  if (!first) return <Result status="info" title="Chưa có tổ chức đảng nào" />;
  return <Navigate to={`/units/${first.id}`} replace />;
}

export default function UnitsPage() {
  const params = useParams();
  const unitId = params.id ? Number(params.id) : null;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [includeClosed, setIncludeClosed] = useState(false);
  const [reloadToken, setReloadToken] = useState(0);
  const valid = unitId !== null && Number.isInteger(unitId) && unitId > 0;
  const detail = useQuery({ ...unitDetailQuery(valid ? unitId : 0), enabled: valid });

  if (!params.id) return <RootRedirect />;

  const onChanged = (goTo?: number) => {
    void queryClient.invalidateQueries({ queryKey: ['unit'] });
    void queryClient.invalidateQueries({ queryKey: ['units'] });
    void queryClient.invalidateQueries({ queryKey: ['members'] });
    void queryClient.invalidateQueries({ queryKey: ['history', 'unit'] });
    setReloadToken((t) => t + 1);
    if (goTo && goTo !== unitId) navigate(`/units/${goTo}`);
  };

  const notFound = !valid || (isApiError(detail.error) && detail.error.status === 404);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8} xxl={6}>
        <Card
          title="Cây tổ chức"
          size="small"
          extra={
            <Space size={6}>
              <Switch
                id="show-closed-units"
                size="small"
                checked={includeClosed}
                onChange={setIncludeClosed}
              />
              <label htmlFor="show-closed-units" style={{ fontSize: 12 }}>
                Hiện tổ chức đã giải thể/hợp nhất
              </label>
            </Space>
          }
        >
          <UnitTree
            selectedId={valid ? unitId : null}
            revealPath={
              detail.data ? [...detail.data.ancestors.map((a) => a.id), detail.data.unit.id] : []
            }
            includeClosed={includeClosed}
            reloadToken={reloadToken}
            onSelect={(id) => navigate(`/units/${id}`)}
          />
        </Card>
      </Col>
      <Col xs={24} lg={16} xxl={18}>
        {notFound ? (
          <Result
            status="404"
            title="Không tìm thấy tổ chức"
            subTitle="Tổ chức không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn."
          />
        ) : detail.error ? (
          <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
        ) : !detail.data ? (
          <Card loading />
        ) : (
          <UnitDetail detail={detail.data} onChanged={onChanged} />
        )}
      </Col>
    </Row>
  );
}
