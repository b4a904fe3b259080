/**
 * The service worker's entry. MV3 rule: every listener is registered synchronously, here, before any
 * await — a worker woken by an event only delivers it to listeners that already exist (engineering
 * guide §2). Nothing else belongs in this file, except the one call at its end (R60).
 *
 * Deliberately not listened to: tabs.onUpdated (it fires many times per page load in every tab and would
 * wake the worker, with jsforce, all day). Navigation inside a Salesforce tab is seen at the next alarm
 * (the active tab is checked then) and on Task pages through the badge's getTaskBadge.
 */
import {Dexie} from 'dexie';
import browser from 'webextension-polyfill';
import {openTicklerDb} from '@/shared/store/open-db.js';
import {announceStoreChanged} from '@/shared/store/store-changed.js';
import {onAlarm} from './runner/alarm-dispatch.js';
import {createBackgroundApi} from './background-api.js';
import {
	onCookieChanged,
	onIdleStateChanged,
	onTabActivated,
	onWorkerStart,
	onWorkerWake,
} from './runner/browser-events.js';
import {openSettingsOnFirstInstall} from './accounts/first-run.js';
import {serveBackgroundApi} from './messaging/router.js';
import {onStorageChanged} from './name-sync/name-sync-triggers.js';
import {openCredentialsDb} from './oauth/token-store.js';
import {checkReminders, onReminderAlarm} from './alerts/alert-alarm.js';
import {notificationListeners} from './alerts/notification-listeners.js';
import type {WorkerDbs} from './worker-db.js';
import {createRemindMenu, onRemindMenuClicked} from './context-menu/remind-menu.js';
import {applyToolbarOpens, openSidebarOnActionClick, toolbarOpensChoice} from './side-panel/toolbar-opens.js';

// The worker's databases, opened here only and passed down (worker-db.ts). Handles, not state: what they reach
// lives in IndexedDB and survives the worker being stopped.
const dbs: WorkerDbs = Object.freeze({db: openTicklerDb(), credentials: openCredentialsDb()});
const {db} = dbs;
const notifications = notificationListeners(dbs);

serveBackgroundApi(createBackgroundApi(dbs));
// Every committed write (the engine's, the popup's and the settings page's, all through this worker) tells an
// open popup to re-read: the popup reads IndexedDB without Dexie, so it cannot watch the store itself (R22).
Dexie.on('storagemutated', announceStoreChanged);
browser.alarms.onAlarm.addListener(alarm => void onAlarm(dbs, alarm));
// R31: reminder times. The alarm wakes a stopped worker; at browser start, missed ones come once, marked late.
browser.alarms.onAlarm.addListener(alarm => void onReminderAlarm(db, alarm));
// `notifications` is optional: without it the API is absent, so its listeners come only when it is granted.
notifications.listen();
browser.permissions.onAdded.addListener(added => notifications.onPermissionsAdded(added));
browser.runtime.onStartup.addListener(() => void checkReminders(db));
browser.runtime.onInstalled.addListener(() => void checkReminders(db));
browser.runtime.onInstalled.addListener(() => void onWorkerStart(dbs));
browser.runtime.onInstalled.addListener(details => void openSettingsOnFirstInstall(details));
browser.runtime.onStartup.addListener(() => void onWorkerStart(dbs));
// Issue 24: the toolbar button opens the popup or the side panel, as chosen (set again at each start), and
// R51's "Remind me about this" menu entry shows its draft in the same place; the click only proposes.
browser.action.onClicked.addListener(() => openSidebarOnActionClick());
browser.runtime.onInstalled.addListener(() => void applyToolbarOpens());
browser.runtime.onStartup.addListener(() => void applyToolbarOpens());
browser.runtime.onInstalled.addListener(() => void toolbarOpensChoice().then(choice => createRemindMenu(choice.opens)));
browser.runtime.onStartup.addListener(() => void toolbarOpensChoice().then(choice => createRemindMenu(choice.opens)));
browser.contextMenus.onClicked.addListener((info, tab) => void onRemindMenuClicked(db, info, tab));
browser.cookies.onChanged.addListener(change => void onCookieChanged(dbs, change));
browser.idle.onStateChanged.addListener(state => void onIdleStateChanged(dbs, state));
browser.tabs.onActivated.addListener(info => void onTabActivated(dbs, info));
// R45: names given in Tickler on the rep's other computers arrive through the synced storage area.
browser.storage.onChanged.addListener((changes, areaName) => onStorageChanged(db, changes, areaName));
// R60: every start of this script — the browser's, or any event waking a worker Chrome stopped — sends the
// pending work within seconds; after the listeners above, so the event that woke the worker still finds them.
void onWorkerWake(dbs);
