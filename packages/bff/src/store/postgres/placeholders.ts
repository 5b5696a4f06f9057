/** A statement with PostgreSQL's numbered placeholders. */
export interface NumberedSql {
  text: string;
  /** How many placeholders it has, to check against the parameters given. */
  count: number;
}

const IDENTIFIER_CHAR = /[\p{L}\p{N}_$]/u;
const DOLLAR_TAG = /\$(?:[\p{L}_][\p{L}\p{N}_]*)?\$/uy;

/**
 * Rewrites the store's `?` placeholders as `$1..$n`. A `?` inside a string literal (also `E'…'` with
 * backslash escapes), a quoted identifier, a dollar-quoted body or a comment is text, not a placeholder.
 * PostgreSQL's own `?` operators (jsonb) therefore can't be written in the store's SQL.
 */
export function numberPlaceholders(sql: string): NumberedSql {
  let text = '';
  let count = 0;
  let copied = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    let next = i + 1;
    if (c === '?') {
      count++;
      text += `${sql.slice(copied, i)}$${count}`;
      copied = next;
    } else if (c === "'") {
      next = closingQuote(sql, next, "'", isEscapeString(sql, i));
    } else if (c === '"') {
      next = closingQuote(sql, next, '"', false);
    } else if (c === '-' && sql[next] === '-') {
      const newline = sql.indexOf('\n', next);
      next = newline === -1 ? sql.length : newline + 1;
    } else if (c === '/' && sql[next] === '*') {
      next = blockCommentEnd(sql, i);
    } else if (c === '$') {
      next = dollarQuoteEnd(sql, i);
    }
    i = next;
  }
  return { text: text + sql.slice(copied), count };
}

/** Index just past the closing quote; a doubled quote (and, in E-strings, a backslash) escapes one. */
function closingQuote(sql: string, from: number, quote: string, backslashEscapes: boolean): number {
  for (let i = from; i < sql.length; i++) {
    const c = sql[i];
    if (backslashEscapes && c === '\\') {
      i++;
    } else if (c === quote) {
      if (sql[i + 1] !== quote) return i + 1;
      i++;
    }
  }
  // Unterminated: leave the rest alone and let the server report the syntax error.
  return sql.length;
}

/** `E'…'` (but not `somE'…'`, which is a syntax error anyway) takes backslash escapes. */
function isEscapeString(sql: string, quoteAt: number): boolean {
  const prefix = sql[quoteAt - 1];
  return (prefix === 'E' || prefix === 'e') && !IDENTIFIER_CHAR.test(sql[quoteAt - 2] ?? '');
}

/** Block comments nest in PostgreSQL. */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  for (let i = start; i < sql.length - 1; i++) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth++;
      i++;
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  return sql.length;
}

/** `$tag$ … $tag$`; a `$` inside an identifier (`a$b`) or before a digit (`$1`) opens nothing. */
function dollarQuoteEnd(sql: string, start: number): number {
  if (start > 0 && IDENTIFIER_CHAR.test(sql[start - 1] ?? '')) return start + 1;
  DOLLAR_TAG.lastIndex = start;
  const tag = DOLLAR_TAG.exec(sql)?.[0];
  if (tag === undefined) return start + 1;
  const close = sql.indexOf(tag, start + tag.length);
  return close === -1 ? sql.length : close + tag.length;
}
