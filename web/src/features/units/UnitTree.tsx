import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Key } from 'react';
import { Empty, Spin, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { ErrorAlert } from '../../components/errors.tsx';
import { unitStatusLabels } from '../../lib/contracts.ts';
import type { UnitDto } from '../../lib/contracts.ts';
import { fetchChildren, unitStatusColors } from './api.ts';

interface UnitTreeProps {
  selectedId: number | null;
  /** Units to expand: the selected one's ancestors (root first), then itself. */
  revealPath: number[];
  includeClosed: boolean;
  /** Bumped after a structural change: reload every loaded level. */
  reloadToken: number;
  onSelect: (id: number) => void;
}

type ChildrenMap = Record<string, UnitDto[]>;
const ROOT = 'root';

/** Lazily loaded organisation tree (one level per request, /api/units/children). */
export function UnitTree({
  selectedId,
  revealPath,
  includeClosed,
  reloadToken,
  onSelect,
}: UnitTreeProps) {
  const [children, setChildren] = useState<ChildrenMap>({});
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [error, setError] = useState<unknown>(null);
  const childrenRef = useRef(children);
  const expandedRef = useRef(expanded);
  useEffect(() => {
    childrenRef.current = children;
    expandedRef.current = expanded;
  }, [children, expanded]);

  // (Re)load the root and every expanded level, keeping the user's expansion.
  useEffect(() => {
    let cancelled = false;
    const keys = expandedRef.current.map(String);
    Promise.all([
      fetchChildren(null, includeClosed).then((list) => [ROOT, list] as const),
      ...keys.map((k) =>
        fetchChildren(Number(k), includeClosed)
          .then((list) => [k, list] as const)
          .catch(() => [k, [] as UnitDto[]] as const),
      ),
    ])
      .then((pairs) => {
        if (cancelled) return;
        setError(null);
        setChildren(Object.fromEntries(pairs));
      })
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [includeClosed, reloadToken]);

  const rootLoaded = !!children[ROOT];
  const revealKey = revealPath.join('/');
  useEffect(() => {
    if (!rootLoaded || revealKey === '') return;
    let cancelled = false;
    const path = revealKey.split('/');
    const missing = path.filter((k) => !childrenRef.current[k]);
    Promise.all(
      missing.map((k) => fetchChildren(Number(k), includeClosed).then((l) => [k, l] as const)),
    )
      .then((pairs) => {
        if (cancelled) return;
        if (pairs.length) setChildren((prev) => ({ ...prev, ...Object.fromEntries(pairs) }));
        setExpanded((prev) => [...new Set([...prev.map(String), ...path])]);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [revealKey, rootLoaded, includeClosed]);

  const loadData = useCallback(
    async (node: TreeDataNode) => {
      const key = String(node.key);
      if (childrenRef.current[key]) return;
      const list = await fetchChildren(Number(key), includeClosed);
      setChildren((prev) => ({ ...prev, [key]: list }));
    },
    [includeClosed],
  );

  const treeData = useMemo(() => {
    const build = (list: UnitDto[]): TreeDataNode[] =>
      list.map((u) => {
        const sub = children[String(u.id)];
        return {
          key: String(u.id),
          // childCount counts active children only, so with closed units shown (or if it is
          // stale) a node is a leaf only once its children were actually loaded and found empty.
          isLeaf: sub !== undefined && sub.length === 0,
          children: sub ? build(sub) : undefined,
          title: (
            <span style={{ opacity: u.status === 'active' ? 1 : 0.6 }}>
              {u.name}
              {u.status !== 'active' && (
                <Tag color={unitStatusColors[u.status]} style={{ marginInlineStart: 6 }}>
                  {unitStatusLabels[u.status]}
                </Tag>
              )}
            </span>
          ),
        };
      });
    return build(children[ROOT] ?? []);
  }, [children]);

  if (error) return <ErrorAlert error={error} />;
  if (!rootLoaded) return <Spin />;
  if (treeData.length === 0) return <Empty description="Chưa có tổ chức nào" />;
  return (
    <Tree
      blockNode
      showLine
      treeData={treeData}
      loadData={loadData}
      loadedKeys={Object.keys(children).filter((k) => k !== ROOT)}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys)}
      selectedKeys={selectedId ? [String(selectedId)] : []}
      onSelect={(_, info) => onSelect(Number(info.node.key))}
      height={640}
    />
  );
}
