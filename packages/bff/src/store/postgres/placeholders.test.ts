import { describe, expect, it } from 'vitest';
import { numberPlaceholders } from './placeholders.js';

describe('numberPlaceholders', () => {
  it('numbers every placeholder in order', () => {
    expect(numberPlaceholders('UPDATE t SET a = ?, b = COALESCE(?, b) WHERE id = ?')).toEqual({
      text: 'UPDATE t SET a = $1, b = COALESCE($2, b) WHERE id = $3',
      count: 3,
    });
  });

  it('leaves a statement without placeholders as it is', () => {
    expect(numberPlaceholders('SELECT 1')).toEqual({ text: 'SELECT 1', count: 0 });
  });

  it.each([
    ["SELECT 'what?', ?", "SELECT 'what?', $1", 1],
    ["SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1", 1],
    ["SELECT E'\\' ?', ?", "SELECT E'\\' ?', $1", 1],
    ["SELECT e'a\\\\', ?", "SELECT e'a\\\\', $1", 1],
    ['SELECT "odd?""name", ?', 'SELECT "odd?""name", $1', 1],
    ['SELECT ? -- really?\n, ?', 'SELECT $1 -- really?\n, $2', 2],
    ['SELECT /* a? /* nested? */ still? */ ?', 'SELECT /* a? /* nested? */ still? */ $1', 1],
    ['SELECT $$x?$$, $tag$ $$ ? $tag$, ?', 'SELECT $$x?$$, $tag$ $$ ? $tag$, $1', 1],
    ['SELECT a$b, ?', 'SELECT a$b, $1', 1],
  ] as const)('keeps ? inside literals, identifiers and comments as text: %s', (sql, text, count) => {
    expect(numberPlaceholders(sql)).toEqual({ text, count });
  });

  it("doesn't take a word ending in e for an E-string prefix", () => {
    // `type'…'` is not an escape string, so the backslash is an ordinary character and the quote closes it.
    expect(numberPlaceholders("SELECT type'\\', ?").text).toBe("SELECT type'\\', $1");
  });

  it('leaves an unterminated literal to the server to report', () => {
    expect(numberPlaceholders("SELECT 'open ?")).toEqual({ text: "SELECT 'open ?", count: 0 });
  });

  it("keeps the store's status literals intact", () => {
    const sql = "UPDATE idempotency_keys SET state = 'in_progress' WHERE owner_id = ? AND key = ?";
    expect(numberPlaceholders(sql).text).toBe(
      "UPDATE idempotency_keys SET state = 'in_progress' WHERE owner_id = $1 AND key = $2",
    );
  });
});
