import { createKapokClient, type KapokClient, unwrap } from '@kapok/api-client';
import { createInterface } from 'node:readline/promises';

export interface Session {
  client: KapokClient;
  baseUrl: string;
  /** The access token in use (printed only when asked: `kapok login --print-token`); none with an API key. */
  token: string;
}

export interface ConnectOptions {
  url?: string;
  username?: string;
  /** A service account's key; KAPOK_API_KEY when not given. */
  apiKey?: string;
}

/** Asks on the terminal; the password is not echoed. */
async function ask(question: string, secret = false): Promise<string> {
  if (!process.stdin.isTTY)
    throw new Error(
      `${question.trim()} is needed: set KAPOK_API_KEY, or KAPOK_TOKEN, or KAPOK_USERNAME and KAPOK_PASSWORD`,
    );
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  if (secret) {
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) =>
      write(s.startsWith(question) ? s : '');
  }
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
    if (secret) process.stderr.write('\n');
  }
}

/**
 * Signs in: an API key (--api-key or KAPOK_API_KEY, sent as x-api-key), a token from KAPOK_TOKEN, or a
 * login with KAPOK_USERNAME / KAPOK_PASSWORD, or a prompt. Nothing is written to disk.
 */
export async function connect(options: ConnectOptions = {}): Promise<Session> {
  const baseUrl = baseUrlOf(options);
  const apiKey = options.apiKey ?? process.env.KAPOK_API_KEY;
  if (apiKey) return { client: createKapokClient({ baseUrl, apiKey }), baseUrl, token: '' };
  let token = process.env.KAPOK_TOKEN;
  const client = createKapokClient({ baseUrl, getAccessToken: () => token });
  if (!token) {
    const username = options.username ?? process.env.KAPOK_USERNAME ?? (await ask('Username: '));
    const password = process.env.KAPOK_PASSWORD ?? (await ask('Password: ', true));
    const login = unwrap(await client.POST('/api/v1/auth/login', { body: { username, password } }));
    token = login.accessToken;
  }
  return { client, baseUrl, token };
}

export const baseUrlOf = (options: ConnectOptions = {}): string =>
  (options.url ?? process.env.KAPOK_URL ?? 'http://localhost:3000').replace(/\/$/, '');
