-- Bench county 基准县 (419901): three years of the county office's rectification ledger (整改台账), built
-- set-based in the rectification service's own database for the read-latency benchmark.
--
--   runuser -u postgres -- psql -h /var/run/postgresql -p 5432 -d beiqin_rectification -v ON_ERROR_STOP=1 \
--       -f rectification.sql
--
-- One transaction; refuses to run when the county is there already (drop.sql removes it). Demo data
-- (410182…) is never read or touched.
--
-- What it builds:
--   the division registry of 基准县: the county, 20 townships, 40 villages;
--   100,000 rectification items over the 3 years ending now, one per discrepancy key as the ledger keeps
--   them (a subject found again is the same item, reopened: recurrences), with the rule mix the three
--   services would produce — duty-roster findings (late check-ins, unanswered spot checks) most of all,
--   loans overdue, equipment, extinguishers, stock lines, drills — texts worded as the rules word them,
--   keys as Discrepancy.key forms them; warehouse subjects (warehouses, zones, items, extinguishers,
--   equipment) carry the ids warehouse.sql gives them;
--   statuses as time left them: old items mostly 已完成 (verified by the system when the source reported
--   the problem gone, or signed off by the county office), recent ones and a stubborn few 未完成 / 基本完成
--   / 长期整改; the five clears filled for most, measures for about half, the history each step writes,
--   and the alerts the ledger raises (opened, recurred, due soon, overdue), acknowledged for most older
--   ones; stocktake items with their lines (twenty of 450 lines each).
-- Alerts are written with triggers off (session_replication_role = replica): history is not announced
-- one NOTIFY per alert; one NOTIFY at the end wakes the live feeds once.

\set ON_ERROR_STOP on
\if :{?dry}
\else
\set dry 0
\endif
SET client_min_messages = warning;
SET temp_buffers = '256MB';
\timing on

BEGIN;
SET LOCAL work_mem = '256MB';
SET LOCAL synchronous_commit = off;
SET LOCAL TimeZone = 'UTC';

SELECT pg_advisory_xact_lock(419901);
SELECT current_setting('is_superuser') = 'on' AS su \gset
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM division WHERE code LIKE '419901%')
            OR EXISTS (SELECT 1 FROM rectification_item WHERE division LIKE '419901%') THEN
        RAISE EXCEPTION '基准县 419901 已存在（division / rectification_item LIKE ''419901%%''），未生成任何数据。先运行 bench/county.sh --fresh（或 --drop）。 The bench county is already there: run bench/county.sh --fresh (or --drop) first.';
    END IF;
END $$;

\echo '== reference data'

CREATE FUNCTION pg_temp.bench_uuid(k text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid
    FROM (SELECT md5('beiqin-bench:' || k) AS h) s
$$;
-- Wording.zh(LocalDate): 2026年7月21日
CREATE FUNCTION pg_temp.zh_day(d date) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(d, 'YYYY"年"FMMM"月"FMDD"日"')
$$;
-- a day in Beijing, and a minute as the duty rules print it (yyyy-MM-dd HH:mm, Beijing)
CREATE FUNCTION pg_temp.bj_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
    SELECT (t AT TIME ZONE 'Asia/Shanghai')::date
$$;
CREATE FUNCTION pg_temp.bj_minute(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(t AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')
$$;
CREATE FUNCTION pg_temp.at_bj(d date, hhmm time) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
    SELECT (d + hhmm) AT TIME ZONE 'Asia/Shanghai'
$$;
-- Instant.toString()
CREATE FUNCTION pg_temp.iso(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

CREATE TEMP TABLE prm AS
SELECT now() AS t_now,
       (now() AT TIME ZONE 'Asia/Shanghai')::date AS today,
       ((((now() AT TIME ZONE 'Asia/Shanghai')::date - interval '3 years')::date + time '07:30')
           AT TIME ZONE 'Asia/Shanghai') AS t_start;

-- the same townships, villages and keepers as warehouse.sql
CREATE TEMP TABLE town AS
SELECT n::int AS n, '419901' || (100 + n)::text AS code, name,
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + (n * 7) % 20]
         || (ARRAY['建国','桂兰','志强','秀英','卫东','春梅','国庆','玉兰','海军','凤英','文斌','淑珍','红旗','丽娟','永刚','翠花','德明','金凤','振华','小燕'])[1 + (n * 3) % 20] AS keeper_a,
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + (n * 11 + 5) % 20]
         || (ARRAY['晓东','海燕','俊峰','雪梅','志刚','彩霞','伟','静','磊','敏','军','艳','涛','娜','鹏','慧'])[1 + (n * 5) % 16] AS keeper_b,
       CASE WHEN name LIKE '%镇' THEN '副镇长' ELSE '副乡长' END AS deputy
FROM unnest(ARRAY['城关镇','东关镇','石桥镇','柳林镇','杨庄乡','李集镇','王店乡','马庄乡','河口镇','青龙镇',
                  '白沙镇','黄岗乡','新安镇','龙泉镇','双河乡','高庙乡','张桥镇','孙寨乡','刘集镇','枣园乡'])
     WITH ORDINALITY AS t(name, n);

CREATE TEMP TABLE village AS
SELECT t.n AS town, v.k, t.code || v.s AS code,
       (ARRAY['前进村','红旗村','张庄村','李庄村','王楼村','赵寨村','刘湾村','陈岗村','杨树村','周营村',
              '吴家村','郑堂村','孙洼村','马坡村','朱庄村','胡寨村','郭庄村','何营村','高楼村','林场村',
              '罗庄村','梁湾村','宋店村','谢楼村','韩庄村','唐寨村','冯营村','于庄村','董岗村','萧湾村',
              '程庄村','曹楼村','袁寨村','邓庄村','许营村','傅湾村','沈岗村','曾庄村','彭楼村','吕寨村'])[(t.n - 1) * 2 + v.k] AS name
FROM town t CROSS JOIN (VALUES (1, '201'), (2, '202')) AS v(k, s);

INSERT INTO division (code, name, parent, updated_at, updated_by)
SELECT '419901', '基准县', NULL, now(), 'bench'
UNION ALL SELECT code, name, '419901', now(), 'bench' FROM town
UNION ALL SELECT code, name, left(code, 9), now(), 'bench' FROM village;

CREATE TEMP TABLE cat (b int, name text, category text, kind text, unit text, consumable boolean, shelf_months int);
INSERT INTO cat VALUES
 ( 1,'编织袋','FLOOD','GENERAL','条',true,NULL), ( 2,'沙袋','FLOOD','GENERAL','条',true,NULL),
 ( 3,'土工布','FLOOD','GENERAL','卷',true,NULL), ( 4,'救生衣','FLOOD','PERSONAL_KIT','件',false,NULL),
 ( 5,'救生圈','FLOOD','EQUIPMENT','个',false,NULL), ( 6,'冲锋舟','FLOOD','EQUIPMENT','艘',false,NULL),
 ( 7,'橡皮艇','FLOOD','EQUIPMENT','艘',false,NULL), ( 8,'铁锨','FLOOD','EQUIPMENT','把',false,NULL),
 ( 9,'抽水泵','FLOOD','EQUIPMENT','台',false,NULL), (10,'雨衣','FLOOD','PERSONAL_KIT','套',false,NULL),
 (11,'胶鞋','FLOOD','PERSONAL_KIT','双',false,NULL), (12,'手电筒','FLOOD','EQUIPMENT','个',false,NULL),
 (13,'应急照明灯','FLOOD','EQUIPMENT','盏',false,NULL), (14,'发电机','FLOOD','EQUIPMENT','台',false,NULL),
 (15,'卫星电话','FLOOD','EQUIPMENT','部',false,NULL), (16,'对讲机','FLOOD','EQUIPMENT','部',false,NULL),
 (17,'柴油','FLOOD','FUEL','桶',true,NULL), (18,'汽油','FLOOD','FUEL','桶',true,NULL),
 (19,'安全绳','FLOOD','GENERAL','根',false,NULL), (20,'铅丝','FLOOD','GENERAL','千克',true,NULL),
 (21,'灭火器','FIRE','EQUIPMENT','具',true,NULL), (22,'风力灭火机','FIRE','EQUIPMENT','台',false,NULL),
 (23,'消防水带','FIRE','GENERAL','盘',false,NULL), (24,'灭火拖把','FIRE','GENERAL','把',false,NULL),
 (25,'防火服','FIRE','PERSONAL_KIT','套',false,NULL), (26,'二号工具','FIRE','GENERAL','把',false,NULL),
 (27,'帐篷','RELIEF','GENERAL','顶',false,NULL), (28,'棉被','RELIEF','GENERAL','床',true,NULL),
 (29,'折叠床','RELIEF','GENERAL','张',false,NULL), (30,'方便面','RELIEF','FOOD','箱',true,12),
 (31,'矿泉水','RELIEF','WATER','箱',true,12), (32,'急救包','RELIEF','MEDICINE','个',true,24),
 (33,'干电池','FLOOD','BATTERY','节',true,24);

-- warehouses, zones and items with warehouse.sql's ids and names
CREATE TEMP TABLE wh AS
SELECT t.n AS town, false AS village, t.code AS division, t.name || '应急物资仓库' AS name,
       pg_temp.bench_uuid('warehouse:' || t.code) AS id
FROM town t
UNION ALL
SELECT t.n, true, v.code, v.name || '应急物资储备点', pg_temp.bench_uuid('warehouse:' || v.code)
FROM town t JOIN village v ON v.town = t.n AND v.k = 1
WHERE t.n IN (2, 5, 9, 13, 17);

CREATE TEMP TABLE zone AS
SELECT w.id AS wh, z.category, z.zh, z.en, z.name, pg_temp.bench_uuid('zone:' || w.division || ':' || z.category) AS id
FROM wh w CROSS JOIN (VALUES ('FLOOD', '防汛', 'flood control', '防汛物资区'), ('FIRE', '防火', 'fire fighting', '防火物资区'),
                             ('RELIEF', '救灾', 'disaster relief', '救灾物资区')) AS z(category, zh, en, name);

CREATE TEMP TABLE it AS
SELECT t.n AS town, t.code AS division, i, c.b, c.name || '-' || lpad((((i - 1) / 33) + 1)::text, 2, '0') AS name,
       c.unit, c.category, c.kind, c.consumable, c.shelf_months, pg_temp.bench_uuid('item:' || t.code || ':' || i) AS id
FROM town t CROSS JOIN generate_series(1, 300) AS i JOIN cat c ON c.b = ((i - 1) % 33) + 1;

CREATE TEMP TABLE eq AS
SELECT w.town, w.division, w.name AS wh_name, w.id AS wh, q.n, q.kind, q.label, q.battery,
       pg_temp.bench_uuid('equipment:' || w.division || ':' || q.n) AS id
FROM wh w
CROSS JOIN (VALUES (1, 'FLASHLIGHT', '强光手电 #1', true), (2, 'FLASHLIGHT', '强光手电 #2', true),
                   (3, 'FLASHLIGHT', '强光手电 #3', true), (4, 'EMERGENCY_LAMP', '应急灯 #1', true),
                   (5, 'EMERGENCY_LAMP', '应急灯 #2', true), (6, 'SATELLITE_PHONE', '卫星电话', true),
                   (7, 'RADIO', '对讲机 #1', true), (8, 'RADIO', '对讲机 #2', true),
                   (9, 'LOUDSPEAKER', '语音广播', true), (10, 'DOOR_BACKUP_POWER', '仓库门备用电源', true),
                   (11, 'PUMP', '抽水泵', false), (12, 'GENERATOR', '发电机', false),
                   (13, 'ROPE_THROWER', '抛绳器', false)) AS q(n, kind, label, battery)
WHERE NOT w.village OR q.n IN (1, 2, 4, 9);

CREATE TEMP TABLE ext AS
SELECT w.town, w.division, w.name AS wh_name, w.id AS wh, n,
       CASE WHEN n <= 14 THEN '干粉' WHEN n <= 17 THEN '水基型' WHEN n <= 19 THEN '二氧化碳' ELSE '泡沫' END
           || '灭火器 #' || lpad(n::text, 2, '0') AS label,
       pg_temp.bench_uuid('extinguisher:' || w.division || ':' || n) AS id
FROM wh w CROSS JOIN generate_series(1, 20) AS n
WHERE n <= CASE WHEN w.village THEN 6 ELSE 20 END;

-- people of each township (names, phones) and its teams and members
CREATE TEMP TABLE person AS
SELECT t.n AS town, j AS person,
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + (j * 7 + t.n * 3) % 20]
         || (ARRAY['建国','桂兰','志强','秀英','伟','芳','军','敏','磊','静','洋','艳','勇','娜','杰','丽','强','霞','涛','明',
                   '超','红','平','刚','辉','玲','鹏','华','飞','慧'])[1 + (j * 11 + t.n * 5) % 30] AS name,
       '1' || (ARRAY['38','39','37','36','35','58','59','87'])[1 + (j + t.n) % 8]
         || lpad((((t.n * 100 + j) * 104729) % 100000000)::text, 8, '0') AS phone
FROM town t CROSS JOIN generate_series(0, 39) AS j;

CREATE TEMP TABLE team AS
SELECT t.n AS town, t.code AS division, t.name || '应急救援队' AS name, 'township' AS level, '乡' AS level_zh, 30 AS minimum,
       35 AS size, pg_temp.bench_uuid('team:' || t.code) AS id
FROM town t
UNION ALL
SELECT v.town, v.code, v.name || '应急分队', 'village', '村', 10, 12, pg_temp.bench_uuid('team:' || v.code)
FROM village v;

CREATE TEMP TABLE member AS
SELECT tm.town, tm.division, tm.name AS team, tm.id AS team_id, m AS j,
       pg_temp.bench_uuid('member:' || tm.division || ':' || m) AS id,
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗',
              '梁','宋','郑','谢','韩','唐','冯','于','董','萧'])[1 + (m * 13 + tm.town * 7 + length(tm.division)) % 30]
         || (ARRAY['建军','秀兰','志明','春花','国强','玉梅','海涛','凤霞','文杰','淑英','红军','丽华','永红','翠英','德胜',
                   '金花','振国','小红','晓明','海霞','俊杰','雪莲','志勇','彩云','卫国','静怡','磊','敏','军','艳'])[1 + (m * 17 + tm.town * 3) % 30] AS name,
       CASE WHEN (m + tm.town) % 4 = 0 THEN 'F' ELSE 'M' END AS gender,
       '1' || (ARRAY['38','39','37','36','35','58','59','87'])[1 + (m + tm.town) % 8]
         || lpad((((tm.town * 1000 + m) * 7919 + length(tm.division)) % 100000000)::text, 8, '0') AS phone
