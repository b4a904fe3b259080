/**
 * Chromium flags that load one unpacked extension, shared by the e2e harness (which loads dist/) and the
 * bench (which loads its own build directory), so the two never drift apart. The engineering guide's
 * verified recipe; the background-networking, component-update, sync and QUIC flags keep Chromium from
 * dialling Google on this closed network.
 */
export function extensionChromiumArgs(extensionDir: string): string[] {
	return [
		`--disable-extensions-except=${extensionDir}`,
		`--load-extension=${extensionDir}`,
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-quic',
		'--no-first-run',
	];
}
