import { Injectable } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { AppError } from '../errors/app-error.js';

const WINDOW_SECONDS = 15 * 60;
const MAX_BLOCK_SECONDS = 24 * 3600;

/**
 * Login limits, kept in PostgreSQL (table `login_limits`) so every API instance shares them:
 * - 5 attempts per username and address in 15 minutes; each time they are spent the pair is blocked
 *   for longer (15 min, 30 min, 1 h, … up to a day) until a successful login;
 * - 50 attempts per username in an hour from all addresses together (a higher limit, so that people
 *   behind one NAT are not locked out by one guesser, and guessing from many addresses still stops);
 * - 100 attempts a minute per address.
 * A point is consumed *before* the password is checked, so a parallel burst cannot outrun the count;
 * a successful login gives the username's points back.
 */
@Injectable()
export class LoginThrottle {
  private readonly userAddress: RateLimiterPostgres;
  private readonly strikes: RateLimiterPostgres;
  private readonly user: RateLimiterPostgres;
  private readonly address: RateLimiterPostgres;

  constructor(dataSource: DataSource) {
    const store = (keyPrefix: string, points: number, duration: number) =>
      new RateLimiterPostgres({
        storeClient: dataSource,
        storeType: 'typeorm',
        tableName: 'login_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix,
        points,
        duration,
      });
    this.userAddress = store('user-ip', 5, WINDOW_SECONDS);
    this.strikes = store('strikes', 1_000_000, MAX_BLOCK_SECONDS);
    this.user = store('user', 50, 3600);
    this.address = store('ip', 100, 60);
  }

  private key(username: string, address: string) {
    return `${normal(username)}|${address}`;
  }

  /** Takes one attempt from every limit, or answers 429 when one is spent. */
  async before(username: string, address: string): Promise<void> {
    const steps: Array<[RateLimiterAbstract, string]> = [
      [this.userAddress, this.key(username, address)],
      [this.user, normal(username)],
      [this.address, address],
    ];
    const taken: Array<[RateLimiterAbstract, string]> = [];
    for (const [limiter, key] of steps) {
      try {
        await limiter.consume(key);
        taken.push([limiter, key]);
      } catch (e) {
        // The spent limit keeps its count (a block must not be worn down); the others get theirs back.
        for (const [l, k] of taken) await l.reward(k, 1).catch(() => undefined);
        if (e instanceof RateLimiterRes) throw tooMany(e.msBeforeNext);
        throw e;
      }
    }
  }

  /** The attempt stays counted; the fifth failure in a window blocks the pair, longer each time. */
  async failed(username: string, address: string): Promise<void> {
    const key = this.key(username, address);
    const current = await this.userAddress.get(key);
    if (!current || current.consumedPoints < 5) return;
    const strike = await this.strikes.penalty(key, 1);
    const seconds = Math.min(WINDOW_SECONDS * 2 ** (strike.consumedPoints - 1), MAX_BLOCK_SECONDS);
    await this.userAddress.block(key, seconds);
  }

  async succeeded(username: string, address: string): Promise<void> {
    const key = this.key(username, address);
    await Promise.all([
      this.userAddress.delete(key),
      this.strikes.delete(key),
      this.user.reward(normal(username), 1),
      this.address.reward(address, 1),
    ]);
  }
}

const normal = (username: string) => username.trim().toLowerCase().slice(0, 100);

const tooMany = (ms: number) => {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new AppError(429, 'TOO_MANY_ATTEMPTS', 'Too many login attempts; wait a while and try again', {
    retryAfterSeconds: seconds,
  });
};
