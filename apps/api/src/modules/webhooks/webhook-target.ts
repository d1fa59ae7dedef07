import { lookup } from 'node:dns';
import { lookup as lookupAsync } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Only globally routed unicast: not private, loopback, link-local, unique-local, CGNAT, multicast, … */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

export class TargetRefused extends Error {
  constructor(
    readonly reason: 'private' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks a webhook URL: http(s), a host that resolves, and (unless private targets are allowed) every
 * address it resolves to public. Run when a subscription is saved and again before each attempt.
 */
export async function checkTarget(url: string, allowPrivate: boolean): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TargetRefused('invalid', 'The URL is not valid');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new TargetRefused('invalid', 'The URL must start with https:// or http://');
  if (parsed.username || parsed.password)
    throw new TargetRefused('invalid', 'The URL must not carry a user name or password');
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = (await lookupAsync(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new TargetRefused('invalid', `The host ${host} does not resolve`);
    }
  }
  if (!allowPrivate) {
    const refused = addresses.find((a) => !isPublicAddress(a));
    if (refused)
      throw new TargetRefused('private', `${host} resolves to ${refused}, a private or local address`);
  }
}

/**
 * A DNS lookup for the connection itself that refuses a private address, so a name that resolves to a
 * public address when checked and a private one when connecting (DNS rebinding) is still refused.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as unknown as { address: string; family: number }[];
      const refused = allowPrivate ? undefined : list.find((a) => !isPublicAddress(a.address));
      if (refused)
        return callback(
          new TargetRefused(
            'private',
            `${hostname} resolves to ${refused.address}, a private or local address`,
          ),
          '',
          0,
        );
      if (options.all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
}
