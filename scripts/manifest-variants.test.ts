import {describe, expect, it} from 'vitest';
import manifest from '../manifest.json' with {type: 'json'};
import {chromeManifest, firefoxManifest, GECKO_ID} from './manifest-variants.js';

const built = {
	...manifest,
	background: {service_worker: 'service-worker-loader.js', type: 'module'},
	storage: {managed_schema: 'managed-schema.json'},
};

describe('R42: one manifest, two browsers', () => {
	it('R42: Chrome ships the built manifest as it is', () => {
		expect(chromeManifest(built)).toBe(built);
	});

	it('R42: Firefox gets background.scripts, options_ui and gecko settings, and loses only Chrome-only keys', () => {
		const firefox = firefoxManifest(built);
		expect(firefox['background']).toEqual({scripts: ['service-worker-loader.js'], type: 'module'});
		expect(firefox['options_ui']).toEqual({page: manifest.options_page, open_in_tab: true});
		expect(firefox).not.toHaveProperty('options_page');
		expect(firefox).not.toHaveProperty('minimum_chrome_version');
		expect(firefox).not.toHaveProperty('storage');
		expect(firefox['browser_specific_settings']).toMatchObject({gecko: {id: GECKO_ID}});
		for (const key of ['name', 'version', 'host_permissions', 'content_scripts', 'action', 'icons']) {
			expect(firefox[key], key).toEqual((built as Record<string, unknown>)[key]);
		}
	});

	it('R42: identity is optional in Chrome, asked on "Connect with Salesforce"; Firefox cannot request it, so declares it', () => {
		expect(built.optional_permissions).toEqual(['notifications', 'identity']);
		expect(built.permissions).not.toContain('identity');
		const firefox = firefoxManifest(built);
		expect(firefox['permissions']).toEqual([...built.permissions.filter(name => name !== 'sidePanel'), 'identity']);
		expect(firefox['optional_permissions']).toEqual(['notifications']);
	});

	it('R42: a build without a service worker is refused rather than shipped without a background', () => {
		expect(() => firefoxManifest({...manifest, background: {}})).toThrow(/service_worker/);
	});

	it('R51: "Remind me about this" adds no host access — both manifests reach only the two Salesforce domains', () => {
		const salesforceOnly = ['https://*.my.salesforce.com/*', 'https://*.lightning.force.com/*'];
		for (const variant of [chromeManifest(built), firefoxManifest(built)]) {
			expect(variant['host_permissions']).toEqual(salesforceOnly);
			const asked = [...(variant['permissions'] as string[]), ...(variant['optional_permissions'] as string[])];
			expect(asked.filter(permission => /:\/\/|<all_urls>|^\*/.test(permission))).toEqual([]);
			expect(asked).toEqual(expect.arrayContaining(['contextMenus', 'activeTab', 'scripting']));
			const matches = (variant['content_scripts'] as Array<{matches: string[]}>).flatMap(script => script.matches);
			expect(matches.every(match => salesforceOnly.some(host => match.startsWith(host.slice(0, -1))))).toBe(true);
		}
	});

	it("issue 24: the side panel is Chrome's side_panel and Firefox's sidebar, the same page, never opened at install", () => {
		expect(chromeManifest(built)['side_panel']).toEqual({default_path: 'src/panel/index.html'});
		expect(built.permissions).toContain('sidePanel');
		const firefox = firefoxManifest(built);
		expect(firefox).not.toHaveProperty('side_panel');
		expect(firefox['sidebar_action']).toEqual({
			default_panel: 'src/panel/index.html',
			default_title: built.name,
			open_at_install: false,
		});
		expect(firefox['permissions']).not.toContain('sidePanel');
	});

	it('R48: both manifests open the popup with a keyboard shortcut, suggested as Alt+Shift+K', () => {
		// MV3 Firefox names the toolbar button's command `_execute_action` as Chrome does (`_execute_browser_action`
		// is MV2's); Alt+Shift+T, the obvious letter, is Chrome's "focus the toolbar" on Windows and Linux.
		const command = {_execute_action: {suggested_key: {default: 'Alt+Shift+K'}}};
		expect(built.commands).toEqual(command);
		expect(chromeManifest(built)['commands']).toEqual(command);
		expect(firefoxManifest(built)['commands']).toEqual(command);
	});
});
