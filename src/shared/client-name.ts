/**
 * R29: how Tickler names itself to Salesforce. Every request carries
 * `Sforce-Call-Options: client=Tickler/<version>` (salesforce-facts.md §0 and §13.1, after Salesforce Inspector
 * Reloaded), so an admin can tell Tickler's traffic from other integrations. The version is the manifest's,
 * read at build time, so the worker and the tests (which run outside an extension) agree.
 */
import manifest from '../../manifest.json' with {type: 'json'};

export const TICKLER_CLIENT = `Tickler/${manifest.version}`;

/** The Sforce-Call-Options header, for requests that do not go through jsforce (OAuth token and revoke calls). */
export const CALL_OPTIONS_HEADER = {'Sforce-Call-Options': `client=${TICKLER_CLIENT}`} as const;
