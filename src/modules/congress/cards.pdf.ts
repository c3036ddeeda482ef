/**
 * Delegate cards (thẻ đại biểu) as a PDF: eight cards per A4 page, each with the congress, the
 * person's name, unit and role, and a QR code of the card code that the door's scanner types.
 */
import type { Content } from 'pdfmake';
import type { AttendeeDto, CongressDto } from '../../contracts/congress.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { MM, renderPdfDefinition } from '../elections/documents/pdf-fonts.ts';

const CARD_W = 90 * MM;
const CARD_H = 62 * MM;

function card(congress: CongressDto, a: AttendeeDto): Content {
  return {
    table: {
      widths: [CARD_W - 34 * MM, 26 * MM],
      heights: [CARD_H - 8],
      body: [
        [
          {
            stack: [
              { text: congress.name.toUpperCase(), bold: true, fontSize: 9, color: '#b71c1c' },
              {
                text: `Nhiệm kỳ ${congress.term.replace('-', '–')} · ${formatDate(congress.startsOn)}`,
                fontSize: 7.5,
                margin: [0, 1, 0, 6],
              },
              { text: a.roleLabel.toUpperCase(), bold: true, fontSize: 10, margin: [0, 0, 0, 4] },
              { text: a.fullName, bold: true, fontSize: 13 },
              { text: a.unitName, fontSize: 8, margin: [0, 2, 0, 0] },
              { text: `Mã thẻ: ${a.cardCode}`, fontSize: 8, margin: [0, 6, 0, 0] },
            ],
          },
          { qr: a.cardCode, fit: 26 * MM, margin: [0, 14, 0, 0] } as Content,
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: (i: number) => (i === 1 ? 0 : 0.6),
      paddingLeft: () => 6,
      paddingRight: () => 4,
      paddingTop: () => 6,
      paddingBottom: () => 4,
    },
  } as Content;
}

/** One PDF of cards, two per row; empty list gives a page saying so. */
export async function renderCards(
  congress: CongressDto,
  attendees: AttendeeDto[],
): Promise<Buffer> {
  const rows: Content[] = [];
  for (let i = 0; i < attendees.length; i += 2) {
    const pair = attendees.slice(i, i + 2);
    rows.push({
      columns: pair.map((a) => ({ width: CARD_W, stack: [card(congress, a)] })),
      columnGap: 8 * MM,
      margin: [0, 0, 0, 6 * MM],
      unbreakable: true,
    } as Content);
  }
  return renderPdfDefinition({
    pageSize: 'A4',
    pageMargins: [10 * MM, 10 * MM, 10 * MM, 10 * MM],
    info: { title: `Thẻ đại biểu — ${congress.name}`, creator: 'CanBo', producer: 'CanBo' },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content: rows.length ? rows : [{ text: 'Chưa có người được triệu tập.' }],
  });
}
