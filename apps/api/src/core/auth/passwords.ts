import { PASSWORD_MIN_LENGTH } from '@kapok/contracts';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as english, translations } from '@zxcvbn-ts/language-en';
import argon2 from 'argon2';
import { AppError } from '../errors/app-error.js';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the time of a real verification, so unknown usernames cannot be told apart by timing. */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword('kapok-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}

let estimator: ZxcvbnFactory | undefined;

/**
 * Why a new password is refused, or an empty list: 12+ characters and a zxcvbn score of at least 3
 * ("safely unguessable": about 10^8 guesses), checked against common passwords, English words, names,
 * keyboard patterns and the user's own name. Only new passwords are checked; stored ones still sign in.
 */
export function passwordProblems(password: string, userInputs: string[] = []): string[] {
  if (password.length < PASSWORD_MIN_LENGTH) return [`Use at least ${PASSWORD_MIN_LENGTH} characters.`];
  estimator ??= new ZxcvbnFactory({
    graphs: adjacencyGraphs,
    dictionary: { ...common, ...english },
    translations,
  });
  const result = estimator.check(password.slice(0, 256), [...userInputs, 'kapok', 'kapok-demo', 'password']);
  if (result.score >= 3) return [];
  return [
    'This password is too easy to guess.',
    ...(result.feedback.warning ? [result.feedback.warning] : []),
    ...result.feedback.suggestions,
  ];
}

/** 422 naming the field when a new password is too weak. */
export function assertStrongPassword(field: string, password: string, userInputs: string[]): void {
  const problems = passwordProblems(password, userInputs);
  if (problems.length)
    throw new AppError(422, 'WEAK_PASSWORD', `The password is too weak: ${problems.join(' ')}`, [
      { field, messages: [problems.join(' ')] },
    ]);
}
