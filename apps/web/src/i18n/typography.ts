/**
 * French puts a non-breaking space before ":" and a narrow one before "?", "!", ";" and "%", and inside
 * « ». Catalogues are written with ordinary spaces (readable, easy to type) and get them here, so
 * a line never wraps between a word and its punctuation.
 */
export function frenchSpacing<T extends Record<string, string>>(messages: T): T {
  const spaced = Object.entries(messages).map(([id, text]) => [
    id,
    text
      .replace(/ :/g, "\u00a0:")
      .replace(/ ([?!;%])/g, "\u202f$1")
      .replace(/« /g, "«\u00a0")
      .replace(/ »/g, "\u00a0»"),
  ]);
  return Object.fromEntries(spaced) as T;
}
