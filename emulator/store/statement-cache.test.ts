import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { reusePreparedStatements } from './statement-cache';

let db: Database.Database;

beforeEach(() => {
  db = new Database(':memory:');
  reusePreparedStatements(db);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  db.prepare('INSERT INTO t (id, name) VALUES (?, ?)').run(1, 'one');
  db.prepare('INSERT INTO t (id, name) VALUES (?, ?)').run(2, 'two');
});

describe('reusePreparedStatements', () => {
  it('returns the same compiled statement for the same SQL', () => {
    expect(db.prepare('SELECT * FROM t WHERE id = ?')).toBe(db.prepare('SELECT * FROM t WHERE id = ?'));
    expect(db.prepare('SELECT * FROM t WHERE id = ?')).not.toBe(db.prepare('SELECT name FROM t WHERE id = ?'));
  });

  it('resets pluck / raw / expand, so one caller’s mode never leaks into another’s', () => {
    const sql = 'SELECT id, name FROM t WHERE id = ?';
    expect(db.prepare(sql).pluck().get(1)).toBe(1);
    expect(db.prepare(sql).get(1)).toEqual({ id: 1, name: 'one' });
    expect(db.prepare(sql).raw().get(2)).toEqual([2, 'two']);
    expect(db.prepare(sql).get(2)).toEqual({ id: 2, name: 'two' });
  });

  it('gives a fresh statement while the cached one is busy iterating', () => {
    const sql = 'SELECT id FROM t ORDER BY id';
    const seen: number[] = [];
    for (const row of db.prepare(sql).iterate() as IterableIterator<{ id: number }>) {
      seen.push(row.id, ...(db.prepare(sql).all() as { id: number }[]).map((inner) => inner.id * 10));
    }
    expect(seen).toEqual([1, 10, 20, 2, 10, 20]);
  });

  it('keeps statements that write usable', () => {
    const insert = 'INSERT INTO t (id, name) VALUES (?, ?)';
    db.prepare(insert).run(3, 'three');
    expect(db.prepare(insert).run(4, 'four').changes).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(4);
  });
});