FROM team tm CROSS JOIN generate_series(1, 40) AS m
WHERE m <= tm.size;

-- what the county office writes, per rule: the 整改目标 and the measures (three to choose from)
CREATE TEMP TABLE rulespec (rule text PRIMARY KEY, svc text, severity text, target text, m1 text, m2 text, m3 text,
                            ev1 text, ev2 text, ev3 text, unit text);
INSERT INTO rulespec VALUES
 ('ISSUED_NOT_RETURNED','warehouse','medium','发放物资按期收回，领用归还登记完整',
  '督促领用人限期归还，逾期未还的按规定核销','建立物资领用归还登记制度，逐笔登记应还日期','每周核对一次未归还物资清单',
  '物资已全部收回入库','领用归还登记簿已建立并启用','已按周核对未归还清单','warehouse'),
 ('ADJUSTMENT_UNAPPROVED','warehouse','medium','库存调整均经县级审批，账实相符',
  '补报调整依据，报县应急管理局审批','核实调整原因，追溯原始单据','明确调整审批流程，库管员不得自行调账',
  '已补报并经县级审批','已核实原始单据，调整依据充分','审批流程已印发执行','warehouse'),
 ('BELOW_STANDARD','warehouse','high','物资储备达到配备标准',
  '按配备标准补充采购','申请县应急管理局调拨补足','每季度对照标准清点一次储备',
  '已采购补足并入库','县应急管理局已调拨补足','已建立季度对标清点制度','warehouse'),
 ('EXPIRED_STOCK','warehouse','medium','过期物资及时清理，临期物资及时轮换',
  '过期物资下架并按规定报废处置','建立保质期台账，临期三个月提前轮换','联系供应商更换新批次',
  '过期批次已下架报废','保质期台账已建立','新批次已入库','warehouse'),
 ('MIXED_STORAGE','warehouse','low','防汛、防火、救灾物资分类存放、标识清楚',
  '将物资移入对应分类的存放区','悬挂分区标识牌','库管员每日巡查存放情况',
  '物资已移入对应存放区','分区标识牌已悬挂','已落实每日巡查','warehouse'),
 ('ITEM_UNLABELED','warehouse','low','物资标识齐全，注明名称、规格、数量',
  '补全物资标识信息','对库存油桶逐一张贴油品标签','完善物资入库登记要求',
  '标识信息已补全','油品标签已张贴','入库登记要求已修订','warehouse'),
 ('BATTERY_LOW','warehouse','medium','应急照明、通信装备电量充足',
  '立即充电并更换老化电池','建立每周充电检查制度','配备备用电池',
  '已充满电，电量检测合格','每周充电检查记录已建立','备用电池已配备','warehouse'),
 ('CHARGE_CHECK_OVERDUE','warehouse','medium','带电装备定期检查电量',
  '补做电量检查并登记','明确专人每月检查电量','在值班表中加入电量检查事项',
  '已补做电量检查','已明确专人负责','值班表已调整','warehouse'),
 ('EQUIPMENT_FAULTY','warehouse','high','故障装备及时修复或报废更新',
  '联系厂家维修','无法修复的报废并申请更新','维修期间调配备用装备',
  '已修复并检查正常','已报废并更新','已调配备用装备','warehouse'),
 ('POST_USE_CHECK_MISSING','warehouse','medium','装备使用后及时检查、维护，保持完好',
  '补做使用后检查并登记','建立装备使用后检查登记制度','对使用人员开展操作培训',
  '已补做检查，装备完好','使用后检查登记制度已建立','培训已开展','warehouse'),
 ('EXTINGUISHER_INSPECTION_OVERDUE','warehouse','high','灭火器按月检查、按年检测',
  '补做月度检查并登记','送检测站年度检测','建立灭火器检查台账',
  '月度检查已补做','年度检测已完成，检测合格','检查台账已建立','warehouse'),
 ('EXTINGUISHER_EXPIRED','warehouse','high','失效、超期灭火器全部更换',
  '失效灭火器立即停用并报废','采购同型号灭火器补足','对全部灭火器逐具检查',
  '已报废并更换新灭火器','新灭火器已配置到位','已逐具检查','warehouse'),
 ('STOCKTAKE_OVERDUE','warehouse','medium','定期盘库，账实相符',
  '立即组织盘点','每季度至少盘点一次，结果报县应急管理局','盘点结果张贴公示',
  '盘点已完成并上报','季度盘点制度已建立','盘点结果已公示','warehouse'),
 ('FACILITY_RISK','warehouse','high','仓库选址、设施满足应急取用要求',
  '物资搬迁至一楼仓库','加装手动开门装置','备用电源定期充电',
  '物资已搬迁至一楼','手动开门装置已加装','备用电源已充电','warehouse'),
 ('LEDGER_MISMATCH','warehouse','high','账实相符，物资分类存放、标识清楚、专人管理',
  '重新盘点，按实物更正台账并经县应急管理局审核','悬挂标识牌，建立物资登记台账，专人管理维护','每季度盘库一次，盘点结果报县应急管理局',
  '已复盘并更正入账','标识牌已悬挂，台账已建立','季度盘库制度已落实','warehouse'),
 ('EVALUATION_MISSING','drill','medium','演练结束后及时总结、评估',
  '7日内补交演练总结评估报告','完善演练评估模板','将评估纳入演练方案',
  '评估报告已提交','评估模板已完善','已纳入演练方案','drill'),
 ('EVALUATION_BEFORE_PLAN','drill','high','演练记录真实、时间顺序合理',
  '核实演练记录，更正评估日期','规范演练档案管理','对相关人员进行提醒谈话',
  '评估日期已更正','档案管理已规范','已谈话提醒','drill'),
 ('SUPPLIES_NOT_DRAWN','drill','medium','演练实际动用计划物资',
  '补登演练物资出库记录','下次演练按方案实际动用物资','演练前核对物资清单',
  '出库记录已补登','已在方案中明确物资动用','已建立演练前核对机制','drill'),
 ('IMPROVEMENT_OVERDUE','drill','medium','演练改进措施按期完成',
  '督促责任人限期完成改进措施','将改进事项纳入月度工作督办','完成后报县应急管理局备案',
  '改进措施已完成','已纳入督办','已报备','drill'),
 ('UNIT_WITHOUT_CONTACT','drill','medium','每个参演单位明确一名联系人及电话',
  '补充参演单位联系人和电话','建立参演单位通讯录','演练前逐一电话核对',
  '联系人已补充','通讯录已建立','已电话核对','drill'),
 ('ROLES_UNASSIGNED','drill','medium','参演人员岗位任务明确',
  '明确每名参演人员的岗位任务','修订演练方案分工表','演练前召开分工会',
  '岗位任务已明确','分工表已修订','分工会已召开','drill'),
 ('THREE_OUTAGES_NOT_DRILLED','drill','high','汛前开展断网、断电、断路（三断）演练',
  '制定“三断”应急措施','汛前组织“三断”综合演练','配备卫星电话、发电机等“三断”装备',
  '“三断”措施已制定','“三断”演练已开展','装备已配备','drill'),
 ('NOT_CHECKED_IN','duty','medium','值班人员按时到岗签到，落实24小时值班',
  '对迟到人员提醒谈话','严格执行值班签到制度','值班表公示并明确替班程序',
  '已谈话提醒','签到制度已重申','值班表已公示','duty'),
 ('LEADER_ABSENT','duty','high','汛期带班领导在岗在位',
  '对缺岗带班领导通报批评','带班领导外出须报备并指定替班','每日抽查带班领导到岗情况',
  '已通报','报备替班制度已建立','已落实每日抽查','duty'),
 ('UNREACHABLE','duty','high','值班电话畅通，查岗及时应答',
  '对未应答人员提醒谈话','值班期间手机保持畅通','增加夜间查岗频次',
  '已谈话提醒','已重申值班纪律','已增加查岗频次','duty'),
 ('COVERAGE_GAP','duty','high','24小时值班不留空档',
  '补排值班人员，填满空档时段','汛期实行领导带班、两人以上值班','值班表提前一周报县应急管理局',
  '值班表已排满','已落实带班值班制度','值班表已按时上报','duty'),
 ('STALE_ASSIGNMENT','duty','medium','人事变动后及时调整职务和班次',
  '调整调离人员担任的职务','重新排定其未到期班次','建立人员变动通报机制',
  '职务已调整','班次已重排','通报机制已建立','duty'),
 ('MEMBER_DEPARTED_LISTED','duty','medium','队伍名单及时更新',
  '将已离队人员移出名单','补充新队员','每月核对一次队伍名单',
  '已移出名单','新队员已补充','已落实每月核对','duty'),
 ('CONTACT_MISSING','duty','medium','队员联系电话齐全',
  '补录队员联系电话','“一张纸”预案标明联系人电话','每季度核对通讯录',
  '电话已补录','预案已更新','已核对通讯录','duty'),
 ('MEMBER_OVER_AGE','duty','low','队员年龄符合要求',
  '超龄队员调整出救援队伍','吸收年轻队员补充','为超龄人员安排后勤岗位',
  '已调整出队伍','已补充新队员','已安排后勤岗位','duty'),
 ('TEAM_BELOW_MINIMUM','duty','medium','乡级队伍不少于30人、村级不少于10人',
  '动员民兵、党员补充队伍','与周边村组建联防队伍','每半年核定一次队伍人数',
  '队员人数已达标','联防队伍已组建','已核定人数','duty');

\echo '== findings, rule by rule'

-- one row per ledger item; detected = the current episode, first_det = the first one
CREATE TEMP TABLE ri (
    rule text, division text, subject_type text, subject_id text, subject_label text, summary_zh text, summary_en text,
    evidence jsonb, first_det timestamptz, det timestamptz, recurrences int DEFAULT 0,
    scale double precision,             -- typical days until the source reports the problem gone
    stubborn double precision DEFAULT 0.05,  -- share that is still open however old
    res_zh text, res_en text, res_evidence jsonb DEFAULT '{}', town int, doc_lines int DEFAULT 0
);

-- a moment in the three years (from the fourth day to three hours ago); r in [0, 1)
SELECT format('CREATE FUNCTION pg_temp.moment(r double precision) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS %L',
              format('SELECT %L::timestamptz + r * %L::interval', t_start + interval '3 days',
                     t_now - interval '3 hours' - t_start - interval '3 days'))
FROM prm \gexec

-- duty: a spot check (查岗) not answered within 10 minutes
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                scale, stubborn, res_zh, res_en, res_evidence, town)
SELECT 'UNREACHABLE', m.division, 'spot-check', s.id::text, m.name || ' 查岗',
       s.role || ' ' || pg_temp.bj_minute(s.sent) || ' 发出的查岗，' || m.name || ' 10 分钟未应答',
       'Spot check sent ' || pg_temp.bj_minute(s.sent) || ' not acknowledged by ' || m.name || ' within 10 minutes',
       jsonb_build_object('shiftId', gen_random_uuid(), 'memberId', m.id, 'sentAt', pg_temp.iso(s.sent),
                          'phone', m.phone),
       s.sent + interval '10 minutes', s.sent + interval '10 minutes', 0.02, 0.02,
       '值班人员已应答查岗', 'The officer acknowledged', '{}', m.town
FROM (
    SELECT gen_random_uuid() AS id, CASE WHEN random() < 0.3 THEN '带班领导' ELSE '值班人员' END AS role,
           pg_temp.at_bj(pg_temp.bj_day(pg_temp.moment(random())) - 1, time '21:00' + random() * interval '9 hours') AS sent,
           1 + floor(random() * 1180)::int AS mk
    FROM generate_series(1, 12000)) s
