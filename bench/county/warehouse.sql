-- Bench county 基准县 (419901): three years of a county's warehouse history, built set-based in the
-- warehouse service's own database for the read-latency benchmark.
--
--   runuser -u postgres -- psql -h /var/run/postgresql -p 5432 -d beiqin_warehouse -v ON_ERROR_STOP=1 \
--       -f warehouse.sql
--
-- One transaction: it either builds the whole county or leaves nothing. It refuses to run when the
-- county is there already (drop.sql removes it). Demo data (410182…) is never read or touched.
--
-- What it builds (all under division 419901…, ids of warehouses, zones, items, extinguishers and
-- equipment derived from stable names with md5, so that rectification.sql can name the same subjects):
--   20 township warehouses + 5 village storage points, 3 zones each (FLOOD, FIRE, RELIEF);
--   300 catalogue items per township (33 real items × ~9 variants), shelf-life kinds kept in lots;
--   ≈5.2 million movements over the 3 years ending now: receipts; issues to named people with a
--   due-back date (returned — a few hundred left out and overdue); issues for incidents and drills
--   settled by returns and write-offs (the app counts every ISSUE not returned or written off as an
--   open loan); scraps, adjustments (county-approved), duplicate receipts reversed, transfers to the
--   village points, quarterly stocktakes with their few corrections; lots rotated out before expiry;
--   stock_balance = Σ delta per (warehouse, zone, item, lot); standards for a third of the items;
--   extinguishers, battery and other equipment with their check histories; facility inspections;
--   the drills the issues name.
-- Non-negativity: every stock line opens with a receipt sized from the lowest point of its own
-- running balance, so no prefix of any line (in seq order) is below zero.
--
-- Run as a superuser (as above), the 5 million movements are inserted with session_replication_role =
-- replica: no per-row FK triggers (every reference is checked once, set-based, before the insert) and no
-- open_loan trigger (V8; open_loan is then filled in one pass, as V8's own migration fills it). Run as the
-- tables' owner (bench/county.sh: beiqin, not a superuser) the FK triggers run (slower), and the open_loan
-- trigger is disabled for the insert inside the transaction (ALTER TABLE … DISABLE TRIGGER: the services'
-- own postings wait until the commit) — kept per row, it cost over a millisecond a movement.

\set ON_ERROR_STOP on
-- -v scale=0.05 builds a twentieth of the movements (a quick try); -v dry=1 rolls everything back
\if :{?scale}
\else
\set scale 1
\endif
\if :{?dry}
\else
\set dry 0
\endif
SET client_min_messages = warning;
-- before the first use of a temporary table in this session
SET temp_buffers = '1GB';
\timing on

BEGIN;
SET LOCAL work_mem = '512MB';
SET LOCAL maintenance_work_mem = '1GB';
SET LOCAL synchronous_commit = off;
SET LOCAL TimeZone = 'UTC';

-- one generator at a time, and never twice
SELECT pg_advisory_xact_lock(419901);
SELECT current_setting('is_superuser') = 'on' AS su, to_regclass('open_loan') IS NOT NULL AS has_open_loan \gset
\if :su
\else
\echo 'not a superuser: movements are inserted with their FK triggers (slower), open_loan_follows disabled meanwhile'
\endif
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM warehouse WHERE division LIKE '419901%')
            OR EXISTS (SELECT 1 FROM item WHERE division LIKE '419901%') THEN
        RAISE EXCEPTION '基准县 419901 已存在（warehouse/item division LIKE ''419901%%''），未生成任何数据。先运行 bench/county.sh --fresh（或 --drop）。 The bench county is already there: run bench/county.sh --fresh (or --drop) first.';
    END IF;
END $$;

\echo '== reference data'

-- a stable uuid for a name (version nibble 4, variant 8): warehouses, zones, items, extinguishers…
CREATE FUNCTION pg_temp.bench_uuid(k text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid
    FROM (SELECT md5('beiqin-bench:' || k) AS h) s
$$;
-- a moment in office hours (08:00–18:00 Beijing) of a day, r in [0, 1)
CREATE FUNCTION pg_temp.at_work(d date, r double precision) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
    SELECT (d + time '08:00' + r * interval '10 hours') AT TIME ZONE 'Asia/Shanghai'
$$;

CREATE TEMP TABLE prm AS
SELECT now() AS t_now,
       (now() AT TIME ZONE 'Asia/Shanghai')::date AS today,
       ((((now() AT TIME ZONE 'Asia/Shanghai')::date - interval '3 years')::date + time '07:30')
           AT TIME ZONE 'Asia/Shanghai') AS t_start;

CREATE TEMP TABLE town AS
SELECT n::int AS n, '419901' || (100 + n)::text AS code, name,
       -- two keepers: the second took over half way
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + (n * 7) % 20]
         || (ARRAY['建国','桂兰','志强','秀英','卫东','春梅','国庆','玉兰','海军','凤英','文斌','淑珍','红旗','丽娟','永刚','翠花','德明','金凤','振华','小燕'])[1 + (n * 3) % 20] AS keeper_a,
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + (n * 11 + 5) % 20]
         || (ARRAY['晓东','海燕','俊峰','雪梅','志刚','彩霞','伟','静','磊','敏','军','艳','涛','娜','鹏','慧'])[1 + (n * 5) % 16] AS keeper_b
FROM unnest(ARRAY['城关镇','东关镇','石桥镇','柳林镇','杨庄乡','李集镇','王店乡','马庄乡','河口镇','青龙镇',
                  '白沙镇','黄岗乡','新安镇','龙泉镇','双河乡','高庙乡','张桥镇','孙寨乡','刘集镇','枣园乡'])
     WITH ORDINALITY AS t(name, n);

CREATE TEMP TABLE village AS
SELECT t.n AS town, t.code || v.s AS code,
       (ARRAY['前进村','红旗村','张庄村','李庄村','王楼村','赵寨村','刘湾村','陈岗村','杨树村','周营村',
              '吴家村','郑堂村','孙洼村','马坡村','朱庄村','胡寨村','郭庄村','何营村','高楼村','林场村',
              '罗庄村','梁湾村','宋店村','谢楼村','韩庄村','唐寨村','冯营村','于庄村','董岗村','萧湾村',
              '程庄村','曹楼村','袁寨村','邓庄村','许营村','傅湾村','沈岗村','曾庄村','彭楼村','吕寨村'])[(t.n - 1) * 2 + v.k] AS name
FROM town t CROSS JOIN (VALUES (1, '201'), (2, '202')) AS v(k, s);

-- the catalogue: 33 real items; u = a typical quantity moved at once; consumables are used up
-- (written off after an incident), durables come back (and are lent to people)
CREATE TEMP TABLE cat (b int, name text, category text, kind text, spec text, unit text, attrs jsonb, u int,
                       consumable boolean, shelf_months int);
