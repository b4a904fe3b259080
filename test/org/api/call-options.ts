// R29: the `Sforce-Call-Options` request header. Salesforce documents it as comma-separated `name=value`
// options, `client` ("an identifier for the client sending the request; appears in log files") and
// `defaultNamespace` — e.g. `Sforce-Call-Options: client=SampleCaseSensitiveToken/100, defaultNamespace=battle`
// (REST API Developer Guide, "Call Options Header", headers_calloptions.htm). jsforce sends it as
// `name=value, ...` when `callOptions` is set (salesforce-facts.md §0). The org only records `client`.

export type CallOptions = {client?: string; defaultNamespace?: string};

export function parseCallOptions(header: string | undefined): CallOptions {
	const out: CallOptions = {};
	if (!header) return out;
	for (const part of header.split(',')) {
		const i = part.indexOf('=');
		if (i <= 0) continue;
		const name = part.slice(0, i).trim();
		const value = part.slice(i + 1).trim();
		if (!value) continue;
		// The value is case-sensitive ("SampleCaseSensitiveToken"); option names are matched as documented.
		if (name === 'client') out.client = value;
		else if (name === 'defaultNamespace') out.defaultNamespace = value;
	}
	return out;
}
