// Every page of the console, in menu order: each is one module with its template and its Alpine
// component, shown to the roles listed.
import attention from './attention.js';
import stock from './stock.js';
import move from './move.js';
import stocktake from './stocktake.js';
import equipment from './equipment.js';
import facility from './facility.js';
import catalogue from './catalogue.js';
import duty from './duty.js';
import roster from './roster.js';
import drills from './drills.js';
import users from './users.js';
import divisions from './divisions.js';
import alerts from './alerts.js';
import ledger from './ledger.js';
import item from './item.js';
import approvals from './approvals.js';
import stats from './stats.js';

// (each user starts on the first page of the list open to them: a keeper at 本周待办, a duty officer at his
// duty, the county office at its alerts, an administrator at the users)
export default [attention, stock, move, stocktake, equipment, facility, catalogue, duty, users, divisions, alerts, ledger, approvals,
  stats, roster, drills, item];
