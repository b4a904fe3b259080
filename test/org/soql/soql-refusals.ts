// What the local org refuses in SOQL (issue 9): every clause @jetstreamapp/soql-parser-js can produce is
// either evaluated correctly by soql.ts / soql-where.ts or refused here with 400 MALFORMED_QUERY, never
// silently ignored. Real Salesforce would run most of these; the refusal says plainly that the local org
// does not emulate them (docs/local-org.md, "What the local org refuses"). The error shape is the recorded
// MALFORMED_QUERY body of salesforce-facts.md §2.4: `[{"message": "...", "errorCode": "MALFORMED_QUERY"}]`.

import type {Query} from '@jetstreamapp/soql-parser-js';
import {SfError} from '../api/errors.js';

export const NOT_SUPPORTED = 'is not supported by the local org';

/** 400 MALFORMED_QUERY for a construct Salesforce accepts but the local org does not emulate. */
export function unsupported(construct: string): SfError {
	return new SfError(400, 'MALFORMED_QUERY', `${construct} ${NOT_SUPPORTED}`);
}

/**
 * `USING SCOPE` values the org evaluates. `everything` is every record (the org has no sharing model, so it is
 * the same as no scope); `mine` is the records the running user owns [SOQL:sforce_api_calls_soql_select_using_scope].
 */
export const SUPPORTED_SCOPES = new Set(['everything', 'mine']);

/**
 * Clause-level refusals, checked before any field is resolved. `WITH SECURITY_ENFORCED` is accepted as a
 * no-op: it only removes fields the user cannot read, and every user reads every field here (no FLS).
 */
export function refuseUnsupportedClauses(q: Query): void {
	if (q.groupBy !== undefined) throw unsupported('GROUP BY (with ROLLUP, CUBE and HAVING)');
	if (q.having !== undefined) throw unsupported('HAVING');
	if (q.withDataCategory !== undefined) throw unsupported('WITH DATA CATEGORY');
	if (q.withAccessLevel !== undefined) throw unsupported(`WITH ${q.withAccessLevel}`);
	if (q.for !== undefined) throw unsupported(`FOR ${q.for}`);
	if (q.update !== undefined) throw unsupported(`UPDATE ${q.update}`);
	if (q.usingScope !== undefined && !SUPPORTED_SCOPES.has(q.usingScope.toLowerCase()))
		throw unsupported(`USING SCOPE ${q.usingScope}`);
}
