/** The rep's local calendar date for a time (R11): never UTC. No imports, so any context can use it cheaply. */
export function localDateString(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
