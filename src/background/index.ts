/**
 * The service worker's entry. MV3 rule: every listener is registered synchronously, here, before any
 * await — a worker woken by an event only delivers it to listeners that already exist (engineering
 * guide §2). Nothing else belongs in this file.
 */
import browser from 'webextension-polyfill';
import {onAlarm} from './alarms.js';
import {backgroundApi} from './api.js';
import {onCookieChanged, onIdleStateChanged, onTabActivated, onTabUpdated, onWorkerStart} from './browser-events.js';
import {serveBackgroundApi} from './messaging.js';
import {inputValidators} from './validators.js';

serveBackgroundApi(backgroundApi, inputValidators);
browser.alarms.onAlarm.addListener(alarm => void onAlarm(alarm));
browser.runtime.onInstalled.addListener(() => void onWorkerStart());
browser.runtime.onStartup.addListener(() => void onWorkerStart());
browser.cookies.onChanged.addListener(change => void onCookieChanged(change));
browser.idle.onStateChanged.addListener(state => void onIdleStateChanged(state));
browser.tabs.onActivated.addListener(info => void onTabActivated(info));
browser.tabs.onUpdated.addListener((tabId, change, tab) => void onTabUpdated(tabId, change, tab));
