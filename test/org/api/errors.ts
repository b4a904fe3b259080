// The REST error shape: a JSON array of `{message, errorCode, fields?}` (salesforce-facts.md §0).

export type SfErrorBody = {message: string; errorCode: string; fields?: string[]};

/** An error a route throws to produce `[{message, errorCode, fields?}]` with an HTTP status. */
export class SfError extends Error {
	readonly status: number;
	readonly errorCode: string;
	readonly fields: string[] | undefined;

	constructor(status: number, errorCode: string, message: string, fields?: string[]) {
		super(message);
		this.status = status;
		this.errorCode = errorCode;
		this.fields = fields;
	}

	/** Key order follows the recordings: message, errorCode, fields (§3). */
	toBody(): SfErrorBody {
		return this.fields === undefined
			? {message: this.message, errorCode: this.errorCode}
			: {message: this.message, errorCode: this.errorCode, fields: this.fields};
	}
}

/** An error whose recorded body lists `errorCode` before `message` (NOT_FOUND, §3). */
class ErrorCodeFirst extends SfError {
	override toBody(): SfErrorBody {
		return {errorCode: this.errorCode, message: this.message};
	}
}

/** §3: 404 body recorded for an unknown sObject or path: `[{"errorCode":"NOT_FOUND","message":"…"}]`. */
export const notFound = (): SfError => new ErrorCodeFirst(404, 'NOT_FOUND', 'The requested resource does not exist');

/** §3: recorded MALFORMED_ID body. */
export const malformedId = (raw: string, label = 'Record ID'): SfError =>
	new SfError(400, 'MALFORMED_ID', `${label}: id value of incorrect type: ${raw}`, ['Id']);

export const entityIsDeleted = (): SfError => new SfError(404, 'ENTITY_IS_DELETED', 'entity is deleted', []);

export const invalidField = (field: string, sobject: string): SfError =>
	new SfError(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type ${sobject}`);

export const jsonParserError = (detail: string): SfError => new SfError(400, 'JSON_PARSER_ERROR', detail);
