/**
 * Orphaned content scripts (engineering guide §2 rule 5): after the extension is reloaded or updated,
 * this script keeps running in open tabs but can no longer reach the extension. `chrome.runtime.id`
 * turns undefined and messaging throws "Extension context invalidated." We then tear down quietly.
 */
export function isContextValid(): boolean {
	try {
		// Typed as always present, but both go away in an orphaned script.
		const runtime = (globalThis as {chrome?: {runtime?: {id?: string}}}).chrome?.runtime;
		return runtime?.id !== undefined;
	} catch {
		return false;
	}
}

export function isContextInvalidatedError(error: unknown): boolean {
	const message = error instanceof Error ? error.message : String(error);
	return message.includes('Extension context invalidated') || !isContextValid();
}
