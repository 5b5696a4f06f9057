import type { SqlValue } from './SqlDriver.js';

/** Where a page ended: the last row's creation time and id, the keyset the next page starts after. */
export interface KeysetPosition {
  createdAt: string;
  id: string;
}

/** A page of rows, newest first, and whether more follow it. */
export interface Page<T> {
  rows: T[];
  more: boolean;
}

/**
 * The WHERE and ORDER of a list paged by keyset: newest first by `(created_at, id)`, each page starting strictly
 * after the last row of the one before, so that rows created meanwhile (which sort first) never shift a page.
 */
export class ListQuery {
  private readonly parts: string[] = [];
  readonly params: SqlValue[] = [];

  /** `column = value`. */
  eq(column: string, value: SqlValue): this {
    this.parts.push(`${column} = ?`);
    this.params.push(value);
    return this;
  }

  /** Any of `columns` equals `value`. */
  anyEq(columns: readonly string[], value: SqlValue | undefined): this {
    if (value === undefined) return this;
    this.parts.push(`(${columns.map((c) => `${c} = ?`).join(' OR ')})`);
    for (const _ of columns) this.params.push(value);
    return this;
  }

  /** `column` is one of `values` (no condition when undefined). */
  oneOf(column: string, values: readonly string[] | undefined): this {
    if (values === undefined) return this;
    this.parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    this.params.push(...values);
    return this;
  }

  /** Created at or after `from`, and before `to` (ISO text in UTC compares as the instants do). */
  period(from: string | undefined, to: string | undefined): this {
    if (from !== undefined) {
      this.parts.push('created_at >= ?');
      this.params.push(from);
    }
    if (to !== undefined) {
      this.parts.push('created_at < ?');
      this.params.push(to);
    }
    return this;
  }

  /** Rows after `position` in the list's order. */
  after(position: KeysetPosition | undefined): this {
    if (position === undefined) return this;
    // A row value, not `a < ? OR (a = ? AND b < ?)`: both databases then seek the (…, created_at, id) index.
    this.parts.push('(created_at, id) < (?, ?)');
    this.params.push(position.createdAt, position.id);
    return this;
  }

  /** `SELECT * FROM table WHERE … ORDER BY created_at DESC, id DESC LIMIT limit + 1`, and its parameters. */
  select(table: string, limit: number): [string, SqlValue[]] {
    const where = this.parts.length === 0 ? '' : ` WHERE ${this.parts.join(' AND ')}`;
    return [
      `SELECT * FROM ${table}${where} ORDER BY created_at DESC, id DESC LIMIT ?`,
      [...this.params, limit + 1],
    ];
  }
}

/** The page of `limit` rows out of `limit + 1` fetched: the extra one only says that more follow. */
export function pageOf<T>(rows: T[], limit: number): Page<T> {
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}
