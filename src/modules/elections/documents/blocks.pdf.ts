/** Draws a DocModel (minutes, announcement) as an A4 PDF with pdfmake. */
import type { Content, TableCell } from 'pdfmake';
import type { DocBlock, DocModel } from './blocks.ts';
import { A4, MM, renderPdfDefinition } from './pdf-fonts.ts';

const MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
const CONTENT_WIDTH = A4.width - MARGINS[0] - MARGINS[2];

function blockContent(b: DocBlock): Content {
  switch (b.kind) {
    case 'masthead':
      return {
        columns: [
          {
            width: '45%',
            stack: b.left.map((t, i) => ({ text: t, bold: i === b.left.length - 1 })),
            alignment: 'center',
          },
          {
            width: '*',
            stack: [
              ...b.right.map((t) => ({ text: t, bold: true, decoration: 'underline' as const })),
              { text: b.dateLine, italics: true, margin: [0, 6, 0, 0] },
            ],
            alignment: 'center',
          },
        ],
        columnGap: 10,
        margin: [0, 0, 0, 14],
      };
    case 'title':
      return {
        stack: [
          { text: b.text, bold: true, fontSize: 15 },
          ...b.subtitle.map((t) => ({ text: t, bold: true })),
        ],
        alignment: 'center',
        margin: [0, 0, 0, 10],
      };
    case 'heading':
      return { text: b.text, bold: true, margin: [0, 6, 0, 3] };
    case 'text':
      return { text: b.text, bold: b.bold, italics: b.italics, margin: [0, 0, 0, 3] };
    case 'table': {
      const total = b.columns.reduce((s, c) => s + c.width, 0);
      const header: TableCell[] = b.columns.map((c) => ({
        text: c.header,
        bold: true,
        alignment: 'center',
        fontSize: 10,
      }));
      return {
        table: {
          headerRows: 1,
          widths: b.columns.map((c) => (CONTENT_WIDTH * c.width) / total - 8),
          body: [
            header,
            ...b.rows.map((r) =>
              r.map((text, i) => ({
                text,
                fontSize: 10,
                alignment: b.columns[i]?.align ?? 'left',
              })),
            ),
          ],
        },
        margin: [0, 2, 0, 8],
      };
    }
    case 'signatures':
      return {
        columns: b.columns.map((c) => ({
          width: '*',
          alignment: 'center',
          stack: [
            ...c.title.map((t) => ({ text: t, bold: true })),
            ...(c.title.length
              ? [{ text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: 9 }]
              : []),
            ...c.names.map((n, i) => ({ text: n, bold: true, margin: [0, i ? 24 : 40, 0, 0] })),
          ],
        })) as Content[],
        columnGap: 10,
        margin: [0, 14, 0, 0],
        unbreakable: true,
      } as Content;
  }
}

export async function renderDocPdf(model: DocModel): Promise<Buffer> {
  return renderPdfDefinition({
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: { title: model.title, creator: 'CanBo', producer: 'CanBo' },
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
    footer: (current: number, total: number) => ({
      text: `Trang ${current}/${total}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 5, 0, 0],
    }),
    content: model.blocks.map(blockContent),
  });
}
