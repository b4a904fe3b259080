/**
 * Routes the real Salesforce hostnames to the local org inside Firefox (R26: the manifest that ships, no
 * localhost). Firefox has no host-resolver flag and BiDi request interception does not see the extension
 * background's own requests (engineering guide, "Firefox in tests"), so Firefox is pointed at this proxy by
 * its proxy prefs: a CONNECT to `<name>.my.salesforce.com:443` or `<name>.lightning.force.com:443` is tunnelled
 * to a local TLS server with a certificate made for this run (Firefox is launched with acceptInsecureCerts),
 * which forwards to the org with the original Host, as test/e2e/salesforce-routing.ts does for Chromium.
 * Any other destination is refused: nothing reaches the network.
 */
import {createServer as createHttpServer, type Server as HttpServer} from 'node:http';
import {connect, type Socket} from 'node:net';
import {portOf, startTlsForwarder} from '../tls-forwarder.js';

export type SalesforceProxy = {
	port: number;
	requests: Array<{method: string; host: string; path: string}>;
	close(): Promise<void>;
};

const ROUTED_HOST = /^[a-z0-9-]+\.(my\.salesforce\.com|lightning\.force\.com)$/;

export async function startSalesforceProxy(orgUrl: string): Promise<SalesforceProxy> {
	const requests: SalesforceProxy['requests'] = [];
	const tls = await startTlsForwarder(orgUrl, {
		commonName: 'tickler-e2e',
		onRequest: request => requests.push(request),
	});
	const tlsPort = tls.port;

	const sockets = new Set<Socket>();
	const proxy: HttpServer = createHttpServer((incoming, outgoing) => {
		// Plain-HTTP proxying is never needed (Salesforce is HTTPS only): refuse it.
		outgoing.writeHead(403).end();
		incoming.resume();
	});
	proxy.on('connect', (incoming, client: Socket, head: Buffer) => {
		const [host = '', port = ''] = (incoming.url ?? '').split(':');
		if (!ROUTED_HOST.test(host) || port !== '443') {
			client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
			return;
		}

		const upstream = connect(tlsPort, '127.0.0.1', () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			if (head.length > 0) upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
			socket.on('error', () => {
				client.destroy();
				upstream.destroy();
			});
		}
	});
	await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));

	return {
		port: portOf(proxy),
		requests,
		async close() {
			for (const socket of sockets) socket.destroy();
			proxy.closeAllConnections();
			await Promise.all([tls.close(), new Promise<void>(resolve => proxy.close(() => resolve()))]);
		},
	};
}

/** Firefox prefs that send every HTTPS connection through the proxy (and nothing around it). */
export function firefoxProxyPrefs(port: number): Record<string, string | number | boolean> {
	return {
		'network.proxy.type': 1,
		'network.proxy.ssl': '127.0.0.1',
		'network.proxy.ssl_port': port,
		'network.proxy.http': '127.0.0.1',
		'network.proxy.http_port': port,
		'network.proxy.share_proxy_settings': false,
		'network.proxy.no_proxies_on': '',
		'network.proxy.allow_hijacking_localhost': true,
		// DNS through the proxy too: the Salesforce hostnames are never resolved on this machine.
		'network.proxy.socks_remote_dns': true,
		'network.trr.mode': 5,
	};
}
