// Host names: `<name>.my.salesforce.com` (API-capable sid) ↔ `<name>.lightning.force.com` (UI, non-API sid)
// — salesforce-facts.md §1.2, §8. Anything else (127.0.0.1:PORT) is a single-host local setup.

export type HostKind = 'my-domain' | 'lightning' | 'local';

export function hostKind(host: string): HostKind {
	const bare = (host.split(':')[0] ?? host).toLowerCase();
	if (bare.endsWith('.lightning.force.com')) return 'lightning';
	if (bare.endsWith('.my.salesforce.com')) return 'my-domain';
	return 'local';
}

/** §1.2 SIR `getMyDomain`: `.lightning.force.` → `.my.salesforce.` (sandbox/develop partitions kept). */
export function myDomainHostFor(host: string): string {
	return host.replace(/\.lightning\.force\.com/i, '.my.salesforce.com');
}

export function lightningHostFor(host: string): string {
	return host.replace(/\.my\.salesforce\.com/i, '.lightning.force.com');
}

export function parseCookies(header: string | undefined): Map<string, string> {
	const out = new Map<string, string>();
	for (const part of (header ?? '').split(';')) {
		const i = part.indexOf('=');
		if (i > 0) out.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
	}
	return out;
}
