import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error.js';

/**
 * Login limits: 5 failed attempts per username and address in 15 minutes; 100 attempts a minute per
 * address overall. Kept in process memory: one factory runs one API process (docs/scaling.md says how
 * replicas share it).
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new RateLimiterMemory({
    keyPrefix: 'login-fail',
    points: 5,
    duration: 15 * 60,
  });
  private readonly perAddress = new RateLimiterMemory({ keyPrefix: 'login-ip', points: 100, duration: 60 });

  private key(username: string, address: string) {
    return `${username.trim().toLowerCase()}|${address}`;
  }

  /** Refuses with 429 before the password is even checked when either limit is spent. */
  async before(username: string, address: string): Promise<void> {
    const failures = await this.failures.get(this.key(username, address));
    if (failures && failures.consumedPoints >= 5) throw tooMany(failures.msBeforeNext);
    try {
      await this.perAddress.consume(address);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw tooMany(e.msBeforeNext);
      throw e;
    }
  }

  async failed(username: string, address: string): Promise<void> {
    await this.failures.penalty(this.key(username, address), 1);
  }

  async succeeded(username: string, address: string): Promise<void> {
    await this.failures.delete(this.key(username, address));
  }
}

const tooMany = (ms: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', 'Too many login attempts; wait a while and try again', {
    retryAfterSeconds: Math.ceil(ms / 1000),
  });
