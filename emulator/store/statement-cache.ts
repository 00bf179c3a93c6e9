import type Database from 'better-sqlite3';

/** Distinct SQL texts kept; beyond this (dynamically built SQL), statements are prepared each time as before. */
const MAX_CACHED_STATEMENTS = 1000;

/**
 * Makes `db.prepare(sql)` reuse one compiled statement per SQL text: the store prepares its statements inline at
 * each call, and compiling them was the endpoint's largest CPU cost per request. A reused statement gets its
 * result modes (pluck / raw / expand) reset, so each caller sees a fresh statement's behaviour; a statement busy in
 * an unfinished iterate() is not shared (that caller gets a new one). Statements must not use `bind()`.
 */
export function reusePreparedStatements(db: Database.Database): void {
  const prepareNew = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement<unknown[]>>();
  const prepare = (source: string): Database.Statement<unknown[]> => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      if (cached.reader) cached.pluck(false).raw(false).expand(false);
      return cached;
    }
    const statement = prepareNew<unknown[]>(source);
    if (!cached && cache.size < MAX_CACHED_STATEMENTS) cache.set(source, statement);
    return statement;
  };
  db.prepare = prepare as typeof db.prepare;
}