INSERT INTO cat VALUES
 ( 1,'编织袋','FLOOD','GENERAL','覆膜 50×80cm','条','{}',300,true,NULL),
 ( 2,'沙袋','FLOOD','GENERAL','50kg 装','条','{}',200,true,NULL),
 ( 3,'土工布','FLOOD','GENERAL','200g/㎡ 4m×50m','卷','{}',6,true,NULL),
 ( 4,'救生衣','FLOOD','PERSONAL_KIT','成人款 浮力≥100N','件','{}',40,false,NULL),
 ( 5,'救生圈','FLOOD','EQUIPMENT','2.5kg 橙色','个','{}',12,false,NULL),
 ( 6,'冲锋舟','FLOOD','EQUIPMENT','5.2m 玻璃钢 配40马力','艘','{}',2,false,NULL),
 ( 7,'橡皮艇','FLOOD','EQUIPMENT','4人 充气式','艘','{}',3,false,NULL),
 ( 8,'铁锨','FLOOD','EQUIPMENT','尖头 1.2m','把','{}',30,false,NULL),
 ( 9,'抽水泵','FLOOD','EQUIPMENT','潜水泵 3kW','台','{}',3,false,NULL),
 (10,'雨衣','FLOOD','PERSONAL_KIT','分体式 反光','套','{}',40,false,NULL),
 (11,'胶鞋','FLOOD','PERSONAL_KIT','高筒 42码','双','{}',40,false,NULL),
 (12,'手电筒','FLOOD','EQUIPMENT','LED 强光 充电式','个','{}',20,false,NULL),
 (13,'应急照明灯','FLOOD','EQUIPMENT','便携式 LED 20W','盏','{}',8,false,NULL),
 (14,'发电机','FLOOD','EQUIPMENT','汽油 5kW','台','{}',2,false,NULL),
 (15,'卫星电话','FLOOD','EQUIPMENT','天通一号 手持','部','{}',2,false,NULL),
 (16,'对讲机','FLOOD','EQUIPMENT','数字 5W','部','{}',8,false,NULL),
 (17,'柴油','FLOOD','FUEL','200L 桶装','桶','{"fuelType": "0号柴油"}',4,true,NULL),
 (18,'汽油','FLOOD','FUEL','20L 油桶','桶','{"fuelType": "92号汽油"}',6,true,NULL),
 (19,'安全绳','FLOOD','GENERAL','直径12mm 50m','根','{}',15,false,NULL),
 (20,'铅丝','FLOOD','GENERAL','8号 镀锌','千克','{}',80,true,NULL),
 (21,'灭火器','FIRE','EQUIPMENT','干粉 4kg','具','{}',12,true,NULL),
 (22,'风力灭火机','FIRE','EQUIPMENT','6MF-30','台','{}',4,false,NULL),
 (23,'消防水带','FIRE','GENERAL','65mm×20m','盘','{}',8,false,NULL),
 (24,'灭火拖把','FIRE','GENERAL','长柄 阻燃','把','{}',20,false,NULL),
 (25,'防火服','FIRE','PERSONAL_KIT','阻燃 森林消防','套','{}',15,false,NULL),
 (26,'二号工具','FIRE','GENERAL','铁扫把 1.5m','把','{}',20,false,NULL),
 (27,'帐篷','RELIEF','GENERAL','12㎡ 单帐篷','顶','{}',8,false,NULL),
 (28,'棉被','RELIEF','GENERAL','2kg 棉胎','床','{}',40,true,NULL),
 (29,'折叠床','RELIEF','GENERAL','单人 钢架','张','{}',15,false,NULL),
 (30,'方便面','RELIEF','FOOD','箱装 24包','箱','{}',30,true,12),
 (31,'矿泉水','RELIEF','WATER','550ml×24瓶','箱','{}',40,true,12),
 (32,'急救包','RELIEF','MEDICINE','家庭型 30件套','个','{}',15,true,24),
 (33,'干电池','FLOOD','BATTERY','5号 碱性','节','{"batteryType": "5号碱性电池"}',200,true,24);

\echo '== warehouses, zones, items'

CREATE TEMP TABLE bwh AS
SELECT t.n AS town, false AS village, t.code AS division, t.name || '应急物资仓库' AS name,
       pg_temp.bench_uuid('warehouse:' || t.code) AS id,
       prm.t_start - interval '2 days' AS created_at, prm.t_start AS t0,
       t.name || '库管员 ' || t.keeper_a AS keeper_a, t.name || '库管员 ' || t.keeper_b AS keeper_b,
       t.name || '人民政府院内' || (ARRAY['东侧','西侧','北侧','后院'])[1 + t.n % 4] AS address
FROM town t CROSS JOIN prm
UNION ALL
SELECT t.n, true, v.code, v.name || '应急物资储备点', pg_temp.bench_uuid('warehouse:' || v.code),
       prm.t_start + interval '29 days', prm.t_start + interval '30 days',
       v.name || '保管员 ' || t.keeper_b, v.name || '保管员 ' || t.keeper_b, v.name || '村委会院内'
FROM town t JOIN village v ON v.town = t.n AND v.code LIKE '%201' CROSS JOIN prm
WHERE t.n IN (2, 5, 9, 13, 17);

INSERT INTO warehouse (id, division, name, address, floor, has_lift, entrance_clear, manual_door_release, backup_power,
                       created_at, created_by)
SELECT id, division, name, address,
       CASE WHEN town = 7 AND NOT village THEN 3 ELSE 1 END, false, true,
       NOT (town = 15 AND NOT village), true, created_at, keeper_a
FROM bwh;

CREATE TEMP TABLE bzone AS
SELECT w.id AS wh, z.category, z.name, pg_temp.bench_uuid('zone:' || w.division || ':' || z.category) AS id
FROM bwh w CROSS JOIN (VALUES ('FLOOD', '防汛物资区'), ('FIRE', '防火物资区'), ('RELIEF', '救灾物资区')) AS z(category, name);
INSERT INTO storage_zone (id, warehouse_id, name, category) SELECT id, wh, name, category FROM bzone;

CREATE TEMP TABLE bitem AS
SELECT t.n AS town, t.code AS division, i, ((i - 1) % 33) + 1 AS b, ((i - 1) / 33) + 1 AS v,
       pg_temp.bench_uuid('item:' || t.code || ':' || i) AS id
FROM town t CROSS JOIN generate_series(1, 300) AS i;

-- a few legacy fuel entries imported from the old paper ledger without their fuel type (ITEM_UNLABELED)
INSERT INTO item (id, division, name, category, kind, specification, unit, attributes, imported, created_at,
                  created_by, updated_at)
SELECT it.id, it.division, c.name || '-' || lpad(it.v::text, 2, '0'), c.category, c.kind, c.spec, c.unit,
       CASE WHEN c.kind = 'FUEL' AND it.v = 9 AND it.town % 4 = 0 THEN '{}'::jsonb ELSE c.attrs END,
       c.kind = 'FUEL' AND it.v = 9 AND it.town % 4 = 0,
       prm.t_start - interval '1 day', w.keeper_a, prm.t_start - interval '1 day'
FROM bitem it JOIN cat c USING (b) JOIN bwh w ON w.town = it.town AND NOT w.village CROSS JOIN prm;

\echo '== stock lines (places)'

CREATE TEMP TABLE place (
    pid      serial PRIMARY KEY,
    town     int, village boolean, wh uuid, zone uuid, item uuid, b int, item_i int, lot text,
    t0       timestamptz,       -- the line opens (its first receipt)
    t1       timestamptz,       -- a lot's rotation (null: open to the end)
    ep_from  timestamptz, ep_to timestamptz, n_ep int,
    closing  boolean,           -- rotated out at t1 (else kept, expired lots among them)
    expires  date,
    town_pid int                -- a village point's line: the township line it is supplied from
);
-- items without lots: one line in the township warehouse for the three years
INSERT INTO place (town, village, wh, zone, item, b, item_i, lot, t0, ep_from, ep_to, n_ep, closing)
SELECT it.town, false, w.id, z.id, it.id, it.b, it.i, '', prm.t_start, prm.t_start + interval '1 day',
       prm.t_now - interval '2 days', greatest(2, round(CASE WHEN c.consumable THEN 540 ELSE 478 END * :scale))::int, false