JOIN (SELECT *, row_number() OVER (ORDER BY division, j) AS mk FROM member) m USING (mk);

-- duty: hours of a 24-hour duty period nobody is rostered for
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                scale, res_zh, res_en, town)
SELECT 'COVERAGE_GAP', d.code, 'duty-period', gen_random_uuid()::text, d.period,
       '“' || d.period || '”有 1 段时间不足 1 名带班领导和 2 名值班人员：'
           || pg_temp.bj_minute(d.gfrom) || '—' || pg_temp.bj_minute(d.gfrom + interval '12 hours') || '（带班 0，值班 '
           || d.staff || '）',
       '"' || d.period || '": 1 intervals without 1 leader(s) and 2 staff: '
           || pg_temp.bj_minute(d.gfrom) || '—' || pg_temp.bj_minute(d.gfrom + interval '12 hours') || '（带班 0，值班 '
           || d.staff || '）',
       jsonb_build_object('gaps', jsonb_build_array(jsonb_build_object('from', pg_temp.iso(d.gfrom),
           'to', pg_temp.iso(d.gfrom + interval '12 hours'), 'leaders', 0, 'staff', d.staff))),
       d.gfrom - interval '2 days', d.gfrom - interval '2 days', 1.5, '值班表已排满', 'The roster is full', d.town
FROM (
    SELECT x.town, x.code, x.name || to_char(x.day, 'FMMM') || '月值班（' || to_char(x.day, 'FMDD') || '日起）' AS period,
           pg_temp.at_bj(x.day + 1, CASE WHEN random() < 0.5 THEN time '08:00' ELSE time '20:00' END) AS gfrom,
           floor(random() * 2)::int AS staff
    FROM (SELECT v.town, v.code, v.name, pg_temp.bj_day(pg_temp.moment(random())) AS day
          FROM generate_series(1, 1200) g
          JOIN (SELECT town, code, name, row_number() OVER (ORDER BY code) AS k FROM
                  (SELECT n AS town, code, name FROM town UNION ALL SELECT town, code, name FROM village) a) v
            ON v.k = 1 + (g * 7919) % 60) x) d;

-- duty: people (members) — departed but still holding a role or listed, no phone, over age
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                scale, stubborn, res_zh, res_en, town)
SELECT s.rule, m.division, 'member', m.id::text, m.name,
       CASE s.rule
           WHEN 'STALE_ASSIGNMENT' THEN m.name || s.st_zh || '，仍担任：' || s.holds
           WHEN 'MEMBER_DEPARTED_LISTED' THEN m.name || s.st_zh || '，仍在“' || m.team || '”名单上'
           WHEN 'CONTACT_MISSING' THEN m.name || '（' || m.team || '）未登记联系电话'
           ELSE m.name || ' ' || extract(year FROM s.born)::int || '年' || extract(month FROM s.born)::int || '月出生，已超过'
                || CASE m.gender WHEN 'M' THEN '男' ELSE '女' END || '队员 ' || s.lim || ' 岁的上限' END,
       CASE s.rule
           WHEN 'STALE_ASSIGNMENT' THEN m.name || ' has left (' || s.st || ') but still holds: ' || s.holds
           WHEN 'MEMBER_DEPARTED_LISTED' THEN m.name || ' has left (' || s.st || ') but is still on the list of ' || m.team
           WHEN 'CONTACT_MISSING' THEN m.name || ' (' || m.team || ') has no phone number'
           ELSE m.name || ', born ' || s.born || ', is over the limit of ' || s.lim END,
       CASE s.rule
           WHEN 'STALE_ASSIGNMENT' THEN jsonb_build_object('status', s.st, 'holds', jsonb_build_array(s.holds))
           WHEN 'MEMBER_DEPARTED_LISTED' THEN jsonb_build_object('status', s.st, 'team', m.team)
           WHEN 'CONTACT_MISSING' THEN jsonb_build_object('team', m.team)
           ELSE jsonb_build_object('limit', s.lim, 'birthDate', s.born) END,
       s.det, s.det, s.scale, s.stub, s.res_zh, s.res_en, m.town
FROM (
    SELECT r.rule, r.k, random() < 0.6 AS tr,
           CASE WHEN random() < 0.6 THEN '已调离' ELSE '已辞职' END AS st_zh,
           NULL::text AS st, NULL::text AS holds, NULL::date AS born, NULL::int AS lim,
           pg_temp.moment(random()) AS det,
           CASE r.rule WHEN 'MEMBER_OVER_AGE' THEN 20 WHEN 'STALE_ASSIGNMENT' THEN 6 ELSE 4 END AS scale,
           CASE r.rule WHEN 'MEMBER_OVER_AGE' THEN 0.15 ELSE 0.04 END AS stub,
           CASE r.rule WHEN 'STALE_ASSIGNMENT' THEN '职务和班次已调整' WHEN 'MEMBER_DEPARTED_LISTED' THEN '已从名单移除'
                       WHEN 'CONTACT_MISSING' THEN '已登记电话' ELSE '已不在队伍中' END AS res_zh,
           CASE r.rule WHEN 'STALE_ASSIGNMENT' THEN 'Roles and shifts were reassigned'
                       WHEN 'MEMBER_DEPARTED_LISTED' THEN 'Removed from the list'
                       WHEN 'CONTACT_MISSING' THEN 'A phone number was added' ELSE 'No longer on the team' END AS res_en
    FROM (SELECT 'STALE_ASSIGNMENT' AS rule, k FROM generate_series(1, 250) k
          UNION ALL SELECT 'MEMBER_DEPARTED_LISTED', k FROM generate_series(1, 250) k
          UNION ALL SELECT 'CONTACT_MISSING', k FROM generate_series(1, 400) k
          UNION ALL SELECT 'MEMBER_OVER_AGE', k FROM generate_series(1, 80) k) r) s0
CROSS JOIN LATERAL (
    SELECT s0.rule, s0.det, s0.scale, s0.stub, s0.res_zh, s0.res_en, s0.st_zh,
           CASE WHEN s0.st_zh = '已调离' THEN 'TRANSFERRED' ELSE 'RESIGNED' END AS st,
           CASE WHEN s0.tr THEN '指挥长' ELSE (2 + s0.k % 4) || ' 个未到期的班次' END AS holds,
           (pg_temp.bj_day(s0.det) - (61 + s0.k % 9) * 365 - s0.k * 3)::date AS born,
           60 AS lim,
           -- every rule its own members: one item per (rule, member)
           1 + ((s0.k * 37 + length(s0.rule) * 101) % 1180) AS mk) s
JOIN (SELECT *, row_number() OVER (ORDER BY division, j) AS mk FROM member) m ON m.mk = s.mk;
-- women's limit is 50
UPDATE ri SET summary_zh = replace(summary_zh, '女队员 60 岁', '女队员 50 岁'),
              evidence = jsonb_set(evidence, '{limit}', '50'),
              summary_en = replace(summary_en, 'limit of 60', 'limit of 50')
WHERE rule = 'MEMBER_OVER_AGE' AND summary_zh LIKE '%女队员%';

-- duty: teams below their minimum (one item per team, found again every flood season)
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                recurrences, scale, stubborn, res_zh, res_en, town)
SELECT 'TEAM_BELOW_MINIMUM', t.division, 'team', t.id::text, t.name,
       t.name || '现有在岗队员 ' || a.active || ' 人，低于' || t.level_zh || '级队伍 ' || t.minimum || ' 人的要求',
       t.name || ' has ' || a.active || ' active members, below the ' || t.level || ' minimum of ' || t.minimum,
       jsonb_build_object('active', a.active, 'minimum', t.minimum),
       prm.t_start + interval '20 days' + (t.town * interval '1 day'),
       prm.t_start + interval '20 days' + (t.town * interval '1 day') + a.rec * interval '330 days',
       a.rec, 30, 0.3, '队员人数已达标', 'The team is at strength', t.town
FROM team t CROSS JOIN prm
CROSS JOIN LATERAL (SELECT t.minimum - 1 - (t.town % 5) AS active, (t.town + length(t.division)) % 3 AS rec) a
WHERE (t.town * 3 + length(t.division)) % 5 < 2;

-- drills: the drills of each township and its villages (the ones warehouse.sql references among them)
CREATE TEMP TABLE drill AS
SELECT t.n AS town, t.code AS division, d.day, pg_temp.bench_uuid('drill:' || t.code || ':' || d.day || ':' || d.kind) AS id,
       t.name || extract(year FROM d.day)::int || '年' || d.title AS title
FROM town t CROSS JOIN prm
CROSS JOIN LATERAL (
    SELECT make_date(y, m, dd) + (t.n % 5) AS day, kind, title
    FROM generate_series(extract(year FROM prm.today)::int - 3, extract(year FROM prm.today)::int) AS y
    CROSS JOIN (VALUES (5, 20, 'FLOOD', '防汛应急演练'), (5, 28, 'OUTAGE', '断网断电断路综合演练'),
                       (11, 10, 'FIRE', '森林防火应急演练')) AS k(m, dd, kind, title)) d
WHERE d.day > pg_temp.bj_day(prm.t_start) + 10 AND d.day < prm.today - 10
UNION ALL
SELECT a.town, a.code, a.day, gen_random_uuid(), a.name || a.day_title
FROM (SELECT v.town, v.code, v.name, pg_temp.bj_day(pg_temp.moment(random())) AS day,
             (ARRAY['群众转移避险演练','防汛抢险演练','山洪灾害避险演练','地质灾害避险演练','森林防火扑救演练',
                    '应急疏散演练'])[1 + floor(random() * 6)::int] AS day_title
      FROM (SELECT n AS town, code, name FROM town UNION ALL SELECT town, code, name FROM village) v
      CROSS JOIN generate_series(1, 22)) a CROSS JOIN prm
WHERE a.day < prm.today - 10;

INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                scale, res_zh, res_en, town)
SELECT s.rule, d.division, 'drill', d.id::text, d.title,
       CASE s.rule
           WHEN 'EVALUATION_MISSING' THEN '演练“' || d.title || '”已于 ' || pg_temp.zh_day(d.day) || ' 实施，7 天内未提交总结评估（应于 '
                || pg_temp.zh_day(d.day + 7) || ' 前）'
           WHEN 'EVALUATION_BEFORE_PLAN' THEN '演练“' || d.title || '”的总结评估日期 ' || (d.day - 12) || ' 早于方案批准（'
                || (d.day - 9) || '）或演练实施（' || d.day || '）'
           WHEN 'SUPPLIES_NOT_DRAWN' THEN '演练“' || d.title || '”（' || pg_temp.zh_day(d.day) || '）计划动用的物资没有出库记录：'
                || s.supplies_zh
           WHEN 'UNIT_WITHOUT_CONTACT' THEN '演练“' || d.title || '”的参演单位未明确联系人和电话：' || s.units
           ELSE '演练“' || d.title || '”有 2 名参演人员岗位任务不明确：' || s.people END,
       CASE s.rule
           WHEN 'EVALUATION_MISSING' THEN 'Drill "' || d.title || '" held on ' || d.day || ' has no evaluation after 7 days (due '
                || (d.day + 7) || ')'
           WHEN 'EVALUATION_BEFORE_PLAN' THEN 'Drill "' || d.title || '": evaluation dated ' || (d.day - 12)
                || ', before approval (' || (d.day - 9) || ') or the drill (' || d.day || ')'
           WHEN 'SUPPLIES_NOT_DRAWN' THEN 'Drill "' || d.title || '" (' || d.day || '): planned supplies never issued: '
                || replace(s.supplies_zh, '、', ', ')
           WHEN 'UNIT_WITHOUT_CONTACT' THEN 'Drill "' || d.title || '": units without a contact and phone: '
                || replace(s.units, '、', ', ')
           ELSE 'Drill "' || d.title || '": 2 participants without a task: ' || replace(s.people, '、', ', ') END,
       CASE s.rule
           WHEN 'EVALUATION_MISSING' THEN jsonb_build_object('drillDay', d.day, 'due', d.day + 7)
           WHEN 'EVALUATION_BEFORE_PLAN' THEN jsonb_build_object('evaluatedOn', d.day - 12, 'approvedOn', d.day - 9,
                'conductedOn', d.day)
           WHEN 'SUPPLIES_NOT_DRAWN' THEN jsonb_build_object('drillDay', d.day, 'supplies',
                jsonb_build_object('救生衣', jsonb_build_object('planned', 10 + d.k % 20, 'issued', 0),
                                   '编织袋', jsonb_build_object('planned', 100 + (d.k % 5) * 50, 'issued', 0)))
           WHEN 'UNIT_WITHOUT_CONTACT' THEN jsonb_build_object('units', to_jsonb(string_to_array(s.units, '、')))
           ELSE jsonb_build_object('participants', to_jsonb(string_to_array(s.people, '、'))) END,
       CASE s.rule WHEN 'EVALUATION_MISSING' THEN pg_temp.at_bj(d.day + 8, time '00:10')
                   WHEN 'SUPPLIES_NOT_DRAWN' THEN pg_temp.at_bj(d.day + 1, time '00:10')
                   ELSE pg_temp.at_bj(d.day - 9, time '16:00') END,
       CASE s.rule WHEN 'EVALUATION_MISSING' THEN pg_temp.at_bj(d.day + 8, time '00:10')
                   WHEN 'SUPPLIES_NOT_DRAWN' THEN pg_temp.at_bj(d.day + 1, time '00:10')
                   ELSE pg_temp.at_bj(d.day - 9, time '16:00') END,
       CASE s.rule WHEN 'EVALUATION_MISSING' THEN 4 ELSE 3 END,
       CASE s.rule WHEN 'EVALUATION_MISSING' THEN '已提交总结评估' WHEN 'EVALUATION_BEFORE_PLAN' THEN '评估日期已更正'
                   WHEN 'SUPPLIES_NOT_DRAWN' THEN '计划物资均已按演练出库' WHEN 'UNIT_WITHOUT_CONTACT' THEN '参演单位均已明确联系人'
                   ELSE '参演人员岗位任务均已明确' END,
       CASE s.rule WHEN 'EVALUATION_MISSING' THEN 'The evaluation was filed'
                   WHEN 'EVALUATION_BEFORE_PLAN' THEN 'The evaluation date was corrected'
                   WHEN 'SUPPLIES_NOT_DRAWN' THEN 'Every planned supply was issued for the drill'
                   WHEN 'UNIT_WITHOUT_CONTACT' THEN 'Every unit has a contact' ELSE 'Every participant has a task' END,
       d.town
