/** Salesforce record ids (docs/salesforce-facts.md §7.3); the code lives in src/shared so every context shares it. */
export {isSalesforceId, to18} from '@/shared/record-ids.js';
