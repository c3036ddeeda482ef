import { Empty } from 'antd';

/** The elections of one congress (its bodies' rounds), shown as a tab on the congress page. */
export default function CongressElectionsTab({ congressId }: { congressId: number }) {
  return <Empty description={`Chưa có cuộc bầu cử nào (đại hội ${congressId}).`} />;
}
