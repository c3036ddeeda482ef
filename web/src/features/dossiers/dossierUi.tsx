import { Tag, Tooltip } from 'antd';
import {
  documentFileKindLabels,
  dossierDocumentStatusLabels,
  dossierProcesses,
  dossierProcessLabels,
  type DocumentFileKind,
  type DossierDocumentDto,
  type DossierProcess,
} from '../../lib/contracts.ts';
import { formatNumber } from '../../lib/vn.ts';

export const processOptions = dossierProcesses.map((p) => ({
  value: p,
  label: dossierProcessLabels[p],
}));

/** File-picker filter for a type's kinds (the server still checks the real content). */
export function acceptOf(kinds: readonly DocumentFileKind[]): string {
  return kinds.flatMap((k) => (k === 'jpg' ? ['.jpg', '.jpeg'] : [`.${k}`])).join(',');
}

export const kindsText = (kinds: readonly DocumentFileKind[]) =>
  kinds.map((k) => documentFileKindLabels[k]).join(', ');

export function formatSize(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}

const statusColors = { pending: 'gold', verified: 'green', rejected: 'red' } as const;

export function StatusTag({ doc }: { doc: DossierDocumentDto | null }) {
  if (!doc) return <Tag>Chưa nộp</Tag>;
  const tag = <Tag color={statusColors[doc.status]}>{dossierDocumentStatusLabels[doc.status]}</Tag>;
  return doc.status === 'rejected' && doc.rejectReason ? (
    <Tooltip title={`Lý do: ${doc.rejectReason}`}>{tag}</Tooltip>
  ) : (
    tag
  );
}

export function processLabel(p: DossierProcess): string {
  return dossierProcessLabels[p];
}
