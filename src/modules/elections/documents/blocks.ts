/**
 * A small document model shared by the minutes and the results announcement, so one builder
 * feeds both the .docx and the PDF renderer and the two files never say different things.
 */
export type DocBlock =
  /** The two-column heading of a Party document: issuing body on the left, the Party and date on the right. */
  | { kind: 'masthead'; left: string[]; right: string[]; dateLine: string }
  | { kind: 'title'; text: string; subtitle: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string; bold?: boolean; italics?: boolean }
  | {
      kind: 'table';
      columns: { header: string; width: number; align?: 'left' | 'center' | 'right' }[];
      rows: string[][];
    }
  /** Signature columns: each a heading line, space to sign, then the name. */
  | { kind: 'signatures'; columns: { title: string[]; names: string[] }[] };

export interface DocModel {
  /** The file's title in its properties. */
  title: string;
  blocks: DocBlock[];
}
