// Every page of the console, in menu order: each is one module with its template and its Alpine
// component, shown to the roles listed.
import stock from './stock.js';
import move from './move.js';
import stocktake from './stocktake.js';
import equipment from './equipment.js';
import attention from './attention.js';
import duty from './duty.js';
import users from './users.js';
import divisions from './divisions.js';
import alerts from './alerts.js';
import ledger from './ledger.js';
import item from './item.js';
import approvals from './approvals.js';
import stats from './stats.js';

export default [stock, move, stocktake, equipment, attention, duty, users, divisions, alerts, ledger, approvals, stats, item];
