import type { ArgumentsHost } from '@nestjs/common';
import { jest } from '@jest/globals';
import { HttpException, Logger } from '@nestjs/common';
import { AppError } from './app-error.js';
import { HttpExceptionFilter } from './http-exception.filter.js';

function run(exception: unknown) {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const reply = {
    sent: false,
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ id: 'req-1', method: 'GET', url: '/api/v1/x' }),
      getResponse: () => reply,
    }),
  } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return sent;
}

describe('HttpExceptionFilter', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it('keeps the code, message and details of an AppError', () => {
    expect(run(new AppError(409, 'INSUFFICIENT_STOCK', 'Not enough', { missing: 3 }))).toMatchObject({
      status: 409,
      body: {
        statusCode: 409,
        code: 'INSUFFICIENT_STOCK',
        message: 'Not enough',
        details: { missing: 3 },
        requestId: 'req-1',
      },
    });
  });

  it('answers only codes of the catalogue: another code becomes the default of its status', () => {
    const foreign = new HttpException({ code: 'SOMETHING_ELSE', message: 'From a library' }, 409);
    expect(run(foreign).body).toMatchObject({ code: 'CONFLICT', message: 'From a library' });
    expect(run(new HttpException('I am a teapot', 418)).body).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('turns an unknown error into a 500 that shows neither stack nor SQL', () => {
    const error = new Error('select * from users where secret = 1');
    const sent = run(error);
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: expect.any(String),
      requestId: 'req-1',
    });
    expect(JSON.stringify(sent.body)).not.toMatch(/select|users|at /);
  });

  it('maps PostgreSQL errors: unique violation 409, connection refused 503 with retry-after', () => {
    expect(run(Object.assign(new Error('duplicate key value violates'), { code: '23505' })).status).toBe(409);
    const down = run(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    );
    expect(down).toMatchObject({
      status: 503,
      body: { code: 'DATABASE_UNAVAILABLE' },
      headers: { 'retry-after': '5' },
    });
  });
});