FROM bitem it JOIN cat c USING (b)
JOIN bwh w ON w.town = it.town AND NOT w.village
JOIN bzone z ON z.wh = w.id AND z.category = c.category
CROSS JOIN prm
WHERE c.shelf_months IS NULL;
-- shelf-life items: a lot every six months, rotated out before it expires (a few expired lots stay)
INSERT INTO place (town, village, wh, zone, item, b, item_i, lot, t0, t1, ep_from, ep_to, n_ep, closing, expires)
SELECT it.town, false, w.id, z.id, it.id, it.b, it.i, to_char(l.t0 AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'),
       l.t0, l.t1, l.t0 + interval '1 day', l.ep_to,
       greatest(2, round(540 * :scale * extract(epoch FROM l.ep_to - l.t0 - interval '1 day')
                          / extract(epoch FROM interval '857 days')))::int,
       l.t1 IS NOT NULL,
       ((l.t0 AT TIME ZONE 'Asia/Shanghai')::date + c.shelf_months * interval '1 month')::date
FROM bitem it JOIN cat c USING (b)
JOIN bwh w ON w.town = it.town AND NOT w.village
JOIN bzone z ON z.wh = w.id AND z.category = c.category
CROSS JOIN prm
CROSS JOIN LATERAL (
    SELECT k, prm.t_start + k * interval '6 months' AS t0,
           CASE WHEN k < 5 THEN prm.t_start + (k + 1) * interval '6 months' END AS t1,
           CASE WHEN k < 5 THEN prm.t_start + (k + 1) * interval '6 months' - interval '45 days'
                ELSE prm.t_now - interval '2 days' END AS ep_to
    FROM generate_series(0, 5) AS k) l
WHERE c.shelf_months IS NOT NULL;
UPDATE place p SET closing = false
FROM prm
WHERE p.closing AND p.expires < prm.today AND random() < 0.05;
-- village storage points: about 40 durable items each, supplied by transfers from the township
INSERT INTO place (town, village, wh, zone, item, b, item_i, lot, t0, ep_from, ep_to, n_ep, closing)
SELECT w.town, true, w.id, z.id, it.id, it.b, it.i, '', w.t0, w.t0 + interval '1 day', prm.t_now - interval '2 days',
       greatest(2, round(40 * :scale))::int, false
FROM bwh w JOIN bitem it ON it.town = w.town JOIN cat c ON c.b = it.b
JOIN bzone z ON z.wh = w.id AND z.category = c.category
CROSS JOIN prm
WHERE w.village AND NOT c.consumable AND c.shelf_months IS NULL AND it.i <= 66;
UPDATE place v SET town_pid = t.pid
FROM place t
WHERE v.village AND NOT t.village AND t.item = v.item AND t.lot = '';
ANALYZE place;

\echo '== drills the issues name (drill_reference, as the drill service announced them)'

CREATE TEMP TABLE bdrill AS
SELECT t.n AS town, t.code AS division, d.day, d.kind,
       pg_temp.bench_uuid('drill:' || t.code || ':' || d.day || ':' || d.kind) AS id,
       t.name || extract(year FROM d.day)::int || '年' || d.title AS title
FROM town t CROSS JOIN prm
CROSS JOIN LATERAL (
    SELECT make_date(y, m, dd) + (t.n % 5) AS day, kind, title
    FROM generate_series(extract(year FROM prm.today)::int - 3, extract(year FROM prm.today)::int) AS y
    CROSS JOIN (VALUES (5, 20, 'FLOOD', '防汛应急演练'), (5, 28, 'OUTAGE', '断网断电断路综合演练'),
                       (11, 10, 'FIRE', '森林防火应急演练')) AS k(m, dd, kind, title)) d
WHERE d.day > (prm.t_start AT TIME ZONE 'Asia/Shanghai')::date + 10 AND d.day < prm.today - 10;

INSERT INTO drill_reference (drill_id, division, title, status, draw_from, draw_until, changed_at)
SELECT id, division, title, 'EVALUATED',
       ((day - 3)::timestamp AT TIME ZONE 'Asia/Shanghai'), ((day + 2)::timestamp AT TIME ZONE 'Asia/Shanghai'),
       ((day + 5)::timestamp + time '10:00') AT TIME ZONE 'Asia/Shanghai'
FROM bdrill;

\echo '== stocktakes (quarterly; three township warehouses have gone more than 90 days without one)'

CREATE TEMP TABLE bst AS
SELECT gen_random_uuid() AS id, w.id AS wh, w.division, w.town, w.village, w.keeper_a, w.keeper_b, s.day,
       ((s.day + time '15:00') AT TIME ZONE 'Asia/Shanghai') AS t_count,
       ((s.day + 1 + w.town % 3 + time '10:00') AT TIME ZONE 'Asia/Shanghai') AS t_reconciled
FROM bwh w CROSS JOIN prm
CROSS JOIN LATERAL (
    SELECT prm.today - CASE WHEN w.town IN (4, 11, 18) AND NOT w.village THEN 100 ELSE 4 + (w.town * 7) % 25 END
           - j * 85 AS day
    FROM generate_series(0, 14) AS j) s
WHERE s.day > (w.t0 AT TIME ZONE 'Asia/Shanghai')::date + 20;

-- the lines counted: every line open at the count; one in a hundred off by one or two
CREATE TEMP TABLE bstl AS
SELECT s.id AS stocktake_id, p.pid, s.t_count,
       CASE WHEN random() < 0.01 THEN (CASE WHEN random() < 0.55 THEN -1 ELSE 1 END) * (1 + floor(random() * 2)::int)
            ELSE 0 END AS diff
FROM bst s JOIN place p ON p.wh = s.wh
WHERE p.t0 < s.t_count AND (p.t1 IS NULL OR NOT p.closing OR s.t_count < p.t1 - interval '5 days');

\echo '== episodes'

-- one row per thing that happened to a line: R receipt, C issue for an incident (returned and/or
-- written off), L loan to a person, S scrap, A adjustment, X receipt entered twice and reversed
CREATE TEMP TABLE ep AS
WITH raw AS (
    SELECT p.pid, g.k, random() AS rk, random() AS rt, random() AS rh, random() AS rq, random() AS rx,
           random() AS ry, random() AS rz, random() AS rw, random() AS rp, random() AS rh2, random() AS rh3
    FROM place p CROSS JOIN LATERAL generate_series(1, p.n_ep) AS g(k)
), typed AS (
    SELECT r.*, p.town, p.village, c.u, c.consumable, c.category,
           CASE WHEN p.village THEN CASE WHEN r.rk < 0.6 THEN 'L' ELSE 'C' END
                WHEN c.consumable THEN CASE WHEN r.rk < 0.48 THEN 'C' WHEN r.rk < 0.49 THEN 'S'
                                            WHEN r.rk < 0.492 THEN 'A' WHEN r.rk < 0.497 THEN 'X' ELSE 'R' END
                ELSE CASE WHEN r.rk < 0.45 THEN 'L' WHEN r.rk < 0.73 THEN 'C' WHEN r.rk < 0.76 THEN 'S'
                          WHEN r.rk < 0.763 THEN 'A' WHEN r.rk < 0.77 THEN 'X' ELSE 'R' END
           END AS kind,
           ((p.ep_from + (p.ep_to - p.ep_from) * ((r.k - 1 + r.rt) / p.n_ep)) AT TIME ZONE 'Asia/Shanghai')::date AS d
    FROM raw r JOIN place p USING (pid) JOIN cat c ON c.b = p.b
), sized AS (
    SELECT t.*,
           CASE t.kind
               WHEN 'R' THEN CASE WHEN t.consumable THEN greatest(1, round(t.u * (0.1 + 0.6 * t.rq)))
                                  ELSE greatest(1, round(t.u * 0.06 * (0.5 + t.rq))) END
               WHEN 'X' THEN greatest(1, round(t.u * (0.1 + 0.6 * t.rq)))
               WHEN 'C' THEN CASE WHEN t.consumable THEN greatest(1, round(t.u * (0.2 + 0.6 * t.rq)))
                                  ELSE greatest(1, round(t.u * (0.1 + 0.4 * t.rq))) END
               WHEN 'L' THEN 1 + floor(t.rq * least(4, greatest(1, t.u / 10)))
               WHEN 'S' THEN greatest(1, round(t.u * 0.03 * t.rq))
               ELSE 1 + floor(t.rq * 2)
           END::int AS qty,
           (ARRAY[3, 7, 7, 10, 15, 15, 30])[1 + floor(t.rx * 7)::int] AS due_days
    FROM typed t
)
SELECT s.pid, gen_random_uuid() AS iid, s.kind, s.town, s.village, s.category, s.consumable, s.d, s.qty,
       pg_temp.at_work(s.d, s.rh) AS t,
       -- loans
       CASE WHEN s.kind = 'L' THEN s.d + s.due_days END AS due_back,
       CASE WHEN s.kind = 'L' THEN floor(s.rp * 40)::int END AS person,
       s.kind = 'L' AND s.rw < 0.0006 AND s.d BETWEEN prm.today - 700 AND prm.today - 30 AS never_back,
       CASE
           WHEN s.kind = 'L' AND s.ry >= 0.97 AND s.ry < 0.99 AND s.d < prm.today - 60
               THEN s.d + s.due_days + 1 + floor(s.rz * 10)::int           -- back late
           WHEN s.kind = 'L' THEN s.d + 1 + floor(s.rz * s.due_days)::int  -- back in time
           WHEN s.kind = 'C' THEN s.d + 1 + floor(s.rz * 2)::int
       END AS ret_day,
       CASE
           WHEN s.kind = 'L' THEN CASE WHEN s.ry >= 0.99 THEN s.qty - 1 ELSE s.qty END
           WHEN s.kind = 'C' AND s.consumable THEN CASE WHEN s.ry < 0.3 THEN floor(s.qty * (0.2 + 0.6 * s.rz))::int ELSE 0 END
           WHEN s.kind = 'C' THEN CASE WHEN s.ry < 0.15 THEN s.qty - least(s.qty, greatest(1, floor(s.qty * 0.3 * s.rz)::int))
                                       ELSE s.qty END
       END AS ret_qty,
       CASE WHEN s.kind = 'C' THEN s.d + 1 + floor(s.rx * 3)::int END AS wo_day,
       s.rh2, s.rh3,
       CASE WHEN s.kind = 'A' AND s.rx < 0.5 THEN -1 ELSE 1 END AS sign
FROM sized s CROSS JOIN prm;

-- drills draw what they plan to use: some fifteen items of the drill's kind per drill, the day before
INSERT INTO ep (pid, iid, kind, town, village, category, consumable, d, qty, t, ret_day, ret_qty, wo_day, rh2, rh3, sign)
SELECT p.pid, gen_random_uuid(), 'D', p.town, false, c.category, c.consumable, dr.day - 1,
       greatest(1, round(c.u * (0.2 + 0.3 * random())))::int,
       pg_temp.at_work(dr.day - 1, random()), dr.day + 1,
       NULL, dr.day + 1, random(), random(), 1
FROM bdrill dr
JOIN place p ON p.town = dr.town AND NOT p.village AND p.lot = ''
JOIN cat c ON c.b = p.b
WHERE c.category = CASE dr.kind WHEN 'FIRE' THEN 'FIRE' ELSE 'FLOOD' END
  AND abs(hashtext(dr.id::text || p.pid)) % 10 = 0;
UPDATE ep SET ret_qty = CASE WHEN consumable THEN floor(qty * 0.3)::int ELSE qty END WHERE kind = 'D';
ANALYZE ep;

\echo '== movements (staged)'

CREATE TEMP TABLE mv (
    pid int, id uuid, type text, qty numeric(14, 3), delta numeric(14, 3), reason text, t timestamptz,
    rname text, rphone text, due date, ref_type text, ref_id text,
    issue_id uuid, reverses_id uuid, transfer_id uuid, stocktake_id uuid, actor_county boolean DEFAULT false
);

-- receipts (and the duplicates that are reversed below)
INSERT INTO mv (pid, id, type, qty, delta, reason, t)
SELECT pid, iid, 'RECEIPT', qty, qty,
       CASE WHEN kind = 'X' THEN '县应急局调拨'
            ELSE (ARRAY['县应急局调拨','采购入库','采购入库','社会捐赠','上级下拨'])[1 + abs(hashtext(iid::text)) % 5] END,
       t
FROM ep WHERE kind IN ('R', 'X');
INSERT INTO mv (pid, id, type, qty, delta, reason, t, reverses_id)
SELECT pid, gen_random_uuid(), 'REVERSAL', qty, -qty, '重复录入，冲销', t + (10 + 50 * rh2) * interval '1 minute', iid
FROM ep WHERE kind = 'X';

-- people: forty per township, each with one phone
CREATE TEMP TABLE person AS
SELECT t.n AS town, j AS person,
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + (j * 7 + t.n * 3) % 20]
         || (ARRAY['建国','桂兰','志强','秀英','伟','芳','军','敏','磊','静','洋','艳','勇','娜','杰','丽','强','霞','涛','明',
                   '超','红','平','刚','辉','玲','鹏','华','飞','慧'])[1 + (j * 11 + t.n * 5) % 30] AS name,
       '1' || (ARRAY['38','39','37','36','35','58','59','87'])[1 + (j + t.n) % 8]
         || lpad((((t.n * 100 + j) * 104729) % 100000000)::text, 8, '0') AS phone
