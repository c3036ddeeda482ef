/** Draws a DocModel (minutes, announcement) as a Word document: A4, Times New Roman 13 pt. */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { DocBlock, DocModel } from './blocks.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const CM = 567; // twips
const PAGE = {
  width: 11906,
  height: 16838,
  left: 3 * CM,
  right: 1.5 * CM,
  top: 2 * CM,
  bottom: 2 * CM,
};
const CONTENT = PAGE.width - PAGE.left - PAGE.right;
const FONT = 'Times New Roman';
const SIZE = 26; // half-points

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const ALIGN: Record<'left' | 'center' | 'right', Align> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

const run = (
  text: string,
  o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {},
) =>
  new TextRun({
    text,
    font: FONT,
    size: o.size ?? SIZE,
    bold: o.bold,
    italics: o.italics,
    underline: o.underline ? { type: UnderlineType.SINGLE } : undefined,
  });

const para = (children: TextRun[], align: Align = AlignmentType.JUSTIFIED, after = 60) =>
  new Paragraph({ children, alignment: align, spacing: { after, line: 300 } });

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none };
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const lines = { top: line, bottom: line, left: line, right: line };

const cell = (
  children: Paragraph[],
  width: number,
  borders: typeof noBorders | typeof lines = noBorders,
) =>
  new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    borders,
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });

function columnsTable(columns: Paragraph[][], widths: number[]) {
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: widths,
    borders: noBorders,
    rows: [new TableRow({ children: columns.map((c, i) => cell(c, widths[i]!)) })],
  });
}

function blockElements(b: DocBlock): (Paragraph | Table)[] {
  const C = AlignmentType.CENTER;
  switch (b.kind) {
    case 'masthead': {
      const left = Math.round(CONTENT * 0.45);
      return [
        columnsTable(
          [
            b.left.map((t, i) => para([run(t, { bold: i === b.left.length - 1 })], C, 0)),
            [
              ...b.right.map((t) => para([run(t, { bold: true, underline: true })], C, 0)),
              para([run(b.dateLine, { italics: true })], C, 0),
            ],
          ],
          [left, CONTENT - left],
        ),
        para([]),
      ];
    }
    case 'title':
      return [
        para([run(b.text, { bold: true, size: 30 })], C, 0),
        ...b.subtitle.map((t) => para([run(t, { bold: true })], C, 0)),
        para([]),
      ];
    case 'heading':
      return [para([run(b.text, { bold: true })], AlignmentType.LEFT, 60)];
    case 'text':
      return [para([run(b.text, { bold: b.bold, italics: b.italics })])];
    case 'table': {
      const total = b.columns.reduce((s, c) => s + c.width, 0);
      const widths = b.columns.map((c) => Math.round((CONTENT * c.width) / total));
      const row = (texts: string[], header: boolean) =>
        new TableRow({
          tableHeader: header,
          children: texts.map((text, i) =>
            cell(
              [
                para(
                  [run(text, { bold: header, size: 24 })],
                  header ? C : ALIGN[b.columns[i]?.align ?? 'left'],
                  0,
                ),
              ],
              widths[i]!,
              lines,
            ),
          ),
        });
      return [
        new Table({
          width: { size: CONTENT, type: WidthType.DXA },
          columnWidths: widths,
          rows: [
            row(
              b.columns.map((c) => c.header),
              true,
            ),
            ...b.rows.map((r) => row(r, false)),
          ],
        }),
        para([]),
      ];
    }
    case 'signatures': {
      const width = Math.round(CONTENT / b.columns.length);
      return [
        para([]),
        columnsTable(
          b.columns.map((c) => [
            ...c.title.map((t) => para([run(t, { bold: true })], C, 0)),
            ...(c.title.length
              ? [para([run('(Ký, ghi rõ họ tên)', { italics: true, size: 22 })], C, 0)]
              : [para([])]),
            ...c.names.flatMap((n) => [para([], C, 600), para([run(n, { bold: true })], C, 0)]),
          ]),
          b.columns.map(() => width),
        ),
      ];
    }
  }
}

export async function renderDocDocx(model: DocModel): Promise<Buffer> {
  const doc = new Document({
    creator: 'CanBo',
    title: model.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children: model.blocks.flatMap(blockElements),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
