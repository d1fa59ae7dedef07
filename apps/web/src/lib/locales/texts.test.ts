import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PERMISSION_ACTIONS, PERMISSION_MODULES, SEEDED_ROLES } from '@kapok/contracts';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
import { enModules } from './modules.en';
import { idModules } from './modules.id';
import { passportTexts } from '../../features/passport/texts';

/** Every text key of a bundle, dotted ("ppic.complete.actual"), with plural suffixes kept. */
function keysOf(bundle: object, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(bundle)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of keysOf(value, path)) keys.set(k, v);
    else keys.set(path, String(value));
  }
  return keys;
}

const languages = {
  // The public passport page carries its own texts (it loads without the other bundles).
  en: keysOf({ ...en, ...enModules, ...passportTexts.en }),
  id: keysOf({ ...id, ...idModules, ...passportTexts.id }),
};
const has = (keys: Map<string, string>, key: string) =>
  keys.has(key) || keys.has(`${key}_one`) || keys.has(`${key}_other`);
const hasPrefix = (keys: Map<string, string>, prefix: string) =>
  [...keys.keys()].some((k) => k.startsWith(prefix));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.includes('locales') ? [path] : [];
  });
}
const root = join(import.meta.dirname, '..', '..');
const sources = sourceFiles(root).map((path) => ({
  file: relative(root, path),
  code: readFileSync(path, 'utf8'),
}));

describe('texts', () => {
  it('has every key in both languages, and no empty text', () => {
    for (const [a, b] of [
      ['en', 'id'],
      ['id', 'en'],
    ] as const) {
      const missing = [...languages[a].keys()]
        .filter((k) => !has(languages[b], k.replace(/_(one|other)$/, '')))
        .map((k) => `${b} lacks ${k}`);
      expect(missing).toEqual([]);
    }
    for (const [language, keys] of Object.entries(languages))
      expect([...keys].filter(([, text]) => text.trim() === '').map(([k]) => `${language}: ${k}`)).toEqual(
        [],
      );
  });

  it('has a text in both languages for every key the code asks for', () => {
    const missing: string[] = [];
    let asked = 0;
    for (const { file, code } of sources) {
      for (const [, key] of code.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)) {
        asked += 1;
        for (const [language, keys] of Object.entries(languages))
          if (!has(keys, key!)) missing.push(`${language}: ${key} (${file})`);
      }
      // A key built at run time (`ppic.state.${state}`): its fixed part must name a group of texts.
      for (const [, prefix] of code.matchAll(/\bt\(\s*`([A-Za-z0-9_.]+)\$\{/g))
        for (const [language, keys] of Object.entries(languages))
          if (!hasPrefix(keys, prefix!)) missing.push(`${language}: ${prefix}… (${file})`);
    }
    expect(asked).toBeGreaterThan(300);
    expect(missing).toEqual([]);
  });

  it('names every permission module and says in words what each permission allows, in both languages', () => {
    const missing: string[] = [];
    for (const [language, keys] of Object.entries(languages))
      for (const module of PERMISSION_MODULES) {
        if (!keys.has(`admin.roles.modules.${module}`)) missing.push(`${language}: ${module}`);
        for (const action of PERMISSION_ACTIONS)
          if (!keys.has(`admin.roles.grants.${module}.${action}`))
            missing.push(`${language}: ${module}.${action}`);
      }
    expect(missing).toEqual([]);
  });

  it('names every seeded role in both languages', () => {
    const missing = Object.entries(languages).flatMap(([language, keys]) =>
      SEEDED_ROLES.filter((r) => !keys.has(`roles.${r.code}`)).map((r) => `${language}: ${r.code}`),
    );
    expect(missing).toEqual([]);
  });
});