FROM town t CROSS JOIN generate_series(0, 39) AS j;

-- issues: to a person with a due-back date (a loan), or for an incident / a drill
INSERT INTO mv (pid, id, type, qty, delta, reason, t, rname, rphone, due, ref_type, ref_id)
SELECT e.pid, e.iid, 'ISSUE', e.qty, -e.qty,
       CASE WHEN e.kind = 'L' THEN CASE e.category WHEN 'FIRE' THEN (ARRAY['防火巡山','森林防火值守'])[1 + abs(hashtext(e.iid::text)) % 2]
                                                   WHEN 'RELIEF' THEN '安置点值守'
                                                   ELSE (ARRAY['汛期巡堤','防汛值守','夜间巡查','河道巡查'])[1 + abs(hashtext(e.iid::text)) % 4] END
            WHEN e.kind = 'D' THEN '演练使用'
            ELSE CASE e.category WHEN 'FIRE' THEN '森林火情扑救' WHEN 'RELIEF' THEN '受灾群众安置' ELSE '防汛抢险' END END,
       e.t, pr.name, pr.phone, e.due_back,
       CASE WHEN e.kind = 'D' THEN 'drill' WHEN e.kind = 'C' THEN 'incident' END,
       CASE WHEN e.kind = 'D' THEN dr.id::text
            WHEN e.kind = 'C' THEN 'INC-' || t.code || '-' || to_char(e.d, 'YYYYMMDD') END
FROM ep e
JOIN town t ON t.n = e.town
LEFT JOIN person pr ON e.kind = 'L' AND pr.town = e.town AND pr.person = e.person
LEFT JOIN bdrill dr ON e.kind = 'D' AND dr.town = e.town AND dr.day = e.d + 1
WHERE e.kind IN ('L', 'C', 'D');

-- returns (what came back, to the line it left) and write-offs (what did not: used up or lost)
INSERT INTO mv (pid, id, type, qty, delta, reason, t, rname, ref_type, ref_id, issue_id)
SELECT i.pid, gen_random_uuid(), 'RETURN', e.ret_qty, e.ret_qty,
       CASE WHEN e.kind = 'L' THEN NULL ELSE '用毕归还' END,
       pg_temp.at_work(e.ret_day, e.rh2), i.rname, i.ref_type, i.ref_id, i.id
FROM ep e JOIN mv i ON i.id = e.iid
CROSS JOIN prm
WHERE e.kind IN ('L', 'C', 'D') AND NOT coalesce(e.never_back, false) AND e.ret_qty > 0
  AND pg_temp.at_work(e.ret_day, e.rh2) < prm.t_now;
