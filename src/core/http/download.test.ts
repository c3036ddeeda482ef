import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { sendDownload, sendXlsx } from './download.ts';
import { XLSX_MIME } from '../office/xlsx.ts';

describe('sending a file to download', () => {
  it('keeps the Vietnamese name, and neither caches nor lets the browser sniff it', async () => {
    const app = Fastify();
    app.get('/x', (_req, reply) =>
      sendXlsx(reply, { buffer: Buffer.from('PK'), fileName: 'Quy hoạch kế thừa.xlsx' }),
    );
    app.get('/up', (_req, reply) =>
      sendDownload(
        reply,
        { body: Buffer.from('<html>'), fileName: 'minh chứng.html', mime: 'text/html' },
        { uploaded: true },
      ),
    );
    const x = await app.inject({ url: '/x' });
    expect(x.headers['content-type']).toBe(XLSX_MIME);
    expect(x.headers['content-disposition']).toBe(
      `attachment; filename="Quy hoach ke thua.xlsx"; filename*=UTF-8''${encodeURIComponent('Quy hoạch kế thừa.xlsx')}`,
    );
    expect(x.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    expect(x.headers['content-security-policy']).toBeUndefined();
    // An uploaded file never runs as a page of the site.
    const up = await app.inject({ url: '/up' });
    expect(up.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(up.body).toBe('<html>');
    await app.close();
  });
});
