import { PGlite } from '@electric-sql/pglite';
const dir = process.argv[2];
const t0 = Date.now();
const db = new PGlite(dir);
await db.waitReady;
console.log('open ms', Date.now()-t0);
await db.exec('create table if not exists t (id serial primary key, v text)');
const r = await db.query('select count(*)::int as n from t');
console.log('rows before', r.rows[0].n);
let i = 0;
const t1 = Date.now();
while (true) { await db.query('insert into t (v) values ($1)', ['x'+i]); i++; if (i % 500 === 0) console.log('inserted', i, Date.now()-t1); }