INSERT INTO mv (pid, id, type, qty, delta, reason, t, rname, issue_id)
SELECT i.pid, gen_random_uuid(), 'WRITE_OFF', e.qty - e.ret_qty, 0,
       CASE WHEN e.kind = 'L' THEN '领用人遗失'
            WHEN e.kind = 'D' THEN '演练消耗'
            WHEN e.consumable THEN CASE e.category WHEN 'RELIEF' THEN '已发放受灾群众' ELSE '抢险中使用消耗' END
            ELSE '抢险中损毁' END,
       CASE WHEN e.kind = 'L' THEN pg_temp.at_work(e.ret_day, e.rh2) + interval '5 minutes'
            ELSE pg_temp.at_work(e.wo_day, e.rh3) END,
       i.rname, i.id
FROM ep e JOIN mv i ON i.id = e.iid
CROSS JOIN prm
WHERE e.kind IN ('L', 'C', 'D') AND NOT coalesce(e.never_back, false) AND e.qty - e.ret_qty > 0
  AND CASE WHEN e.kind = 'L' THEN pg_temp.at_work(e.ret_day, e.rh2) + interval '5 minutes'
           ELSE pg_temp.at_work(e.wo_day, e.rh3) END < prm.t_now;

-- scraps and adjustments
INSERT INTO mv (pid, id, type, qty, delta, reason, t)
SELECT pid, iid, 'SCRAP', qty, -qty, (ARRAY['损坏报废','老化报废','受潮霉变报废'])[1 + abs(hashtext(iid::text)) % 3], t
FROM ep WHERE kind = 'S';
INSERT INTO mv (pid, id, type, qty, delta, reason, t)
SELECT pid, iid, 'ADJUSTMENT', qty, sign * qty,
       CASE WHEN sign < 0 THEN '复核发现多记，调减' ELSE '复核发现漏记入库，调增' END, t
FROM ep WHERE kind = 'A';

-- transfers to the village points: the first stocks it, then one every six months
INSERT INTO mv (pid, id, type, qty, delta, reason, t, transfer_id)
SELECT x.pid, gen_random_uuid(), x.type, x.qty, x.delta, x.reason, x.t, x.transfer_id
FROM (
    SELECT v.pid AS vpid, v.town_pid, m, gen_random_uuid() AS transfer_id,
           CASE WHEN m = 0 THEN ceil(c.u * 1.5) ELSE ceil(c.u * 0.8) END AS q,
           CASE WHEN m = 0 THEN v.t0 + interval '1 hour'
                ELSE pg_temp.at_work(((v.t0 AT TIME ZONE 'Asia/Shanghai')::date + m * 182), 0.3) END AS t,
           '调拨至' || w.name AS reason
    FROM place v JOIN cat c ON c.b = v.b JOIN bwh w ON w.id = v.wh CROSS JOIN prm
    CROSS JOIN generate_series(0, 5) AS m
    WHERE v.village AND (v.t0 AT TIME ZONE 'Asia/Shanghai')::date + m * 182 < prm.today - 2
) s
CROSS JOIN LATERAL (VALUES (s.town_pid, 'TRANSFER_OUT', s.q, -s.q, s.reason, s.t, s.transfer_id),
                           (s.vpid, 'TRANSFER_IN', s.q, s.q, s.reason, s.t, s.transfer_id))
    AS x(pid, type, qty, delta, reason, t, transfer_id);

-- the differences of the stocktakes, posted when the county approved them
INSERT INTO mv (pid, id, type, qty, delta, reason, t, stocktake_id, actor_county)
SELECT l.pid, gen_random_uuid(), 'STOCKTAKE_CORRECTION', abs(l.diff), l.diff, '盘点差异经县应急管理局审核更正',
       s.t_reconciled + (abs(hashtext(l.pid::text)) % 60) * interval '1 second', s.id, true
FROM bstl l JOIN bst s ON s.id = l.stocktake_id
WHERE l.diff <> 0;

\echo '== opening receipts: each line starts at or above its buffer and never goes below zero'

CREATE TEMP TABLE pmin AS
SELECT pid, min(run) AS minrun
FROM (SELECT pid, sum(delta) OVER (PARTITION BY pid ORDER BY t, id) AS run FROM mv) s
GROUP BY pid;

INSERT INTO mv (pid, id, type, qty, delta, reason, t)
SELECT p.pid, gen_random_uuid(), 'RECEIPT', o.q, o.q,
       CASE WHEN p.village THEN '县应急局调拨' WHEN p.lot = '' OR p.t0 = prm.t_start THEN '期初建账（纸质台账转入）'
            ELSE '采购入库' END,
       CASE WHEN p.village THEN p.t0 + interval '50 minutes' ELSE p.t0 END
FROM place p
JOIN cat c ON c.b = p.b
LEFT JOIN pmin m ON m.pid = p.pid
CROSS JOIN prm
CROSS JOIN LATERAL (SELECT greatest(2, round(c.u * (1 + random() * 2)))::numeric AS buffer) bf
CROSS JOIN LATERAL (
    SELECT CASE WHEN p.village THEN greatest(0, bf.buffer - coalesce(m.minrun, 0))
                ELSE bf.buffer - least(coalesce(m.minrun, 0), 0) END AS q) o
WHERE o.q > 0;

-- lots rotated out before they expire (whatever is left of them, the evening before the next lot)
INSERT INTO mv (pid, id, type, qty, delta, reason, t)
SELECT p.pid, gen_random_uuid(), 'SCRAP', s.bal, -s.bal, '临期物资轮换出库', p.t1 - interval '14 hours'
FROM place p JOIN (SELECT pid, sum(delta) AS bal FROM mv GROUP BY pid) s ON s.pid = p.pid
WHERE p.closing AND s.bal > 0;

\echo '== running balances, recording times'

CREATE TEMP TABLE mv2 AS
SELECT m.*,
       sum(m.delta) OVER w AS run,
       max(m.t + (3 + random() * 117) * interval '1 second') OVER w AS rec
FROM mv m
WINDOW w AS (PARTITION BY m.pid ORDER BY m.t, m.id ROWS UNBOUNDED PRECEDING);
DROP TABLE mv;
CREATE INDEX ON mv2 (pid, t, id);
ANALYZE mv2;

-- nothing below zero, nothing in the future: checked before anything is written
DO $$
DECLARE bad bigint;
BEGIN
    SELECT count(*) INTO bad FROM mv2 WHERE run < 0 OR t > now() OR rec < t;
    IF bad > 0 THEN
        RAISE EXCEPTION 'generator bug: % staged movements below zero or in the future', bad;
    END IF;
END $$;

-- every reference a foreign key would check, checked once here on the staged rows (the insert below runs
-- without the per-row FK triggers: with them, each return or write-off takes a FOR KEY SHARE lock on its
-- issue's row, which made the insert take more than ten minutes)
DO $$
DECLARE bad bigint;
BEGIN
    SELECT count(*) INTO bad FROM mv2 m
    WHERE m.issue_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM mv2 i WHERE i.id = m.issue_id AND i.type = 'ISSUE' AND i.pid = m.pid AND i.t < m.t);
    IF bad > 0 THEN RAISE EXCEPTION 'generator bug: % settlements without their issue', bad; END IF;
    SELECT count(*) INTO bad FROM mv2 m
    WHERE m.reverses_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM mv2 o WHERE o.id = m.reverses_id AND o.pid = m.pid AND o.t < m.t);
    IF bad > 0 THEN RAISE EXCEPTION 'generator bug: % reversals without their movement', bad; END IF;
    SELECT count(*) INTO bad FROM place p
    WHERE NOT EXISTS (SELECT 1 FROM storage_zone z WHERE z.id = p.zone AND z.warehouse_id = p.wh)
       OR NOT EXISTS (SELECT 1 FROM item i WHERE i.id = p.item);
    IF bad > 0 THEN RAISE EXCEPTION 'generator bug: % stock lines without their zone or item', bad; END IF;
    SELECT count(*) INTO bad FROM (SELECT id FROM mv2 GROUP BY id HAVING count(*) > 1) d;
    IF bad > 0 THEN RAISE EXCEPTION 'generator bug: % duplicate movement ids', bad; END IF;
