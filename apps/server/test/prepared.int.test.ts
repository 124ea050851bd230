import { expect, it } from 'vitest';
import { prepared } from '../src/db/prepared.ts';
import { describeEachDialect } from './each-dialect.ts';
import { createUser } from './helpers.ts';

const byIds = prepared((db, a: { ids: string[]; except: string }) =>
  db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', a.ids)
    .where('display_name', '!=', a.except)
    .orderBy('display_name'),
);
const named = prepared((db, a: { name: string; limit: number }) =>
  db.selectFrom('users').select('id').where('display_name', '=', a.name).limit(a.limit),
);

// Queries compiled once per database run with each call's values, on both databases (decision 0018).
describeEachDialect('prepared queries', (ctx) => {
  it('give the same rows as built afresh, for any values and list lengths', async () => {
    const c = ctx();
    const db = c.database.db;
    const users: { id: string }[] = [];
    for (const name of ['Ana', 'Ben', 'Cleo', 'Dan']) users.push(await createUser(c, { display_name: name }));
    const ids = users.map((u) => u.id);
    for (const list of [ids.slice(0, 1), ids.slice(1, 3), ids, ids.slice(2, 3), ids]) {
      const want = await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', list)
        .where('display_name', '!=', 'Dan')
        .orderBy('display_name')
        .execute();
      expect(await byIds(db, { ids: list, except: 'Dan' })).toEqual(want);
      expect(want).toHaveLength(list.filter((id) => id !== users[3]!.id).length);
    }
    expect((await byIds(db, { ids, except: 'Ana' })).map((u) => u.display_name)).toEqual([
      'Ben',
      'Cleo',
      'Dan',
    ]);
    expect(await named(db, { name: 'Ben', limit: 5 })).toEqual([{ id: users[1]!.id }]);
    expect(await named(db, { name: 'Cleo', limit: 1 })).toEqual([{ id: users[2]!.id }]);
    expect(await named(db, { name: 'Nobody', limit: 1 })).toEqual([]);
    // In a transaction too, where the uncommitted row is seen.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ display_name: 'Bea' }).where('id', '=', users[1]!.id).execute();
      expect(await named(trx, { name: 'Bea', limit: 1 })).toEqual([{ id: users[1]!.id }]);
    });
  });

  it("never read another request's uncommitted rows while a transaction is open", async () => {
    const c = ctx();
    const db = c.database.db;
    const u = await createUser(c, { display_name: 'Olga' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let opened!: () => void;
    const inside = new Promise<void>((resolve) => (opened = resolve));
    const tx = db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ display_name: 'Olivia' }).where('id', '=', u.id).execute();
      opened();
      await held;
    });
    await inside;
    let seen: { id: string }[] | undefined;
    const outside = named(db, { name: 'Olivia', limit: 1 }).then((rows) => (seen = rows));
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    if (c.database.dialect === 'sqlite') {
      // One connection: the read waits for it, then sees the committed row.
      expect(seen).toBeUndefined();
    } else {
      // A pool: the read runs on another connection and sees only committed rows.
      await outside;
      expect(seen).toEqual([]);
    }
    release();
    await tx;
    await outside;
    expect(await named(db, { name: 'Olivia', limit: 1 })).toEqual([{ id: u.id }]);
    if (c.database.dialect === 'sqlite') expect(seen).toEqual([{ id: u.id }]);
  });

  it('refuses a query that ignores its arguments (its SQL would hold the first values)', async () => {
    const ignoring = prepared((db, _a: { id: string }) =>
      db.selectFrom('users').select('id').where('id', '=', 'fixed'),
    );
    await expect(ignoring(ctx().database.db, { id: 'x' })).rejects.toThrow(/uses none of its arguments/);
  });
});
