/** Escapes `%`, `_` and `\` so a search text matches itself in an ILIKE pattern. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