END $$;

\echo '== movement (in time order: seq ascends with occurred_at)'
\if :su
SET LOCAL session_replication_role = replica;
\elif :has_open_loan
ALTER TABLE movement DISABLE TRIGGER open_loan_follows;
\endif

INSERT INTO movement (id, warehouse_id, division, type, item_id, zone_id, lot, quantity, delta, reason, actor,
                      actor_id, occurred_at, recorded_at, recipient_name, recipient_phone, due_back, reference_type,
                      reference_id, issue_id, reverses_id, transfer_id, stocktake_id)
SELECT m.id, p.wh, w.division, m.type, p.item, p.zone, p.lot, m.qty, m.delta, m.reason,
       CASE WHEN m.actor_county THEN '基准县应急管理局 ' || (ARRAY['周立新','何文静','宋志远'])[1 + p.town % 3]
            WHEN m.t < prm.t_start + interval '18 months' THEN w.keeper_a ELSE w.keeper_b END,
       CASE WHEN m.actor_county THEN 'county-419901' ELSE 'keeper-' || w.division END,
       m.t, m.rec, m.rname, m.rphone, m.due, m.ref_type, m.ref_id, m.issue_id, m.reverses_id, m.transfer_id,
       m.stocktake_id
FROM mv2 m JOIN place p ON p.pid = m.pid JOIN bwh w ON w.id = p.wh CROSS JOIN prm
ORDER BY m.t, m.id;
\if :su
SET LOCAL session_replication_role = origin;
\elif :has_open_loan
ALTER TABLE movement ENABLE TRIGGER open_loan_follows;
\endif
\if :has_open_loan
-- what of each issue is still out (V8), as its trigger would have kept it: issues less their returns and
-- write-offs, neither reversed (this history reverses only duplicate receipts)
INSERT INTO open_loan (issue_id, issue_seq, warehouse_id, due_back, outstanding)
SELECT o.id, m.seq, m.warehouse_id, m.due_back, o.outstanding
FROM (SELECT i.id, i.qty - coalesce(sum(s.qty), 0) AS outstanding
      FROM mv2 i
      LEFT JOIN mv2 s ON s.issue_id = i.id AND s.type IN ('RETURN', 'WRITE_OFF')
                     AND NOT EXISTS (SELECT 1 FROM mv2 r WHERE r.reverses_id = s.id)
      WHERE i.type = 'ISSUE' AND NOT EXISTS (SELECT 1 FROM mv2 r WHERE r.reverses_id = i.id)
      GROUP BY i.id, i.qty) o
JOIN movement m ON m.id = o.id
WHERE o.outstanding > 0;
\endif

\echo '== lots, balances, standards, approvals, stocktakes'

INSERT INTO stock_lot (item_id, code, expires_on)
SELECT DISTINCT item, lot, expires FROM place WHERE lot <> '';

INSERT INTO stock_balance (warehouse_id, zone_id, item_id, lot, quantity, updated_at)
SELECT p.wh, p.zone, p.item, p.lot, s.q, s.last
FROM place p JOIN (SELECT pid, sum(delta) AS q, max(rec) AS last FROM mv2 GROUP BY pid) s ON s.pid = p.pid;

-- a third of the items have a standard; about one in twelve of those is not met now
INSERT INTO stock_standard (warehouse_id, item_id, minimum, set_by, set_at)
SELECT p.wh, p.item,
       CASE WHEN random() < 0.08 THEN b.q + 1 + floor(c.u * random())
            ELSE greatest(0, floor(b.q * (0.3 + 0.5 * random()))) END,
       '基准县应急管理局 ' || (ARRAY['周立新','何文静','宋志远'])[1 + p.town % 3],
       prm.t_start + interval '10 days' + (p.item_i % 30) * interval '1 hour'
FROM (SELECT DISTINCT ON (wh, item) * FROM place WHERE NOT village AND item_i % 3 = 0 ORDER BY wh, item, t0 DESC) p
JOIN cat c ON c.b = p.b
JOIN (SELECT warehouse_id, item_id, sum(quantity) AS q FROM stock_balance GROUP BY 1, 2) b
  ON b.warehouse_id = p.wh AND b.item_id = p.item
CROSS JOIN prm;

-- the county approved nearly every adjustment within a few days
INSERT INTO adjustment_approval (movement_id, approved_by, approved_by_name, approved_at, note)
SELECT m.id, 'county-419901', '基准县应急管理局 ' || (ARRAY['周立新','何文静','宋志远'])[1 + p.town % 3],
       m.t + (1 + random() * 3) * interval '1 day', '已核实'
FROM mv2 m JOIN place p ON p.pid = m.pid CROSS JOIN prm
WHERE m.type = 'ADJUSTMENT' AND random() < 0.95 AND m.t + interval '4 days' < prm.t_now;

INSERT INTO stocktake (id, warehouse_id, division, status, note, opened_at, opened_by, submitted_at, submitted_by,
                       reconciled_at, reconciled_by)
SELECT s.id, s.wh, s.division, 'RECONCILED', extract(quarter FROM s.day)::int || '季度盘点',
       s.t_count - interval '3 hours', k.keeper, s.t_count, k.keeper, s.t_reconciled,
       '基准县应急管理局 ' || (ARRAY['周立新','何文静','宋志远'])[1 + s.town % 3]
FROM bst s CROSS JOIN prm
CROSS JOIN LATERAL (SELECT CASE WHEN s.t_count < prm.t_start + interval '18 months' THEN s.keeper_a
                                ELSE s.keeper_b END AS keeper) k;

INSERT INTO stocktake_line (stocktake_id, zone_id, item_id, lot, counted, ledger, counted_by, counted_at)
SELECT l.stocktake_id, p.zone, p.item, p.lot, led.run + l.diff, led.run,
       CASE WHEN l.t_count < prm.t_start + interval '18 months' THEN w.keeper_a ELSE w.keeper_b END,
       l.t_count - interval '1 hour' + (p.pid % 50) * interval '1 minute'
FROM bstl l JOIN place p ON p.pid = l.pid JOIN bwh w ON w.id = p.wh CROSS JOIN prm
CROSS JOIN LATERAL (SELECT run FROM mv2 m WHERE m.pid = l.pid AND m.t <= l.t_count
                    ORDER BY m.t DESC, m.id DESC LIMIT 1) led;

\echo '== extinguishers'

CREATE TEMP TABLE bext AS
SELECT w.id AS wh, w.division, w.town, w.village, w.keeper_a, w.keeper_b, n,
       pg_temp.bench_uuid('extinguisher:' || w.division || ':' || n) AS id,
       a.agent, a.zh, a.capacity, a.scrap_years, a.first_service, a.service_every,
       -- how old: most well within their life; a few past their scrap age
       CASE WHEN (w.town * 3 + n) % 29 = 0 OR (w.town + n) % 37 = 0 THEN a.scrap_years + 0.3
            ELSE 0.5 + random() * (a.scrap_years - 1.3) END AS age_years
