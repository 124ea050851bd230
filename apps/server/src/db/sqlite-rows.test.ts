import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { createRowShaper, rowBuilder } from './sqlite-rows.ts';

// Rows read as arrays and built in JavaScript must equal better-sqlite3's own row objects (decision 0019).
describe('rows built from arrays', () => {
  const fresh = () => {
    const plain = new SQLite(':memory:');
    plain.exec(`create table t (id text primary key, n integer, f real, b blob, note text, gone text);
      insert into t values ('a', 1, 1.5, x'00ff', null, 'x'), ('b', 9007199254740991, -2.25, null, 'é ✓ 😀', null);`);
    return plain;
  };

  it('equal the objects better-sqlite3 makes, value for value, key order included', () => {
    const plain = fresh();
    const shaper = createRowShaper();
    const sql = 'select t.*, n * 2 as twice, upper(note) as loud from t order by id';
    const want = plain.prepare(sql).all();
    const got = shaper.shape(plain.prepare(sql)).all();
    expect(got).toEqual(want);
    expect(got.map((r) => Object.keys(r as object))).toEqual(want.map((r) => Object.keys(r as object)));
    expect(Object.getPrototypeOf(got[0])).toBe(Object.prototype);
    // Bound parameters, positional and named, and no rows at all.
    expect(shaper.shape(plain.prepare('select id from t where n > ?')).all(1)).toEqual([{ id: 'b' }]);
    expect(shaper.shape(plain.prepare('select id from t where id = :id')).all({ id: 'a' })).toEqual([
      { id: 'a' },
    ]);
    expect(shaper.shape(plain.prepare('select id from t where 0')).all()).toEqual([]);
  });

  it('leave get, iterate and writes as they were', () => {
    const plain = fresh();
    const shaper = createRowShaper();
    const stmt = shaper.shape(plain.prepare('select id, n from t order by id'));
    expect(stmt.all()).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 9007199254740991 },
    ]);
    expect(stmt.get()).toEqual({ id: 'a', n: 1 });
    expect([...stmt.iterate()]).toHaveLength(2);
    expect(stmt.all()[1]).toEqual({ id: 'b', n: 9007199254740991 });
    const write = shaper.shape(plain.prepare("insert into t (id) values ('c') returning id"));
    expect(write.all()).toEqual([{ id: 'c' }]);
    expect(shaper.shape(plain.prepare("update t set n = 3 where id = 'c'")).run().changes).toBe(1);
  });

  it('follow a table whose columns changed through the same connection', () => {
    const plain = fresh();
    const shaper = createRowShaper();
    const prepare = (sql: string) => {
      shaper.sawSql(sql);
      return shaper.shape(plain.prepare(sql));
    };
    const star = prepare("select * from t where id = 'a'");
    expect(Object.keys(star.all()[0] as object)).toEqual(['id', 'n', 'f', 'b', 'note', 'gone']);
    prepare('alter table t drop column gone').run();
    prepare("alter table t add column later text default 'z'").run();
    // The same statement object (as the statement cache hands it out again) sees the new columns.
    expect(star.all()).toEqual([{ id: 'a', n: 1, f: 1.5, b: Buffer.from([0, 255]), note: null, later: 'z' }]);
  });

  it('keep odd column names as own keys, the last of equal names winning', () => {
    const build = rowBuilder(['a', 'a', 'with "quotes"\nand a line', 'constructor']);
    expect(build([1, 2, 3, 4])).toEqual({ a: 2, 'with "quotes"\nand a line': 3, constructor: 4 });
    const proto = rowBuilder(['__proto__', 'x'])([{ polluted: true }, 1]);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__', 'x']);
    expect((proto as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('are what Kysely gets from the platform database', async () => {
    const database = openDatabase({ sqlitePath: ':memory:' });
    const db = database.db;
    try {
      await db.schema.createTable('k').addColumn('id', 'text').addColumn('v', 'integer').execute();
      await db
        .insertInto('k' as never)
        .values({ id: 'x', v: 2 })
        .execute();
      const rows = await db
        .selectFrom('k' as never)
        .selectAll()
        .execute();
      expect(rows).toEqual([{ id: 'x', v: 2 }]);
      await db.schema.alterTable('k').addColumn('w', 'text').execute();
      expect(
        await db
          .selectFrom('k' as never)
          .selectAll()
          .execute(),
      ).toEqual([{ id: 'x', v: 2, w: null }]);
    } finally {
      await database.close();
    }
  });
});
