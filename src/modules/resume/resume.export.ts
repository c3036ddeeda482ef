import type { Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import {
  buildResumeBlocks,
  fileNameFor,
  headerFrom,
  type PrintableResume,
} from './resume.document.ts';
import { DOCX_MIME, renderDocx } from './resume.docx.ts';
import { PDF_MIME, renderPdf } from './resume.pdf.ts';
import * as repo from './resume.repo.ts';
import { loadForPrint } from './resume.service.ts';

export interface ExportedFile {
  body: Buffer;
  fileName: string;
  mime: string;
}

/**
 * One file with the résumés of the given members (each on its own page), in the order given.
 * The protected sections appear only where the caller may see them.
 */
export async function exportResumes(opts: {
  db: Db;
  actor: Actor;
  memberIds: number[];
  format: 'docx' | 'pdf';
}): Promise<ExportedFile> {
  const loaded = await loadForPrint({ db: opts.db, actor: opts.actor, memberIds: opts.memberIds });
  const printedOn = today();
  const printable: PrintableResume[] = [];
  // Names of the units above each person, for the header (the person was checked visible);
  // read once per unit, as a printed list often shares a few cells.
  const chains = new Map<string, Awaited<ReturnType<typeof repo.unitsOnPath>>>();
  for (const { member, dto } of loaded) {
    let chain = chains.get(member.unitPath);
    if (!chain) {
      chain = await repo.unitsOnPath(opts.db, member.unitPath);
      chains.set(member.unitPath, chain);
    }
    printable.push({
      member,
      resume: dto,
      header: headerFrom(chain, member.unitName),
      printedOn,
    });
  }
  const blocks = printable.map(buildResumeBlocks);
  return opts.format === 'docx'
    ? { body: await renderDocx(blocks), fileName: fileNameFor(printable, 'docx'), mime: DOCX_MIME }
    : { body: await renderPdf(blocks), fileName: fileNameFor(printable, 'pdf'), mime: PDF_MIME };
}