FROM bwh w
CROSS JOIN generate_series(1, 20) AS n
CROSS JOIN LATERAL (
    SELECT * FROM (VALUES
        ('DRY_POWDER', '干粉', CASE WHEN n % 5 = 0 THEN '8kg' ELSE '4kg' END, 10, 5, 2),
        ('WATER', '水基型', '6L', 6, 3, 1),
        ('CO2', '二氧化碳', '3kg', 12, 5, 2),
        ('FOAM', '泡沫', '9L', 6, 3, 1)) AS a(agent, zh, capacity, scrap_years, first_service, service_every)
    WHERE a.agent = CASE WHEN n <= 14 THEN 'DRY_POWDER' WHEN n <= 17 THEN 'WATER' WHEN n <= 19 THEN 'CO2' ELSE 'FOAM' END) a
WHERE n <= CASE WHEN w.village THEN 6 ELSE 20 END;

ALTER TABLE bext ADD COLUMN manufactured date, ADD COLUMN reg_day date, ADD COLUMN scrapped_on date;
UPDATE bext e SET manufactured = prm.today - round(e.age_years * 365.25)::int FROM prm;
UPDATE bext e SET reg_day = greatest((w.created_at AT TIME ZONE 'Asia/Shanghai')::date + 1, e.manufactured + 20)
FROM bwh w WHERE w.id = e.wh;
-- those past their scrap age were mostly scrapped on the day (a few are still hanging on the wall)
UPDATE bext SET scrapped_on = greatest(reg_day + 1, (manufactured + scrap_years * interval '1 year')::date)
WHERE (town * 3 + n) % 29 = 0;

INSERT INTO extinguisher (id, warehouse_id, division, label, agent, capacity, manufactured_on, location, status,
                          registered_at, registered_by)
SELECT e.id, e.wh, e.division, e.zh || '灭火器 #' || lpad(e.n::text, 2, '0'), e.agent, e.capacity, e.manufactured,
       (ARRAY['仓库门口','物资区北墙','防火物资区入口','值班室','仓库东门'])[1 + e.n % 5],
       CASE WHEN e.scrapped_on IS NOT NULL THEN 'SCRAPPED' ELSE 'IN_SERVICE' END,
       pg_temp.at_work(e.reg_day, 0.1 + e.n * 0.01), e.keeper_a
FROM bext e;

-- monthly checks, every four weeks (a few stopped two months ago; a few found the gauge in the red last time)
INSERT INTO extinguisher_record (id, extinguisher_id, kind, on_date, passed, details, actor, recorded_at)
SELECT gen_random_uuid(), e.id, 'MONTHLY_CHECK', c.day, NOT c.fails,
       jsonb_build_object('sealIntact', true, 'gaugeInRange', NOT c.fails, 'undamaged', true, 'accessible', true,
                          'notes', CASE WHEN c.fails THEN '压力表指针在红区' ELSE '' END),
       CASE WHEN c.day < (prm.t_start AT TIME ZONE 'Asia/Shanghai')::date + 548 THEN e.keeper_a ELSE e.keeper_b END,
       pg_temp.at_work(c.day, 0.8)
FROM bext e CROSS JOIN prm
CROSS JOIN LATERAL (
    SELECT e.reg_day + 28 * k AS day, (e.town * 7 + e.n) % 43 = 0 AND k = (prm.today - e.reg_day) / 28 AS fails
    FROM generate_series(1, (prm.today - e.reg_day) / 28) AS k) c
WHERE c.day <= coalesce(e.scrapped_on, prm.today)
  AND NOT ((e.town * 5 + e.n) % 31 = 0 AND c.day > prm.today - 62);

-- annual inspections (a few missed the last one)
INSERT INTO extinguisher_record (id, extinguisher_id, kind, on_date, passed, details, actor, recorded_at)
SELECT gen_random_uuid(), e.id, 'ANNUAL_INSPECTION', a.day, true,
       jsonb_build_object('inspector', '基准县消防器材检测站', 'notes', ''), e.keeper_a, pg_temp.at_work(a.day, 0.5)
FROM bext e CROSS JOIN prm
CROSS JOIN LATERAL (SELECT (e.reg_day + y * interval '1 year')::date - 10 AS day, y FROM generate_series(0, 3) AS y) a
WHERE a.day >= e.reg_day AND a.day <= coalesce(e.scrapped_on, prm.today)
  AND NOT ((e.town * 11 + e.n) % 23 = 0 AND a.day > prm.today - 365);

-- services (GB 50444-2008 §5.3.2: first after n years, then every m), a week away each time
INSERT INTO extinguisher_record (id, extinguisher_id, kind, on_date, passed, details, actor, recorded_at)
SELECT gen_random_uuid(), e.id, r.kind, r.day, r.passed, r.details, e.keeper_a, pg_temp.at_work(r.day, 0.4)
FROM bext e CROSS JOIN prm
CROSS JOIN LATERAL (
    SELECT (e.manufactured + (e.first_service + k * e.service_every) * interval '1 year')::date - 15 AS sent
    FROM generate_series(0, 12) AS k) s
CROSS JOIN LATERAL (VALUES ('SENT_FOR_SERVICE', s.sent, NULL::boolean, '{"serviceProvider": "基准县消防器材维修站"}'::jsonb),
                           ('RETURNED_FROM_SERVICE', s.sent + 7, true, '{"notes": ""}'::jsonb)) AS r(kind, day, passed, details)
WHERE s.sent >= e.reg_day AND s.sent <= prm.today - 8
  AND s.sent < (e.manufactured + e.scrap_years * interval '1 year')::date
  AND s.sent < coalesce(e.scrapped_on, prm.today);

INSERT INTO extinguisher_record (id, extinguisher_id, kind, on_date, passed, details, actor, recorded_at)
SELECT gen_random_uuid(), e.id, 'SCRAPPED', e.scrapped_on, NULL, '{"reason": "超过报废年限"}', e.keeper_b,
       pg_temp.at_work(e.scrapped_on, 0.9)
FROM bext e WHERE e.scrapped_on IS NOT NULL;

\echo '== equipment'

CREATE TEMP TABLE beq AS
SELECT w.id AS wh, w.division, w.town, w.village, w.keeper_a, w.keeper_b, w.created_at, q.n, q.kind, q.label,
       q.battery, pg_temp.bench_uuid('equipment:' || w.division || ':' || q.n) AS id,
       CASE WHEN q.kind = 'SATELLITE_PHONE' THEN 10 ELSE 24 END AS every_days,
       (w.town * 3 + q.n) % 17 = 0 AND q.battery AS low_now,
       (w.town * 5 + q.n) % 19 = 0 AND q.battery AS unread_now,
       (w.town * 7 + q.n) % 23 = 0 AS faulty_now,
       (w.town + q.n) % 11 = 0 AND NOT q.battery AS unchecked_now
FROM bwh w
CROSS JOIN (VALUES (1, 'FLASHLIGHT', '强光手电 #1', true), (2, 'FLASHLIGHT', '强光手电 #2', true),
                   (3, 'FLASHLIGHT', '强光手电 #3', true), (4, 'EMERGENCY_LAMP', '应急灯 #1', true),
                   (5, 'EMERGENCY_LAMP', '应急灯 #2', true), (6, 'SATELLITE_PHONE', '卫星电话', true),
                   (7, 'RADIO', '对讲机 #1', true), (8, 'RADIO', '对讲机 #2', true),
                   (9, 'LOUDSPEAKER', '语音广播', true), (10, 'DOOR_BACKUP_POWER', '仓库门备用电源', true),
                   (11, 'PUMP', '抽水泵', false), (12, 'GENERATOR', '发电机', false),
                   (13, 'ROPE_THROWER', '抛绳器', false)) AS q(n, kind, label, battery)
WHERE NOT w.village OR q.n IN (1, 2, 4, 9);

INSERT INTO equipment (id, warehouse_id, division, kind, label, battery_powered, status, registered_at, registered_by)
SELECT id, wh, division, kind, label, battery, CASE WHEN faulty_now THEN 'FAULTY' ELSE 'WORKING' END,
       created_at + interval '1 day' + n * interval '3 minutes', keeper_a