FROM (SELECT *, row_number() OVER (ORDER BY random()) AS k FROM drill) d
JOIN (VALUES ('EVALUATION_MISSING', 1, 500), ('SUPPLIES_NOT_DRAWN', 301, 600), ('EVALUATION_BEFORE_PLAN', 601, 640),
             ('UNIT_WITHOUT_CONTACT', 641, 760), ('ROLES_UNASSIGNED', 761, 880)) AS r(rule, lo, hi)
  ON d.k BETWEEN r.lo AND r.hi
CROSS JOIN LATERAL (
    SELECT r.rule,
           (ARRAY['村卫生室','派出所','供电所','卫生院','民兵连','村委会'])[1 + (d.k * 7) % 6] || '、'
               || (ARRAY['水利站','学校','移动公司','交管站'])[1 + (d.k * 11) % 4] AS units,
           (ARRAY['张伟','王磊','李娜','刘洋','陈静','杨帆'])[1 + (d.k * 5) % 6] || '、'
               || (ARRAY['赵强','黄丽','周杰','吴敏'])[1 + (d.k * 3) % 4] AS people,
           '救生衣 ' || (10 + d.k % 20) || '件、编织袋 ' || (100 + (d.k % 5) * 50) || '条' AS supplies_zh) s;

-- drills: improvement actions past their deadline (one item per action)
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                scale, res_zh, res_en, town)
SELECT 'IMPROVEMENT_OVERDUE', d.division, 'improvement-action', gen_random_uuid()::text,
       d.title || ' 改进措施 #' || a.pos,
       '演练“' || d.title || '”的改进措施“' || a.what || '”已过时限 ' || pg_temp.zh_day(a.deadline) || ' 仍未完成（' || a.owner || ' 负责）',
       'Drill "' || d.title || '": improvement "' || a.what || '" not done by its deadline ' || a.deadline || ' (owner ' || a.owner || ')',
       jsonb_build_object('deadline', a.deadline, 'owner', a.owner),
       pg_temp.at_bj(a.deadline + 1, time '00:10'), pg_temp.at_bj(a.deadline + 1, time '00:10'), 10,
       '改进措施已完成', 'The improvement action was done', d.town
FROM (SELECT *, 1 + floor(random() * 960)::int AS k FROM generate_series(1, 1000) g) x
JOIN (SELECT *, row_number() OVER (ORDER BY id) AS k FROM drill) d USING (k)
CROSS JOIN prm
CROSS JOIN LATERAL (
    SELECT 1 + x.g % 3 AS pos, d.day + 20 + x.g % 25 AS deadline,
           (ARRAY['补充转移路线标识牌','修订群众转移名单','更换老化救生衣','增设应急广播点','完善夜间照明','开展预警信号培训'])[1 + x.g % 6] AS what,
           (ARRAY['村委会','应急办','水利站','党政办'])[1 + x.g % 4] AS owner) a
WHERE a.deadline + 1 < prm.today;

-- drills: townships that did not drill the three outages before the flood season
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                scale, stubborn, res_zh, res_en, town)
SELECT 'THREE_OUTAGES_NOT_DRILLED', t.code, 'township', t.code || ':' || s.season, t.code,
       t.code || ' 自 ' || pg_temp.zh_day(make_date(s.season - 1, 6, 1)) || ' 以来未开展断网、断电、断路（三断）演练（汛期自 '
           || pg_temp.zh_day(make_date(s.season, 6, 1)) || ' 起）',
       t.code || ' has not drilled network, power and road outage since ' || make_date(s.season - 1, 6, 1)
           || ' (flood season from ' || make_date(s.season, 6, 1) || ')',
       jsonb_build_object('season', s.season, 'since', make_date(s.season - 1, 6, 1), 'seasonStart', make_date(s.season, 6, 1)),
       pg_temp.at_bj(make_date(s.season, 5, 1), time '00:10'), pg_temp.at_bj(make_date(s.season, 5, 1), time '00:10'),
       20, 0.05, '已开展“三断”演练', 'A three-outage drill was held', t.n
FROM town t CROSS JOIN prm
CROSS JOIN generate_series(extract(year FROM prm.today)::int - 2, extract(year FROM prm.today)::int) AS s(season)
WHERE (t.n * 7 + s.season) % 5 < 2 AND make_date(s.season, 5, 1) > pg_temp.bj_day(prm.t_start);

-- warehouse: loans not returned by their due date (one item per issue)
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                scale, res_zh, res_en, res_evidence, town)
SELECT 'ISSUED_NOT_RETURNED', w.division, 'issue', s.id::text, w.name || ' ' || i.name || ' → ' || p.name,
       '发放给' || p.name || '的' || i.name || ' ' || s.qty || i.unit || ' 应于 ' || pg_temp.zh_day(s.due) || ' 归还，至今未还',
       s.qty || ' ' || i.unit || ' of ' || i.name || ' issued to ' || p.name || ', due back ' || s.due || ', not returned',
       jsonb_build_object('recipient', p.name, 'recipientPhone', p.phone,
                          'issuedAt', pg_temp.iso(pg_temp.at_bj(s.due - s.days, time '09:00' + s.r * interval '8 hours')),
                          'dueBack', s.due, 'outstanding', s.qty::text),
       pg_temp.at_bj(s.due + 1, time '00:05' + s.r * interval '15 minutes'),
       pg_temp.at_bj(s.due + 1, time '00:05' + s.r * interval '15 minutes'),
       8, '物资已归还或核销', 'Returned or written off', jsonb_build_object('movementId', gen_random_uuid()), w.town
FROM (
    SELECT gen_random_uuid() AS id, random() AS r, 1 + floor(random() * 20)::int AS town,
           1 + floor(random() * 189)::int AS dk, floor(random() * 40)::int AS person, 1 + floor(random() * 3)::int AS qty,
           (ARRAY[3, 7, 7, 10, 15, 15, 30])[1 + floor(random() * 7)::int] AS days,
           pg_temp.bj_day(pg_temp.moment(random())) AS due
    FROM generate_series(1, 15000)) s
JOIN wh w ON w.town = s.town AND NOT w.village
JOIN (SELECT *, row_number() OVER (PARTITION BY town ORDER BY i) AS dk FROM it
      WHERE NOT consumable AND shelf_months IS NULL) i ON i.town = s.town AND i.dk = s.dk
JOIN person p ON p.town = s.town AND p.person = s.person
CROSS JOIN prm
WHERE s.due + 1 < prm.today;

-- warehouse: keepers' adjustments the county had not approved yet (one item per adjustment)
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                scale, res_zh, res_en, res_evidence, town)
SELECT 'ADJUSTMENT_UNAPPROVED', w.division, 'movement', s.id::text, w.name || ' ' || i.name,
       w.name || ' 的 ' || i.name || ' 调整 ' || s.signed || i.unit || '（理由：' || s.reason || '），未经县级审批',
       i.name || ' at ' || w.name || ' adjusted by ' || s.signed || ' ' || i.unit || ' (reason: ' || s.reason
           || ') without the county''s approval',
       jsonb_build_object('movementId', s.id, 'delta', replace(s.signed, '+', ''), 'reason', s.reason,
                          'by', t.name || '库管员 ' || t.keeper_b),
       s.at, s.at, 2, '县级已审批此调整', 'Approved by the county',
       jsonb_build_object('approvedBy', '基准县应急管理局 周立新'), w.town
FROM (
    SELECT gen_random_uuid() AS id, 1 + floor(random() * 20)::int AS town, 1 + floor(random() * 300)::int AS i,
           CASE WHEN random() < 0.5 THEN '-' || (1 + floor(random() * 2)::int) ELSE '+' || (1 + floor(random() * 2)::int) END AS signed,
           (ARRAY['复核发现多记，调减','复核发现漏记入库，调增','包装破损清点更正'])[1 + floor(random() * 3)::int] AS reason,
           pg_temp.moment(random()) AS at
    FROM generate_series(1, 2000)) s
JOIN wh w ON w.town = s.town AND NOT w.village
JOIN town t ON t.n = s.town
JOIN it i ON i.town = s.town AND i.i = s.i;

-- warehouse: stock below its standard (one item per warehouse and item; personal kit per responder)
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                recurrences, scale, stubborn, res_zh, res_en, res_evidence, town)
SELECT 'BELOW_STANDARD', w.division, s.kind, w.id || ':' || i.id, w.name || ' ' || i.name,
       CASE WHEN s.kind = 'kit' THEN '应急队员 ' || s.need || ' 名，' || i.name || ' 仅 ' || s.have || i.unit || '，未达每人一套'
            ELSE i.name || ' 可用 ' || s.have || i.unit || '，低于配备标准 ' || s.need || i.unit END,
       CASE WHEN s.kind = 'kit' THEN s.need || ' responders but only ' || s.have || ' ' || i.unit || ' of ' || i.name
                                     || ': not one set each'
            ELSE i.name || ': ' || s.have || ' ' || i.unit || ' usable, standard is ' || s.need END,
       CASE WHEN s.kind = 'kit' THEN jsonb_build_object('responders', s.need, 'available', s.have::text, 'itemId', i.id)
            ELSE jsonb_build_object('available', s.have::text, 'minimum', s.need::text, 'itemId', i.id) END,
       s.first, s.first + s.rec * (prm.t_now - s.first) / 4, s.rec, 12, 0.08,
       CASE WHEN s.kind = 'kit' THEN '个人装备已达每人一套' ELSE '库存已达到配备标准' END,
       CASE WHEN s.kind = 'kit' THEN 'One set per responder' ELSE 'Stock meets the standard' END,
       jsonb_build_object('available', (s.need + 2)::text), w.town
FROM (
    SELECT DISTINCT ON (town, i, kind) *
    FROM (SELECT 1 + floor(random() * 20)::int AS town,
                 CASE WHEN g <= 900 THEN 3 * (1 + floor(random() * 100)::int)
                      ELSE (ARRAY[4, 10, 11, 25])[1 + floor(random() * 4)::int] + 33 * floor(random() * 9)::int END AS i,
                 CASE WHEN g <= 900 THEN 'standard' ELSE 'kit' END AS kind,
                 floor(random() * 3)::int AS rec, pg_temp.moment(random() * 0.6) AS first,
                 5 + floor(random() * 20)::int AS have, 30 + floor(random() * 20)::int AS need
          FROM generate_series(1, 1060) g) a) s
JOIN wh w ON w.town = s.town AND NOT w.village
JOIN it i ON i.town = s.town AND i.i = s.i
CROSS JOIN prm;

-- warehouse: lots past their expiry date still in stock (the lots warehouse.sql registers)
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                scale, res_zh, res_en, res_evidence, town)
SELECT 'EXPIRED_STOCK', w.division, 'lot', w.id || ':' || l.item_id || ':' || l.lot,
       w.name || ' ' || l.name || ' 批次' || l.lot,
       l.name || ' 批次 ' || l.lot || ' 保质期至 ' || pg_temp.zh_day(l.expires) || '，已过期，仍有 ' || l.qty || l.unit || ' 在库',
       l.name || ' lot ' || l.lot || ' was good until ' || l.expires || '; ' || l.qty || ' ' || l.unit || ' still in stock',
       jsonb_build_object('expiresOn', l.expires, 'quantity', l.qty::text, 'itemId', l.item_id, 'lot', l.lot),
       pg_temp.at_bj(l.expires + 1, time '00:10'), pg_temp.at_bj(l.expires + 1, time '00:10'), 6,
       '过期批次已出库、报废或轮换', 'The expired lot was issued, scrapped or rotated', jsonb_build_object('remaining', '0'),
       l.town
