import type SQLite from 'better-sqlite3';

type Row = Record<string, unknown>;
type BuildRow = (values: unknown[]) => Row;

const DDL = /^\s*(?:create|alter|drop)\b/i;

/**
 * better-sqlite3 makes each row object in V8's dictionary mode, property by property, which costs more than
 * SQLite's own work on the narrow indexed reads behind a page (~20 % of a 20-post page's instructions,
 * measured with callgrind). This reads a statement's rows as arrays and builds the objects in JavaScript,
 * one fixed shape per statement (decision 0019). Column names are taken again after any schema change made
 * through this connection (`select *` changes with the table).
 */
export function createRowShaper() {
  let schemaGeneration = 0;
  return {
    /** Call with every SQL text the connection prepares: notes schema changes. */
    sawSql(source: string): void {
      if (DDL.test(source)) schemaGeneration++;
    },
    /** Makes a reader statement's `all` build its rows from arrays. Other methods are left as they are. */
    shape(stmt: SQLite.Statement): SQLite.Statement {
      if (!stmt.reader) return stmt;
      const all: (...args: unknown[]) => unknown[] = stmt.all.bind(stmt);
      let build: BuildRow | undefined;
      let builtFor = -1;
      let width = 0;
      stmt.all = (...args: unknown[]) => {
        stmt.raw(true);
        let values: unknown[][];
        try {
          values = all(...args) as unknown[][]; // raw mode: each row is an array
        } finally {
          stmt.raw(false);
        }
        // Names are read after running: SQLite prepares a statement again for a changed schema only then.
        if (builtFor !== schemaGeneration || !build || (values[0] && values[0].length !== width)) {
          const names = stmt.columns().map((c) => c.name);
          build = rowBuilder(names);
          width = names.length;
          builtFor = schemaGeneration;
        }
        return values.map(build);
      };
      return stmt;
    },
  };
}

/**
 * A function turning an array of column values into an object literal with those names (the last of equal
 * names wins, as in better-sqlite3). Generated code, so that every row gets the same hidden class from the
 * start; the names are SQLite's column names, each written as a JSON string literal.
 */
export function rowBuilder(names: string[]): BuildRow {
  if (names.includes('__proto__')) {
    // In a literal, "__proto__": … would set the prototype; such a row is built key by key instead.
    return (v) => {
      const row: Row = {};
      names.forEach((name, i) =>
        Object.defineProperty(row, name, {
          value: v[i],
          enumerable: true,
          writable: true,
          configurable: true,
        }),
      );
      return row;
    };
  }
  const fields = names.map((name, i) => `${JSON.stringify(name)}: v[${i}]`).join(', ');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see above: names are quoted literals
  return new Function('v', `return { ${fields} };`) as BuildRow;
}
