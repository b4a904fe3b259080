/**
 * The service worker's entry. MV3 rule: every listener is registered synchronously, here, before any
 * await — a worker woken by an event only delivers it to listeners that already exist (engineering
 * guide §2). Nothing else belongs in this file.
 */
import {backgroundApi} from './api.js';
import {serveBackgroundApi} from './messaging.js';
import {inputValidators} from './validators.js';

serveBackgroundApi(backgroundApi, inputValidators);
