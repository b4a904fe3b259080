/**
 * Content script on Salesforce pages. It stays inert until it recognises a Task record page
 * (R24); the badge itself arrives with the badge issue. It never talks to Salesforce directly.
 */
export {};