FROM beq;

-- charge readings: every 24 days (10 for the satellite phone: its interval is 14); now and then a low one, charged the next
-- day; a few read low last time, a few not read for six weeks
INSERT INTO equipment_record (id, equipment_id, kind, at, percent, working, notes, actor, recorded_at)
SELECT gen_random_uuid(), e.id, 'CHARGE_READING', r.at, r.pct, NULL, NULL,
       CASE WHEN r.at < prm.t_start + interval '18 months' THEN e.keeper_a ELSE e.keeper_b END, r.at
FROM beq e CROSS JOIN prm
CROSS JOIN LATERAL (
    SELECT x.at, x.pct
    FROM (SELECT pg_temp.at_work((e.created_at AT TIME ZONE 'Asia/Shanghai')::date + 2 + k * e.every_days + (k % 3),
                                 0.2 + 0.05 * (k % 7)) AS at,
                 k, random() AS r
          FROM generate_series(0, 1200 / e.every_days) AS k) g
    CROSS JOIN LATERAL (VALUES (g.at, CASE WHEN g.r < 0.08 THEN 40 + floor(g.r * 400)::int ELSE 85 + floor(g.r * 15)::int END),
                               (CASE WHEN g.r < 0.08 THEN g.at + interval '1 day' END, 100)) AS x(at, pct)
    WHERE x.at IS NOT NULL) r
WHERE e.battery AND r.at < prm.t_now - interval '1 day'
  AND NOT (e.unread_now AND r.at > prm.t_now - interval '45 days');
-- the last reading of the few that are low now
INSERT INTO equipment_record (id, equipment_id, kind, at, percent, working, notes, actor, recorded_at)
SELECT gen_random_uuid(), e.id, 'CHARGE_READING', prm.t_now - interval '20 hours', 45 + (e.town * 7 + e.n) % 30, NULL,
       NULL, e.keeper_b, prm.t_now - interval '20 hours'
FROM beq e CROSS JOIN prm WHERE e.low_now;

-- checks every quarter (a fault now and then, repaired three days later; a few faulty since twelve days)
INSERT INTO equipment_record (id, equipment_id, kind, at, percent, working, notes, actor, recorded_at)
SELECT gen_random_uuid(), e.id, r.kind, r.at, NULL, r.working, r.notes,
       CASE WHEN r.at < prm.t_start + interval '18 months' THEN e.keeper_a ELSE e.keeper_b END, r.at
FROM beq e CROSS JOIN prm
CROSS JOIN LATERAL (
    SELECT pg_temp.at_work((e.created_at AT TIME ZONE 'Asia/Shanghai')::date + 10 + q * 91 + e.n, 0.6) AS at,
           random() < 0.04 AS fault
    FROM generate_series(0, 13) AS q) c
CROSS JOIN LATERAL (VALUES ('CHECK', c.at, NOT c.fault, CASE WHEN c.fault THEN '无法开机' ELSE '正常' END),
                           (CASE WHEN c.fault THEN 'REPAIR' END, c.at + interval '3 days', true, '更换配件后恢复正常'))
    AS r(kind, at, working, notes)
WHERE r.kind IS NOT NULL AND c.at < prm.t_now - interval '20 days';
INSERT INTO equipment_record (id, equipment_id, kind, at, percent, working, notes, actor, recorded_at)
SELECT gen_random_uuid(), e.id, 'CHECK', prm.t_now - interval '12 days', NULL, false, '检查发现故障，待维修', e.keeper_b,
       prm.t_now - interval '12 days'
FROM beq e CROSS JOIN prm WHERE e.faulty_now;

-- pumps, generators and rope throwers come back from incidents every two months and are checked the next
-- day; a few came back ten days ago and nobody checked them
INSERT INTO equipment_record (id, equipment_id, kind, at, percent, working, notes, reference_type, reference_id, actor,
                              recorded_at)
SELECT gen_random_uuid(), e.id, r.kind, r.at, NULL, r.working, r.notes, r.ref_type, r.ref_id, e.keeper_b, r.at
FROM beq e CROSS JOIN prm
CROSS JOIN LATERAL (
    SELECT (e.created_at AT TIME ZONE 'Asia/Shanghai')::date + 20 + u * 61 + e.n AS day FROM generate_series(0, 17) AS u) g
CROSS JOIN LATERAL (VALUES ('RETURNED_FROM_USE', pg_temp.at_work(g.day, 0.5), NULL::boolean, NULL::text, 'incident',
                            'INC-' || left(e.division, 9) || '-' || to_char(g.day, 'YYYYMMDD')),
                           ('CHECK', pg_temp.at_work(g.day + 1, 0.5), true, '使用后检查正常', NULL, NULL))
    AS r(kind, at, working, notes, ref_type, ref_id)
WHERE NOT e.battery AND g.day < prm.today - 14;
INSERT INTO equipment_record (id, equipment_id, kind, at, percent, working, notes, reference_type, reference_id, actor,
                              recorded_at)
SELECT gen_random_uuid(), e.id, 'RETURNED_FROM_USE', prm.t_now - interval '10 days', NULL, NULL, NULL, 'incident',
       'INC-' || left(e.division, 9) || '-' || to_char(prm.today - 10, 'YYYYMMDD'), e.keeper_b, prm.t_now - interval '10 days'
FROM beq e CROSS JOIN prm WHERE e.unchecked_now;

\echo '== facility inspections (quarterly; the third-floor warehouse of 王店乡 fails every time)'

INSERT INTO facility_inspection (id, warehouse_id, division, inspected_on, ground_floor_or_lift, entrance_clear, dry,
                                 manual_door_release, backup_power_charged, extinguisher_present, notes, actor,
                                 recorded_at)
SELECT gen_random_uuid(), w.id, w.division, d.day,
       NOT (w.town = 7 AND NOT w.village), true, true,
       NOT (w.town = 15 AND NOT w.village AND d.last), true, true,
       CASE WHEN w.town = 7 AND NOT w.village THEN '物资存放在三楼，无电梯'
            WHEN w.town = 15 AND NOT w.village AND d.last THEN '仓库门电控锁无手动开启装置' ELSE '各项合格' END,
       CASE WHEN d.day < (prm.t_start AT TIME ZONE 'Asia/Shanghai')::date + 548 THEN w.keeper_a ELSE w.keeper_b END,
       pg_temp.at_work(d.day, 0.7)
FROM bwh w CROSS JOIN prm
CROSS JOIN LATERAL (
    SELECT (w.created_at AT TIME ZONE 'Asia/Shanghai')::date + 10 + q * 91 AS day,
           q = ((prm.today - ((w.created_at AT TIME ZONE 'Asia/Shanghai')::date + 10)) / 91) AS last
    FROM generate_series(0, 13) AS q) d
WHERE d.day <= prm.today;

\echo '== done; counts'

SELECT 'warehouse' AS what, count(*) FROM warehouse WHERE division LIKE '419901%'
UNION ALL SELECT 'item', count(*) FROM item WHERE division LIKE '419901%'
UNION ALL SELECT 'movement', count(*) FROM movement WHERE division LIKE '419901%'
UNION ALL SELECT 'stock_balance', count(*) FROM stock_balance b JOIN bwh w ON w.id = b.warehouse_id
UNION ALL SELECT 'stocktake_line', count(*) FROM bstl
UNION ALL SELECT 'extinguisher_record', count(*) FROM extinguisher_record r JOIN bext e ON e.id = r.extinguisher_id
UNION ALL SELECT 'equipment_record', count(*) FROM equipment_record r JOIN beq e ON e.id = r.equipment_id;

\if :dry
ROLLBACK;
\else
COMMIT;
\endif
ANALYZE movement;
ANALYZE stock_balance;