FROM (
    SELECT i.town, i.id AS item_id, i.name, i.unit,
           to_char(lt.t0 AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS lot,
           ((lt.t0 AT TIME ZONE 'Asia/Shanghai')::date + i.shelf_months * interval '1 month')::date AS expires,
           1 + floor(random() * 30)::int AS qty, random() AS pick
    FROM it i CROSS JOIN prm
    CROSS JOIN LATERAL (SELECT prm.t_start + k * interval '6 months' AS t0 FROM generate_series(0, 5) k) lt
    WHERE i.shelf_months IS NOT NULL) l
JOIN wh w ON w.town = l.town AND NOT w.village
CROSS JOIN prm
WHERE l.expires + 1 < prm.today AND l.pick < 0.16;

-- warehouse: stock kept in a zone of another category
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                scale, res_zh, res_en, town)
SELECT 'MIXED_STORAGE', w.division, 'stock', w.id || ':' || z.id || ':' || i.id, w.name || ' ' || i.name || '（' || z.name || '）',
       ic.zh || '物资“' || i.name || '”存放在' || z.zh || '区“' || z.name || '”，未分类存放',
       ic.en || ' item "' || i.name || '" kept in ' || z.en || ' zone "' || z.name || '"',
       jsonb_build_object('itemCategory', i.category, 'zoneCategory', z.category, 'quantity', s.qty::text),
       s.at, s.at, 4, '物资已移出不符的存放区', 'The stock left the zone of another category', w.town
FROM (SELECT DISTINCT ON (town, i, zk) * FROM (
          SELECT 1 + floor(random() * 20)::int AS town, 1 + floor(random() * 300)::int AS i, floor(random() * 2)::int AS zk,
                 1 + floor(random() * 50)::int AS qty, pg_temp.moment(random()) AS at
          FROM generate_series(1, 400)) a) s
JOIN wh w ON w.town = s.town AND NOT w.village
JOIN it i ON i.town = s.town AND i.i = s.i
JOIN (VALUES ('FLOOD', '防汛', 'flood control'), ('FIRE', '防火', 'fire fighting'), ('RELIEF', '救灾', 'disaster relief'))
    AS ic(category, zh, en) ON ic.category = i.category
JOIN LATERAL (SELECT * FROM zone z WHERE z.wh = w.id AND z.category <> i.category ORDER BY z.category OFFSET s.zk LIMIT 1) z
    ON true;

-- warehouse: items without their required label (the legacy fuel drums are still open)
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                scale, stubborn, res_zh, res_en, town)
SELECT 'ITEM_UNLABELED', i.division, 'item', i.id::text, i.name,
       '物资“' || i.name || '”标识不全，缺少：' || CASE i.kind WHEN 'FUEL' THEN '燃料类型' ELSE '电池类型' END,
       'Item "' || i.name || '" is not fully labelled; missing: ' || CASE i.kind WHEN 'FUEL' THEN 'fuel type' ELSE 'battery type' END,
       jsonb_build_object('missing', jsonb_build_array(CASE i.kind WHEN 'FUEL' THEN 'attributes.fuelType' ELSE 'attributes.batteryType' END),
                          'kind', i.kind),
       prm.t_start + interval '2 days' + i.i * interval '1 hour', prm.t_start + interval '2 days' + i.i * interval '1 hour',
       CASE WHEN legacy THEN 10 ELSE 8 END, CASE WHEN legacy THEN 1 ELSE 0 END,
       '标识信息已补全', 'Labelling attributes filled', i.town
FROM (SELECT i.*, i.kind = 'FUEL' AND (i.i - 1) / 33 + 1 = 9 AND i.town % 4 = 0 AS legacy FROM it i) i CROSS JOIN prm
WHERE (i.kind = 'FUEL' AND (i.i - 1) / 33 + 1 = 9 AND i.town % 4 = 0)
   OR (i.kind IN ('FUEL', 'BATTERY') AND (i.i - 1) / 33 + 1 = 8 AND i.town % 2 = 1);

-- warehouse: equipment (one item per device and rule, found again now and then)
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                recurrences, scale, res_zh, res_en, res_evidence, town)
SELECT s.rule, e.division, 'equipment', e.id::text, e.wh_name || ' ' || e.label,
       CASE s.rule
           WHEN 'BATTERY_LOW' THEN '“' || e.label || '”电量 ' || s.pct || '%，低于 80%'
           WHEN 'CHARGE_CHECK_OVERDUE' THEN '“' || e.label || '”自 ' || pg_temp.zh_day(pg_temp.bj_day(s.det) - s.iv)
                || ' 以来未检查电量（要求每 ' || s.iv || ' 天）'
           WHEN 'EQUIPMENT_FAULTY' THEN '“' || e.label || '”于 ' || pg_temp.zh_day(pg_temp.bj_day(s.det) - 7)
                || ' 检查发现故障，7 天内未修复或报废'
           ELSE '“' || e.label || '”于 ' || pg_temp.zh_day(pg_temp.bj_day(s.det) - 3) || ' 使用后归还，未在 3 天内检查' END,
       CASE s.rule
           WHEN 'BATTERY_LOW' THEN e.label || ' charged to ' || s.pct || '%, below 80%'
           WHEN 'CHARGE_CHECK_OVERDUE' THEN e.label || ': no charge reading since ' || (pg_temp.bj_day(s.det) - s.iv)
                || ' (every ' || s.iv || ' days required)'
           WHEN 'EQUIPMENT_FAULTY' THEN e.label || ' found faulty on ' || (pg_temp.bj_day(s.det) - 7)
                || ', not repaired or scrapped within 7 days'
           ELSE e.label || ' back from use on ' || (pg_temp.bj_day(s.det) - 3) || ' and not checked within 3 days' END,
       CASE s.rule
           WHEN 'BATTERY_LOW' THEN jsonb_build_object('percent', s.pct, 'threshold', 80, 'readAt', pg_temp.iso(s.det), 'kind', e.kind)
           WHEN 'CHARGE_CHECK_OVERDUE' THEN jsonb_build_object('since', pg_temp.iso(s.det - s.iv * interval '1 day'),
                'intervalDays', s.iv, 'kind', e.kind)
           WHEN 'EQUIPMENT_FAULTY' THEN jsonb_build_object('faultFoundAt', pg_temp.iso(s.det - interval '7 days'), 'limitDays', 7,
                'kind', e.kind)
           ELSE jsonb_build_object('returnedAt', pg_temp.iso(s.det - interval '3 days'), 'limitDays', 3) END,
       s.first, s.det, s.rec,
       CASE s.rule WHEN 'BATTERY_LOW' THEN 1.5 WHEN 'CHARGE_CHECK_OVERDUE' THEN 2 WHEN 'EQUIPMENT_FAULTY' THEN 5 ELSE 2 END,
       CASE s.rule WHEN 'BATTERY_LOW' THEN '电量已达标' WHEN 'CHARGE_CHECK_OVERDUE' THEN '已记录电量读数'
                   WHEN 'EQUIPMENT_FAULTY' THEN '已修复' ELSE '使用后已检查' END,
       CASE s.rule WHEN 'BATTERY_LOW' THEN 'Charged to the threshold' WHEN 'CHARGE_CHECK_OVERDUE' THEN 'A charge reading was recorded'
                   WHEN 'EQUIPMENT_FAULTY' THEN 'Repaired' ELSE 'Checked after use' END,
       CASE s.rule WHEN 'BATTERY_LOW' THEN '{"percent": 100}'::jsonb ELSE '{}'::jsonb END,
       e.town
FROM (
    SELECT r.rule, e.id AS eid, e.kind, floor(random() * 6)::int AS rec, 40 + floor(random() * 35)::int AS pct,
           CASE WHEN e.kind = 'SATELLITE_PHONE' THEN 14 ELSE 30 END AS iv,
           pg_temp.moment(random() * 0.5) AS first, random() AS pick, random() AS later
    FROM eq e CROSS JOIN (VALUES ('BATTERY_LOW', 0.7, true), ('CHARGE_CHECK_OVERDUE', 0.45, true),
                                 ('EQUIPMENT_FAULTY', 0.3, NULL), ('POST_USE_CHECK_MISSING', 0.65, false)) AS r(rule, share, battery)
    WHERE (r.battery IS NULL OR r.battery = e.battery) AND random() < r.share) s0
CROSS JOIN LATERAL (SELECT s0.*, s0.first + CASE WHEN s0.rec = 0 THEN interval '0' ELSE s0.later * (now() - interval '2 days' - s0.first) END AS det) s
JOIN eq e ON e.id = s.eid;

-- warehouse: extinguishers (one item per extinguisher and rule)
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                recurrences, scale, res_zh, res_en, res_evidence, town)
SELECT s.rule, x.division, 'extinguisher', x.id::text, x.wh_name || ' ' || x.label,
       CASE WHEN s.rule = 'EXTINGUISHER_EXPIRED'
            THEN '灭火器“' || x.label || '”在 ' || pg_temp.zh_day(pg_temp.bj_day(s.det)) || ' 的检查中不合格，无法使用'
            ELSE '灭火器“' || x.label || '”自 ' || pg_temp.zh_day(pg_temp.bj_day(s.det)) || ' 起逾期：' || s.what_zh END,
       CASE WHEN s.rule = 'EXTINGUISHER_EXPIRED'
            THEN 'Extinguisher ' || x.label || ' failed its check on ' || pg_temp.bj_day(s.det) || ' and cannot be used'
            ELSE 'Extinguisher ' || x.label || ' overdue since ' || pg_temp.bj_day(s.det) || ': ' || s.what_en END,
       CASE WHEN s.rule = 'EXTINGUISHER_EXPIRED'
            THEN jsonb_build_object('cause', 'failedCheck', 'checkedOn', pg_temp.bj_day(s.det))
            ELSE jsonb_build_object('overdue', jsonb_build_array(s.what), 'monthlyCheckDue', pg_temp.bj_day(s.det) - 1,
                 'annualInspectionDue', pg_temp.bj_day(s.det) + 120, 'serviceDue', pg_temp.bj_day(s.det) + 400) END,
       s.first, s.det, s.rec, CASE WHEN s.rule = 'EXTINGUISHER_EXPIRED' THEN 7 ELSE 5 END,
       CASE WHEN s.rule = 'EXTINGUISHER_EXPIRED' THEN '最近一次检查合格' ELSE '检查、检测均在期限内' END,
       CASE WHEN s.rule = 'EXTINGUISHER_EXPIRED' THEN 'The latest check found it usable' ELSE 'Checks and inspections are current' END,
       '{}'::jsonb, x.town
FROM (
    SELECT r.rule, x.id AS xid, floor(random() * 3)::int AS rec, pg_temp.moment(random() * 0.5) AS first, random() AS later,
           CASE WHEN random() < 0.75 THEN 'monthlyCheck' ELSE 'annualInspection' END AS what
    FROM ext x CROSS JOIN (VALUES ('EXTINGUISHER_INSPECTION_OVERDUE', 0.33), ('EXTINGUISHER_EXPIRED', 0.06)) AS r(rule, share)
    WHERE random() < r.share) s0
CROSS JOIN LATERAL (
    SELECT s0.*, s0.first + CASE WHEN s0.rec = 0 THEN interval '0' ELSE s0.later * (now() - interval '2 days' - s0.first) END AS det,
           CASE s0.what WHEN 'monthlyCheck' THEN '月度检查' ELSE '年度检测' END AS what_zh,
           CASE s0.what WHEN 'monthlyCheck' THEN 'monthly check' ELSE 'annual inspection' END AS what_en) s
JOIN ext x ON x.id = s.xid;

-- warehouse: warehouses — stocktakes overdue, facility risks (the third-floor warehouse of 王店乡, the
-- door of 双河乡 that cannot be opened by hand)
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                recurrences, scale, stubborn, res_zh, res_en, town)
SELECT 'STOCKTAKE_OVERDUE', w.division, 'warehouse', w.id::text, w.name,
       '自 ' || pg_temp.zh_day(pg_temp.bj_day(s.det) - 91) || ' 以来未盘点（要求每 90 天至少一次）',
       'Not counted since ' || (pg_temp.bj_day(s.det) - 91) || ' (every 90 days required)',
       jsonb_build_object('lastStocktakeAt', pg_temp.iso(s.det - interval '91 days'), 'limitDays', 90),
       s.first, s.det, s.rec, 6, CASE WHEN w.town IN (4, 11, 18) AND NOT w.village THEN 1 ELSE 0 END,
       '盘点已完成', 'A stocktake was completed', w.town
FROM wh w CROSS JOIN prm
CROSS JOIN LATERAL (
    SELECT w.town % 3 AS rec, prm.t_start + (100 + w.town * 9) * interval '1 day' AS first,
           CASE WHEN w.town IN (4, 11, 18) AND NOT w.village THEN prm.t_now - interval '8 days'
                ELSE prm.t_start + (100 + w.town * 9 + (w.town % 3) * 200) * interval '1 day' END AS det) s
