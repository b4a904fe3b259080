/**
 * Which Salesforce Task record page a URL is (R24). The rule lives in src/shared so the worker applies the
 * very same one to the sender tab's address before a badge may cost a request (R38).
 */
export {detectTaskPage, isLightningHost, type TaskPage} from '@/shared/task-page-url.js';
