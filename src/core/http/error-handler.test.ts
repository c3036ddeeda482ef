import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandler } from './error-handler.ts';

describe('error handler', () => {
  it('answers a unique-index refusal with 409 and a Vietnamese message, not 500', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    app.get('/dup', async () => {
      throw Object.assign(new Error('duplicate key value violates unique constraint'), {
        code: '23505',
      });
    });
    app.get('/boom', async () => {
      throw new Error('boom');
    });
    const dup = await app.inject({ url: '/dup' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toContain('đã tồn tại');
    expect((await app.inject({ url: '/boom' })).statusCode).toBe(500);
    await app.close();
  });
});