WHERE w.town % 4 <> 1 OR w.town IN (4, 11, 18)
UNION ALL
SELECT 'FACILITY_RISK', w.division, 'warehouse', w.id::text, w.name,
       w.name || '设施检查不合格：' || f.zh, w.name || ' failed its facility inspection: ' || f.en,
       jsonb_build_object('failed', jsonb_build_array(f.en), 'inspectionId', gen_random_uuid(), 'inspectedOn', pg_temp.bj_day(f.det)),
       f.det, f.det, 0, 30, f.stub, '设施检查全部合格', 'The facility inspection passed', w.town
FROM wh w CROSS JOIN prm
JOIN LATERAL (VALUES
    (7, '物资不在一楼且无电梯', 'groundFloorOrLift', prm.t_start + interval '12 days', 1.0),
    (15, '仓库门无法手动开启', 'manualDoorRelease', prm.t_now - interval '40 days', 1.0),
    (3, '防潮不到位、有过水痕迹', 'dry', prm.t_start + interval '200 days', 0.0),
    (12, '备用电源电量不足', 'backupPowerCharged', prm.t_start + interval '500 days', 0.0)) AS f(town, zh, en, det, stub)
  ON f.town = w.town AND NOT w.village;

-- warehouse: stocktakes whose counts differed from the ledger — one item per stocktake, a line per stock line
-- (twenty of them with 400 lines)
CREATE TEMP TABLE doc AS
SELECT gen_random_uuid() AS id, w.town, w.division, w.id AS wh, w.name AS wh_name, s.det, s.n_lines, s.big
FROM (SELECT 1 + floor(random() * 20)::int AS town,
             pg_temp.at_bj(pg_temp.bj_day(pg_temp.moment(CASE WHEN g <= 20 THEN 0.67 + 0.32 * random() ELSE random() END)) - 1,
                           time '15:00') AS det,
             g <= 20 AS big, CASE WHEN g <= 20 THEN 400 ELSE 1 + floor(random() * random() * 8)::int END AS n_lines
      FROM generate_series(1, 1500) g) s
JOIN wh w ON w.town = s.town AND NOT w.village;

INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                scale, stubborn, res_zh, res_en, town, doc_lines)
SELECT 'LEDGER_MISMATCH', d.division, 'stocktake', d.id::text,
       d.wh_name || ' ' || extract(month FROM pg_temp.bj_day(d.det))::int || '月' || extract(day FROM pg_temp.bj_day(d.det))::int || '日盘点',
       NULL, NULL, NULL, d.det, d.det, CASE WHEN d.big THEN 4 ELSE 5 END, 0.04, NULL, NULL, d.town, d.n_lines
FROM doc d;

-- the rest of the 100,000: shifts. 8,000 leaders absent (LEADER_ABSENT) and the officers not checked in 15 minutes
-- after their shift began (NOT_CHECKED_IN) — the commonest finding; shifts begin at 08:00 or 20:00
SELECT 100000 - 8000 - (SELECT count(*) FROM ri) AS late \gset
INSERT INTO ri (rule, division, subject_type, subject_id, subject_label, summary_zh, summary_en, evidence, first_det, det,
                scale, stubborn, res_zh, res_en, res_evidence, town)
SELECT s.rule, m.division, 'shift', s.shift_id || ':' || m.id, m.name || ' ' || pg_temp.bj_minute(s.starts) || ' 班',
       s.role || m.name || ' 的班次 ' || pg_temp.bj_minute(s.starts) || ' 开始，15 分钟后仍未签到',
       s.role_en || ' ' || m.name || ' has not checked in 15 minutes after the shift starting ' || pg_temp.bj_minute(s.starts),
       jsonb_build_object('shiftId', s.shift_id, 'memberId', m.id, 'startsAt', pg_temp.iso(s.starts), 'phone', m.phone),
       s.starts + interval '15 minutes' + (s.r * 20) * interval '1 second',
       s.starts + interval '15 minutes' + (s.r * 20) * interval '1 second',
       0.03, 0.02, s.how, s.how, jsonb_build_object('shiftId', s.shift_id), m.town
FROM (
    SELECT g, CASE WHEN g <= :late THEN 'NOT_CHECKED_IN' ELSE 'LEADER_ABSENT' END AS rule,
           CASE WHEN g <= :late THEN '值班人员' ELSE '带班领导' END AS role,
           CASE WHEN g <= :late THEN 'Duty officer' ELSE 'Duty leader' END AS role_en,
           gen_random_uuid() AS shift_id, random() AS r,
           pg_temp.at_bj(pg_temp.bj_day(pg_temp.moment(random())) - 1, CASE WHEN random() < 0.6 THEN time '08:00' ELSE time '20:00' END) AS starts,
           1 + floor(random() * 1180)::int AS mk,
           CASE WHEN random() < 0.85 THEN '已签到（迟到）' ELSE '已由他人替班' END AS how
    FROM generate_series(1, :late + 8000) AS g) s
JOIN (SELECT *, row_number() OVER (ORDER BY division, j) AS mk FROM member) m USING (mk);


\echo '== keys, statuses, the five clears'

CREATE TEMP TABLE item AS
SELECT gen_random_uuid() AS id, r.*, rs.svc, rs.severity, rs.target,
       CASE rs.svc WHEN 'warehouse' THEN '/warehouse-service' WHEN 'drill' THEN '/drill-service' ELSE '/duty-roster-service' END AS source,
       rs.svc || '/' || r.division || '/' || r.rule || '/' || r.subject_type || '/' || r.subject_id AS key,
       random() < r.stubborn AS stub,
       r.rule IN ('FACILITY_RISK', 'TEAM_BELOW_MINIMUM', 'BELOW_STANDARD', 'MEMBER_OVER_AGE', 'THREE_OUTAGES_NOT_DRILLED',
                  'ITEM_UNLABELED', 'EQUIPMENT_FAULTY', 'COVERAGE_GAP', 'IMPROVEMENT_OVERDUE', 'STALE_ASSIGNMENT',
                  'EXTINGUISHER_EXPIRED', 'EXPIRED_STOCK', 'LEDGER_MISMATCH') AS long_term_ok,
       r.scale * -ln(1 - random()) AS res_days,
       random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
FROM ri r JOIN rulespec rs ON rs.rule = r.rule;

-- the default deadline from the current episode's detection, by severity (15 days medium, 7 high, 30 low)
ALTER TABLE item ADD COLUMN deadline date, ADD COLUMN t_res timestamptz, ADD COLUMN open_now boolean,
    ADD COLUMN status text, ADD COLUMN county_signoff boolean, ADD COLUMN t_close timestamptz,
    ADD COLUMN planned boolean, ADD COLUMN t_plan timestamptz, ADD COLUMN n_measures int,
    ADD COLUMN t_status timestamptz, ADD COLUMN open_lines int DEFAULT 0;
UPDATE item SET
    deadline = pg_temp.bj_day(det) + CASE severity WHEN 'high' THEN 7 WHEN 'medium' THEN 15 ELSE 30 END,
    t_res = det + res_days * interval '1 day';
UPDATE item i SET open_now = i.stub OR i.t_res > prm.t_now - interval '5 minutes' FROM prm;
UPDATE item i SET
    status = CASE
        WHEN NOT i.open_now THEN 'COMPLETED'
        -- 长期整改 for what takes building work, hiring or buying; not for a late check-in
        WHEN i.det < prm.t_now - interval '90 days' THEN CASE WHEN i.r1 < 0.45 AND i.long_term_ok THEN 'LONG_TERM'
                                                               WHEN i.r1 < 0.75 THEN 'BASICALLY_COMPLETED' ELSE 'NOT_COMPLETED' END
        WHEN i.det < prm.t_now - interval '30 days' THEN CASE WHEN i.r1 < 0.15 AND i.long_term_ok THEN 'LONG_TERM'
                                                               WHEN i.r1 < 0.45 THEN 'BASICALLY_COMPLETED' ELSE 'NOT_COMPLETED' END
        ELSE CASE WHEN i.r1 < 0.2 THEN 'BASICALLY_COMPLETED' ELSE 'NOT_COMPLETED' END END,
    -- the county office signs off some items on site before the source reports them gone
    county_signoff = NOT i.open_now AND i.r2 < 0.12 AND i.res_days > 0.5
FROM prm;
UPDATE item SET t_close = CASE WHEN county_signoff THEN det + res_days * 0.8 * interval '1 day' ELSE t_res END
WHERE status = 'COMPLETED';
-- the county fills in the five clears (整改目标、责任领导、责任部门、责任人、整改时限) of most items, within two
-- days (also of items already closed: the notice needs them)
UPDATE item SET t_plan = det + (2 + r3 * 46) * interval '1 hour';
UPDATE item SET planned = (r3 < 0.82 OR status <> 'COMPLETED') AND t_plan < now() - interval '1 hour';
-- a later deadline for some of the items still open after the first one
UPDATE item i SET deadline = i.deadline + (7 + floor(i.r4 * 24))::int
FROM prm
WHERE i.planned AND i.r4 < 0.25 AND (i.open_now OR i.t_close > pg_temp.at_bj(i.deadline - 3, time '00:00'))
  AND i.t_plan < prm.t_now;
-- measures for about half the items (more for those that stay open)
UPDATE item SET n_measures = CASE WHEN NOT planned THEN 0
                                  WHEN r5 < CASE WHEN status = 'COMPLETED' THEN 0.42 ELSE 0.85 END
                                      THEN 1 + (CASE WHEN r4 < 0.6 THEN 0 WHEN r4 < 0.9 THEN 1 ELSE 2 END)
                                  ELSE 0 END;
UPDATE item SET t_status = det + (1 + r2 * 3) * interval '1 day' WHERE status IN ('LONG_TERM', 'BASICALLY_COMPLETED');
UPDATE item i SET t_status = least(i.t_status, prm.t_now - interval '1 hour') FROM prm WHERE i.t_status IS NOT NULL;

-- stocktake items: their lines (open ones only on items still open)
CREATE TEMP TABLE line AS
SELECT i.id AS item_id, i.division, i.key AS item_key, i.det, i.status, i.t_close, d.wh, d.wh_name, i.subject_id AS stocktake_id,
       p.zone_id, p.zone_name, p.item_id AS stock_item, p.name, p.unit, p.lot, k,
       10 + floor(random() * 60)::int AS ledger, CASE WHEN random() < 0.6 THEN -1 ELSE 1 END * (1 + floor(random() * 3)::int) AS diff,
       random() AS r
