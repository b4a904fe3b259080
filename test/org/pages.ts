// Placeholder replaced by the login and record pages.
import {json} from './api-types.js';
import type {ApiRequest, ApiResponse} from './api-types.js';
import type {Org} from './org.js';

export function handlePage(_org: Org, _req: ApiRequest): ApiResponse {
	return json(404, [{errorCode: 'NOT_FOUND', message: 'The requested resource does not exist'}]);
}
