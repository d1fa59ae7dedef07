import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import { checkTarget, guardedLookup, TargetRefused } from './webhook-target.js';

/** The most of an answer's body the delivery log keeps. */
export const RESPONSE_EXCERPT_BYTES = 1024;

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  response: string | null;
  error: string | null;
  /** Retrying cannot help (the target is refused). */
  permanent: boolean;
}

/**
 * One signed POST (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature). Redirects are
 * not followed (a 3xx is a failure), the whole attempt has a time limit, and the answer's body is read
 * only as far as the excerpt the log keeps.
 */
export async function sendWebhook(
  target: { url: string; secret: string; messageId: string; body: string },
  options: { allowPrivate: boolean; timeoutMs: number },
): Promise<SendResult> {
  try {
    await checkTarget(target.url, options.allowPrivate);
  } catch (e) {
    if (e instanceof TargetRefused)
      return { ok: false, statusCode: null, response: null, error: e.message, permanent: true };
    throw e;
  }
  const timestamp = new Date();
  const signature = new Webhook(target.secret).sign(target.messageId, timestamp, target.body);
  const url = new URL(target.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(target.body),
          'user-agent': 'Kapok-Webhooks/1',
          'webhook-id': target.messageId,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
        lookup: guardedLookup(options.allowPrivate),
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          const statusCode = res.statusCode ?? null;
          const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
          resolve({
            ok,
            statusCode,
            response: excerpt(Buffer.concat(chunks)),
            error: ok
              ? null
              : `HTTP ${statusCode}${statusCode && statusCode >= 300 && statusCode < 400 ? ' (redirects are not followed)' : ''}`,
            permanent: false,
          });
        };
        res.on('data', (chunk: Buffer) => {
          if (size < RESPONSE_EXCERPT_BYTES) chunks.push(chunk.subarray(0, RESPONSE_EXCERPT_BYTES - size));
          size += chunk.length;
          if (size >= RESPONSE_EXCERPT_BYTES) {
            res.destroy();
            finish();
          }
        });
        res.on('end', finish);
        res.on('error', () => finish());
      },
    );
    req.on('error', (e: Error) => {
      const refused = e instanceof TargetRefused || (e.cause instanceof TargetRefused ? e.cause : undefined);
      resolve({
        ok: false,
        statusCode: null,
        response: null,
        error:
          e.name === 'TimeoutError' || e.name === 'AbortError'
            ? `No answer within ${options.timeoutMs} ms`
            : e.message,
        permanent: Boolean(refused),
      });
    });
    req.end(target.body);
  });
}

/** The first 1 KB of a body as text, without a character cut in half. */
function excerpt(body: Buffer): string | null {
  if (body.length === 0) return null;
  return new TextDecoder('utf-8', { fatal: false })
    .decode(body.subarray(0, RESPONSE_EXCERPT_BYTES))
    .replace(/\uFFFD$/, '');
}