FROM item i
JOIN doc d ON d.id::text = i.subject_id
CROSS JOIN LATERAL (
    SELECT z.id AS zone_id, z.name AS zone_name, it.id AS item_id, it.name, it.unit, coalesce(l.lot, '') AS lot,
           row_number() OVER (ORDER BY random()) AS k
    FROM it JOIN zone z ON z.wh = d.wh AND z.category = it.category
    -- shelf-life items are counted lot by lot: the lots warehouse.sql opened by then
    LEFT JOIN LATERAL (SELECT to_char((prm.t_start + k * interval '6 months') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS lot
                       FROM prm, generate_series(0, 5) AS k
                       WHERE it.shelf_months IS NOT NULL AND prm.t_start + k * interval '6 months' < i.det) l ON true
    WHERE it.town = d.town AND (it.shelf_months IS NULL OR l.lot IS NOT NULL)) p
WHERE i.rule = 'LEDGER_MISMATCH' AND p.k <= i.doc_lines;
ALTER TABLE line ADD COLUMN line_open boolean, ADD COLUMN resolved_at timestamptz, ADD COLUMN key text;
UPDATE line SET line_open = status <> 'COMPLETED' AND r < 0.7,
                resolved_at = CASE WHEN status = 'COMPLETED' THEN t_close - r * (t_close - det) * 0.5
                                   WHEN r >= 0.7 THEN det + r * (now() - det) * 0.5 END;
-- a stock line counted short again in a later stocktake: the older line keeps its own key (archived, '@')
UPDATE line l SET key = x.key
FROM (SELECT item_id, zone_id, stock_item, lot,
             'warehouse/' || division || '/LEDGER_MISMATCH/stock/' || wh || ':' || zone_id || ':' || stock_item || ':' || lot
                 || CASE WHEN row_number() OVER (PARTITION BY wh, zone_id, stock_item, lot ORDER BY line_open DESC, det DESC) > 1
                         THEN '@' || gen_random_uuid() ELSE '' END AS key
      FROM line) x
WHERE x.item_id = l.item_id AND x.zone_id = l.zone_id AND x.stock_item = l.stock_item AND x.lot = l.lot;
UPDATE line SET line_open = false, resolved_at = coalesce(resolved_at, det + interval '3 days') WHERE key LIKE '%@%' AND line_open;
UPDATE item i SET open_lines = c.open, summary_zh = i.subject_label || '：' || c.total || ' 项账实不符'
        || CASE WHEN c.open > 0 AND c.open < c.total THEN '，已解决 ' || (c.total - c.open) || ' 项' ELSE '' END,
    summary_en = i.subject_label || ': ' || c.total || ' counts differing from the ledger'
        || CASE WHEN c.open > 0 AND c.open < c.total THEN ', ' || (c.total - c.open) || ' resolved' ELSE '' END,
    evidence = jsonb_build_object('lines', c.total, 'openLines', c.open),
    res_zh = '系统核验：' || c.total || ' 项均已消除'
FROM (SELECT item_id, count(*) AS total, count(*) FILTER (WHERE line_open) AS open FROM line GROUP BY item_id) c
WHERE c.item_id = i.id;
-- an open stocktake item with every line resolved would have been closed by the system
UPDATE item SET open_lines = 1 WHERE rule = 'LEDGER_MISMATCH' AND status <> 'COMPLETED' AND open_lines = 0;
UPDATE line l SET line_open = true, resolved_at = NULL
FROM (SELECT DISTINCT ON (item_id) item_id, key FROM line WHERE status <> 'COMPLETED'
      ORDER BY item_id, key LIKE '%@%', key) f
WHERE l.key = f.key AND NOT l.line_open
  AND NOT EXISTS (SELECT 1 FROM line o WHERE o.item_id = l.item_id AND o.line_open);
UPDATE item i SET evidence = jsonb_build_object('lines', c.total, 'openLines', c.open), open_lines = c.open
FROM (SELECT item_id, count(*) AS total, count(*) FILTER (WHERE line_open) AS open FROM line GROUP BY item_id) c
WHERE c.item_id = i.id;

\echo '== rectification_item'

INSERT INTO rectification_item (id, discrepancy_key, source, rule, severity, division, subject_type, subject_id, subject_label,
    summary_zh, summary_en, evidence, first_detected_at, detected_at, finding_open, recurrences, status, target,
    responsible_leader, responsible_department, responsible_person, deadline, verified_by, verified_by_name, verified_at,
    verification_evidence, resolution, closed_at, reminded_for, escalated_for, created_at, updated_at, version,
    line_count, open_line_count)
SELECT i.id, i.key, i.source, i.rule, i.severity, i.division, i.subject_type, i.subject_id, i.subject_label,
       i.summary_zh, i.summary_en, coalesce(i.evidence, '{}'), i.first_det, i.det,
       i.open_now, i.recurrences, i.status,
       CASE WHEN i.planned THEN i.target END,
       CASE WHEN i.planned THEN CASE WHEN length(i.division) = 12 THEN v.name || '党支部书记' ELSE t.name || t.deputy END END,
       CASE WHEN i.planned THEN CASE WHEN length(i.division) = 12 THEN v.name || '村民委员会'
                                     WHEN i.svc = 'duty' THEN t.name || '党政办公室' ELSE t.name || '应急管理办公室' END END,
       CASE WHEN i.planned THEN CASE WHEN i.svc = 'warehouse' THEN t.name || '仓库保管员 ' || t.keeper_b
                                     ELSE t.name || '应急办 ' || p.name END END,
       i.deadline,
       CASE WHEN i.status = 'COMPLETED' THEN CASE WHEN i.county_signoff THEN 'county-419901' ELSE 'system' END END,
       CASE WHEN i.status = 'COMPLETED' THEN CASE WHEN i.county_signoff THEN '基准县应急管理局 ' || o.name ELSE '系统' END END,
       CASE WHEN i.status = 'COMPLETED' THEN i.t_close END,
       CASE WHEN i.status = 'COMPLETED' THEN CASE WHEN i.county_signoff THEN '现场核查：' || rs.ev1
                                                  WHEN i.rule = 'LEDGER_MISMATCH' THEN i.res_zh
                                                  ELSE '系统核验：' || i.res_zh END END,
       CASE WHEN NOT i.open_now THEN
           CASE WHEN i.rule = 'LEDGER_MISMATCH' THEN jsonb_build_object('resolvedAt', pg_temp.iso(i.t_res), 'lines', i.doc_lines)
                ELSE jsonb_build_object('resolvedAt', pg_temp.iso(i.t_res), 'reason', jsonb_build_object('zh', i.res_zh, 'en', i.res_en),
                                        'evidence', i.res_evidence) END END,
       CASE WHEN i.status = 'COMPLETED' THEN i.t_close END,
       NULL, NULL,
       -- the ledger saw the first episode when it happened
       i.first_det + interval '2 seconds',
       greatest(i.first_det + interval '1 second', i.det, i.t_close, CASE WHEN NOT i.open_now THEN i.t_res END, i.t_status,
                CASE WHEN i.planned THEN i.t_plan END) + interval '1 second',
       0, CASE WHEN i.rule = 'LEDGER_MISMATCH' THEN i.doc_lines ELSE 0 END, i.open_lines
FROM item i
JOIN rulespec rs ON rs.rule = i.rule
JOIN town t ON t.code = left(i.division, 9)
LEFT JOIN village v ON v.code = i.division
JOIN person p ON p.town = t.n AND p.person = abs(hashtext(i.id::text)) % 40
CROSS JOIN LATERAL (SELECT (ARRAY['周立新','何文静','宋志远'])[1 + abs(hashtext(i.key)) % 3] AS name) o;

INSERT INTO item_line (discrepancy_key, item_id, rule, severity, subject_type, subject_id, subject_label, summary_zh,
                       summary_en, evidence, finding_open, detected_at, resolved_at, resolution, updated_at)
SELECT l.key, l.item_id, 'LEDGER_MISMATCH', 'high', 'stock', l.wh || ':' || l.zone_id || ':' || l.stock_item || ':' || l.lot,
       l.wh_name || ' ' || l.name || CASE WHEN l.lot = '' THEN '' ELSE ' 批次' || l.lot END || '（' || l.zone_name || '）',
       '盘点实存 ' || (l.ledger + l.diff) || l.unit || '，账面 ' || l.ledger || l.unit || '，'
           || CASE WHEN l.diff > 0 THEN '盘盈 ' ELSE '盘亏 ' END || abs(l.diff) || l.unit,
       'Counted ' || (l.ledger + l.diff) || ', ledger says ' || l.ledger || ': '
           || CASE WHEN l.diff > 0 THEN 'surplus' ELSE 'shortage' END || ' of ' || abs(l.diff),
       jsonb_build_object('stocktakeId', l.stocktake_id, 'counted', (l.ledger + l.diff)::text, 'ledger', l.ledger::text,
                          'difference', l.diff::text, 'itemId', l.stock_item, 'zoneId', l.zone_id, 'lot', l.lot),
       l.line_open, l.det,
       CASE WHEN NOT l.line_open THEN l.resolved_at END,
       CASE WHEN NOT l.line_open THEN jsonb_build_object('resolvedAt', pg_temp.iso(l.resolved_at),
           'reason', jsonb_build_object('zh', '盘点差异已审批并更正入账', 'en', 'The stocktake difference was approved and posted'),
           'evidence', jsonb_build_object('stocktakeId', l.stocktake_id)) END,
       coalesce(l.resolved_at, l.det)
FROM line l;

\echo '== measures'

CREATE TEMP TABLE meas AS
SELECT gen_random_uuid() AS id, i.id AS item_id, m.pos, i.rule, i.status AS item_status, i.det, i.t_plan, i.t_close, i.division,
       (ARRAY[rs.m1, rs.m2, rs.m3])[m.pos] AS description, (ARRAY[rs.ev1, rs.ev2, rs.ev3])[m.pos] AS ev,
       CASE WHEN length(i.division) = 12 THEN v.name || '村民委员会'
            WHEN i.svc = 'duty' THEN t.name || '党政办公室' ELSE t.name || '应急管理办公室' END AS owner,
       i.t_plan + m.pos * interval '3 minutes' AS created_at,
       pg_temp.bj_day(i.t_plan) + 3 + m.pos * (2 + floor(random() * 8)::int) AS deadline,
       random() AS r,
       (ARRAY['周立新','何文静','宋志远'])[1 + abs(hashtext(i.key)) % 3] AS officer, t.name AS town_name
FROM item i
JOIN rulespec rs ON rs.rule = i.rule
JOIN town t ON t.code = left(i.division, 9)
LEFT JOIN village v ON v.code = i.division
CROSS JOIN LATERAL generate_series(1, i.n_measures) AS m(pos)
WHERE i.n_measures > 0;
ALTER TABLE meas ADD COLUMN status text, ADD COLUMN done_at timestamptz;
UPDATE meas m SET
    status = CASE
        WHEN m.item_status = 'COMPLETED' THEN 'DONE'
        WHEN m.item_status = 'BASICALLY_COMPLETED' THEN CASE WHEN m.pos = 1 OR m.r < 0.6 THEN 'DONE' ELSE 'IN_PROGRESS' END
        WHEN m.item_status = 'LONG_TERM' THEN CASE WHEN m.pos = 1 AND m.r < 0.5 THEN 'DONE' ELSE 'IN_PROGRESS' END
        ELSE CASE WHEN m.r < 0.25 THEN 'DONE' WHEN m.r < 0.7 THEN 'IN_PROGRESS' ELSE 'PLANNED' END END;
UPDATE meas m SET done_at = least(
        CASE WHEN m.t_close IS NOT NULL AND m.t_close > m.created_at + interval '1 hour'
             THEN m.created_at + (m.t_close - m.created_at) * (0.3 + 0.6 * m.r)
             ELSE m.created_at + (0.5 + m.r * 4) * interval '1 day' END,
        prm.t_now - interval '10 minutes')
FROM prm WHERE m.status = 'DONE';

INSERT INTO rectification_measure (id, item_id, position, description, owner, deadline, status, evidence, done_at, done_by,
                                   reminded_for, escalated_for, created_by, created_at, updated_at, version)
SELECT m.id, m.item_id, m.pos, m.description, m.owner, m.deadline, m.status,
       CASE WHEN m.status = 'DONE' THEN m.ev END, m.done_at,
       CASE WHEN m.status = 'DONE' THEN m.owner END,
       CASE WHEN m.status <> 'DONE' AND i.status <> 'COMPLETED' AND m.deadline <= prm.today + 3 THEN m.deadline END,
       CASE WHEN m.status <> 'DONE' AND i.status <> 'COMPLETED' AND m.deadline < prm.today THEN m.deadline END,
       'county-419901', m.created_at, coalesce(m.done_at, m.created_at),
       CASE m.status WHEN 'DONE' THEN 1 WHEN 'IN_PROGRESS' THEN 1 ELSE 0 END
FROM meas m JOIN item i ON i.id = m.item_id CROSS JOIN prm;

\echo '== history and alerts'

-- reminders and escalations the sweep would have made: a pursued item (未完成/基本完成) still open three
-- days before its deadline is reminded, one still open after it is escalated
CREATE TEMP TABLE chase AS
SELECT i.id, i.det, i.deadline, i.severity, i.summary_zh, i.summary_en,
       pg_temp.at_bj(i.deadline - 3, time '00:07') AS t_remind, pg_temp.at_bj(i.deadline + 1, time '00:07') AS t_escalate,
       coalesce(i.t_close, prm.t_now) AS t_end, i.t_status, i.status
FROM item i CROSS JOIN prm;
DELETE FROM chase c USING item i WHERE c.id = i.id AND i.status = 'LONG_TERM';

CREATE TEMP TABLE hist (item_id uuid, at timestamptz, actor text, actor_name text, kind text, detail jsonb, o int);

INSERT INTO hist
SELECT i.id, i.first_det + interval '2 seconds', 'system', '系统', 'OPENED',
       CASE WHEN i.rule = 'LEDGER_MISMATCH' THEN jsonb_build_object('source', i.source, 'detectedAt', pg_temp.iso(i.first_det),
                                                                    'document', i.subject_label)
            ELSE jsonb_build_object('source', i.source, 'detectedAt', pg_temp.iso(i.first_det)) END, 0
FROM item i;
-- earlier episodes of a subject found again: resolved by the source, then reopened
INSERT INTO hist
SELECT i.id, i.first_det + (k - 0.5) * (i.det - i.first_det) / (i.recurrences + 1), 'system', '系统', 'VERIFIED_BY_SYSTEM',
       jsonb_build_object('resolvedAt', pg_temp.iso(i.first_det + (k - 0.5) * (i.det - i.first_det) / (i.recurrences + 1)),
                          'closedItem', true,
                          'resolution', jsonb_build_object('reason', jsonb_build_object('zh', i.res_zh, 'en', i.res_en))), 1
FROM item i CROSS JOIN LATERAL generate_series(1, i.recurrences) AS k
WHERE i.recurrences > 0
UNION ALL
SELECT i.id, i.first_det + k * (i.det - i.first_det) / (i.recurrences + 1) + interval '2 seconds', 'system', '系统', 'REOPENED',
       jsonb_build_object('recurrences', k, 'previousStatus', 'COMPLETED',
                          'detectedAt', pg_temp.iso(i.first_det + k * (i.det - i.first_det) / (i.recurrences + 1))), 2
FROM item i CROSS JOIN LATERAL generate_series(1, i.recurrences) AS k
WHERE i.recurrences > 0;
-- the five clears
INSERT INTO hist
SELECT i.id, i.t_plan, 'county-419901', '基准县应急管理局 ' || (ARRAY['周立新','何文静','宋志远'])[1 + abs(hashtext(i.key)) % 3],
       'PLAN_CHANGED',
       jsonb_build_object('before', jsonb_build_object('target', NULL, 'responsibleLeader', NULL, 'responsibleDepartment', NULL,
                                                        'responsiblePerson', NULL,
                                                        'deadline', pg_temp.bj_day(i.det) + CASE i.severity WHEN 'high' THEN 7
                                                                                    WHEN 'medium' THEN 15 ELSE 30 END),
                          'after', jsonb_build_object('target', r.target, 'responsibleLeader', r.responsible_leader,
                                                       'responsibleDepartment', r.responsible_department,
                                                       'responsiblePerson', r.responsible_person, 'deadline', r.deadline)), 3
FROM item i JOIN rectification_item r ON r.id = i.id
WHERE i.planned AND i.t_plan < now();
-- measures added, and done
INSERT INTO hist
SELECT m.item_id, m.created_at, 'county-419901', '基准县应急管理局 ' || m.officer, 'MEASURE_ADDED',
       jsonb_build_object('measure', m.pos, 'description', m.description, 'owner', m.owner, 'deadline', m.deadline), 4
FROM meas m WHERE m.created_at < now()
UNION ALL
SELECT m.item_id, m.done_at, m.town_name || '应急办', m.owner, 'MEASURE_CHANGED',
       jsonb_build_object('measure', m.pos, 'from', 'IN_PROGRESS', 'to', 'DONE', 'evidence', m.ev), 5
FROM meas m WHERE m.status = 'DONE';
-- status decided by the county: long-term, basically completed
INSERT INTO hist
SELECT i.id, i.t_status, 'county-419901', '基准县应急管理局 ' || (ARRAY['周立新','何文静','宋志远'])[1 + abs(hashtext(i.key)) % 3],
       'STATUS_CHANGED',
       CASE i.status WHEN 'LONG_TERM' THEN jsonb_build_object('from', 'NOT_COMPLETED', 'to', 'LONG_TERM',
                                                              'note', '涉及设施改造和人员调整，需长期坚持')
                     ELSE jsonb_build_object('from', 'NOT_COMPLETED', 'to', 'BASICALLY_COMPLETED', 'note', '主要措施已落实') END, 6
FROM item i WHERE i.t_status IS NOT NULL;
-- reminders and escalations
INSERT INTO hist
SELECT c.id, c.t_remind, 'system', '系统', 'REMINDED', jsonb_build_object('deadline', c.deadline), 7
FROM chase c CROSS JOIN prm
WHERE c.t_remind < c.t_end AND c.t_remind < prm.t_now AND c.t_remind > c.det
UNION ALL
SELECT c.id, c.t_escalate, 'system', '系统', 'ESCALATED', jsonb_build_object('deadline', c.deadline), 8
FROM chase c CROSS JOIN prm
WHERE c.t_escalate < c.t_end AND c.t_escalate < prm.t_now;
-- closing: the source reported it gone (the system verifies), or the county signed it off first
INSERT INTO hist
SELECT i.id, i.t_close, 'county-419901', '基准县应急管理局 ' || (ARRAY['周立新','何文静','宋志远'])[1 + abs(hashtext(i.key)) % 3],
       'SIGNED_OFF', jsonb_build_object('from', 'NOT_COMPLETED', 'evidence', '现场核查：' || rs.ev1, 'findingOpen', true), 9
FROM item i JOIN rulespec rs ON rs.rule = i.rule WHERE i.county_signoff
UNION ALL
SELECT i.id, i.t_res, 'system', '系统', 'VERIFIED_BY_SYSTEM',
       jsonb_build_object('resolvedAt', pg_temp.iso(i.t_res), 'closedItem', NOT i.county_signoff,
                          'resolution', r.resolution), 10
FROM item i JOIN rectification_item r ON r.id = i.id WHERE NOT i.open_now;

-- the measures of items not completed: reminded three days before their deadline, escalated after it
INSERT INTO hist
SELECT m.item_id, pg_temp.at_bj(m.deadline - 3, time '00:08'), 'system', '系统', 'REMINDED',
       jsonb_build_object('measure', m.pos, 'deadline', m.deadline), 11
FROM meas m JOIN item i ON i.id = m.item_id CROSS JOIN prm
WHERE m.status <> 'DONE' AND i.status <> 'COMPLETED' AND m.deadline - 3 <= prm.today
  AND pg_temp.at_bj(m.deadline - 3, time '00:08') > m.created_at
UNION ALL
SELECT m.item_id, pg_temp.at_bj(m.deadline + 1, time '00:08'), 'system', '系统', 'ESCALATED',
       jsonb_build_object('measure', m.pos, 'deadline', m.deadline), 12
FROM meas m JOIN item i ON i.id = m.item_id CROSS JOIN prm
WHERE m.status <> 'DONE' AND i.status <> 'COMPLETED' AND m.deadline < prm.today;
DELETE FROM hist WHERE at > now();

-- the item's reminder/escalation marks and version, as the last of these steps left them
UPDATE rectification_item r SET
    reminded_for = CASE WHEN h.reminded OR h.escalated THEN r.deadline END,
    escalated_for = CASE WHEN h.escalated THEN r.deadline END,
    version = h.changes
FROM (SELECT item_id, bool_or(kind = 'REMINDED' AND NOT detail ? 'measure') AS reminded,
             bool_or(kind = 'ESCALATED' AND NOT detail ? 'measure') AS escalated,
             count(*) FILTER (WHERE kind NOT IN ('MEASURE_ADDED', 'MEASURE_CHANGED')) - 1 AS changes
      FROM hist GROUP BY item_id) h
WHERE h.item_id = r.id;

INSERT INTO item_history (item_id, at, actor, actor_name, kind, detail)
SELECT item_id, at, actor, actor_name, kind, detail FROM hist ORDER BY at, o;

-- alerts: one when an item opens, one per recurrence, reminder and escalation (not for measures' own deadlines
-- of completed items); most acknowledged by the county office, the recent ones less often
CREATE TEMP TABLE al AS
SELECT i.id AS item_id, i.division, i.severity, 'OPENED' AS kind,
       '发现问题：' || CASE WHEN i.rule = 'LEDGER_MISMATCH' THEN i.subject_label || '：账实不符' ELSE i.first_zh END AS title_zh,
       'New finding: ' || CASE WHEN i.rule = 'LEDGER_MISMATCH' THEN i.subject_label || ': counts differ from the ledger'
                               ELSE coalesce(i.first_en, i.first_zh) END AS title_en,
       i.first_det + interval '2 seconds' AS created_at
FROM (SELECT *, summary_zh AS first_zh, summary_en AS first_en FROM item) i
UNION ALL
SELECT h.item_id, i.division, CASE WHEN i.severity = 'low' THEN 'medium' ELSE 'high' END, 'REOPENED',
       '问题复发（第 ' || (h.detail->>'recurrences') || ' 次）：' || i.summary_zh,
       'Finding recurred (' || (h.detail->>'recurrences') || ' times): ' || coalesce(i.summary_en, i.summary_zh), h.at
FROM hist h JOIN item i ON i.id = h.item_id WHERE h.kind = 'REOPENED'
UNION ALL
SELECT h.item_id, i.division, CASE WHEN h.kind = 'REMINDED' THEN 'low' ELSE 'high' END,
       CASE WHEN h.kind = 'REMINDED' THEN 'ITEM_DUE_SOON' ELSE 'ITEM_OVERDUE' END,
       CASE WHEN h.kind = 'REMINDED' THEN '整改将于 ' || (h.detail->>'deadline') || ' 到期：'
            ELSE '整改已逾期（时限 ' || (h.detail->>'deadline') || '）：' END || i.summary_zh,
       CASE WHEN h.kind = 'REMINDED' THEN 'Rectification due ' || (h.detail->>'deadline') || ': '
            ELSE 'Rectification overdue (due ' || (h.detail->>'deadline') || '): ' END || coalesce(i.summary_en, i.summary_zh),
       h.at
FROM hist h JOIN item i ON i.id = h.item_id WHERE h.kind IN ('REMINDED', 'ESCALATED') AND NOT h.detail ? 'measure'
UNION ALL
SELECT h.item_id, i.division, CASE WHEN h.kind = 'REMINDED' THEN 'low' ELSE 'high' END,
       CASE WHEN h.kind = 'REMINDED' THEN 'MEASURE_DUE_SOON' ELSE 'MEASURE_OVERDUE' END,
       '整改措施“' || m.what || '”' || CASE WHEN h.kind = 'REMINDED' THEN '将于 ' || m.deadline || ' 到期：'
                                          ELSE '已逾期（时限 ' || m.deadline || '）：' END || i.summary_zh,
       'Measure "' || m.what || '" ' || CASE WHEN h.kind = 'REMINDED' THEN 'due ' || m.deadline || ': '
                                           ELSE 'overdue (due ' || m.deadline || '): ' END || coalesce(i.summary_en, i.summary_zh),
       h.at
FROM hist h JOIN item i ON i.id = h.item_id
JOIN (SELECT item_id, pos, deadline,
             CASE WHEN length(description) <= 40 THEN description ELSE left(description, 39) || '…' END AS what FROM meas) m
  ON m.item_id = h.item_id AND m.pos = (h.detail->>'measure')::int
WHERE h.kind IN ('REMINDED', 'ESCALATED') AND h.detail ? 'measure';

-- history written, triggers off for the alerts only: no NOTIFY per historical alert (a superuser may; as the
-- services' user every alert is announced, which the live feeds take as so many ticks)
\if :su
SET LOCAL session_replication_role = replica;
\endif
INSERT INTO alert (item_id, division, severity, kind, title_zh, title_en, created_at, acknowledged_at, acknowledged_by,
                   acknowledged_by_name)
SELECT a.item_id, a.division, a.severity, a.kind, a.title_zh, a.title_en, a.created_at,
       CASE WHEN ack THEN a.created_at + (0.2 + random() * 48) * interval '1 hour' END,
       CASE WHEN ack THEN 'county-419901' END,
       CASE WHEN ack THEN '基准县应急管理局 ' || (ARRAY['周立新','何文静','宋志远'])[1 + abs(hashtext(a.item_id::text)) % 3] END
FROM al a CROSS JOIN prm
CROSS JOIN LATERAL (SELECT CASE WHEN a.created_at < prm.t_now - interval '14 days' THEN random() < 0.93
                                ELSE random() < 0.35 END
                           AND a.created_at < prm.t_now - interval '3 hours' AS ack) k
ORDER BY a.created_at;
\if :su
SET LOCAL session_replication_role = origin;
\endif
UPDATE alert SET acknowledged_at = least(acknowledged_at, now() - interval '1 minute')
WHERE division LIKE '419901%' AND acknowledged_at > now();

\echo '== checks'

DO $$
DECLARE bad bigint;
BEGIN
    SELECT count(*) INTO bad FROM rectification_item
    WHERE division LIKE '419901%' AND (
          (status = 'COMPLETED') = finding_open AND NOT (status = 'COMPLETED' AND verified_by <> 'system')
       OR first_detected_at > detected_at OR created_at > updated_at OR detected_at > now()
       OR (rule = 'LEDGER_MISMATCH') <> (line_count > 0) OR open_line_count > line_count
       OR (status = 'COMPLETED' AND rule = 'LEDGER_MISMATCH' AND open_line_count > 0));
    IF bad > 0 THEN
        RAISE EXCEPTION 'generator bug: % items inconsistent', bad;
    END IF;
    SELECT count(*) INTO bad FROM rectification_item i
    WHERE i.division LIKE '419901%' AND i.line_count <> (SELECT count(*) FROM item_line l WHERE l.item_id = i.id);
    IF bad > 0 THEN
        RAISE EXCEPTION 'generator bug: % items whose line counts differ from their lines', bad;
    END IF;
    -- kept by the measures_counted trigger (V8) as the measures were inserted
    SELECT count(*) INTO bad FROM rectification_item i
    LEFT JOIN (SELECT item_id, count(*) AS total, count(*) FILTER (WHERE status = 'DONE') AS done
               FROM rectification_measure GROUP BY item_id) m ON m.item_id = i.id
    WHERE i.division LIKE '419901%'
      AND (i.measure_count <> coalesce(m.total, 0) OR i.measures_done <> coalesce(m.done, 0));
    IF bad > 0 THEN
        RAISE EXCEPTION 'generator bug: % items whose measure counts differ from their measures', bad;
    END IF;
END $$;

SELECT 'division' AS what, count(*) FROM division WHERE code LIKE '419901%'
UNION ALL SELECT 'rectification_item', count(*) FROM rectification_item WHERE division LIKE '419901%'
UNION ALL SELECT 'rectification_measure', count(*) FROM rectification_measure m JOIN item i ON i.id = m.item_id
UNION ALL SELECT 'item_history', count(*) FROM item_history h JOIN item i ON i.id = h.item_id
UNION ALL SELECT 'alert', count(*) FROM alert WHERE division LIKE '419901%'
UNION ALL SELECT 'item_line', count(*) FROM item_line l JOIN item i ON i.id = l.item_id;

\if :dry
ROLLBACK;
\else
COMMIT;
-- one tick for the live feeds (they read what is new themselves)
SELECT pg_notify('beiqin_alert', '');
\endif
ANALYZE rectification_item;
ANALYZE item_history;
ANALYZE alert;
