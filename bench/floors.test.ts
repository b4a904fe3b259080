import {describe, expect, test} from 'vitest';
import {blankDocument} from './lib/floor-browser.js';
import {fleetPeerEstimates} from './peers.js';

/**
 * The pure parts of issue 23's bench: the blank page cut from the popup's built document, and the peers'
 * models on the fleet's two days.
 */

const BUILT_POPUP = `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<title>Tickler</title>
		<script type="module" crossorigin src="/assets/index.html-BS9Sp4Nm.js"></script>
		<link rel="modulepreload" crossorigin href="/assets/schema-DpqtZePJ.js">
		<link rel="stylesheet" crossorigin href="/assets/popup-Rz4_TBcB.css">
	</head>
	<body>
		<div id="app"></div>
	</body>
</html>`;

describe('floors', () => {
	test('the blank page is the popup’s document with nothing to run: no script, no preload, its stylesheets kept', () => {
		const blank = blankDocument(BUILT_POPUP);
		expect(blank).not.toMatch(/<script/);
		expect(blank).not.toMatch(/modulepreload/);
		expect(blank).toContain('<link rel="stylesheet" crossorigin href="/assets/popup-Rz4_TBcB.css">');
		expect(blank).toContain('<div id="app"><p>Tickler</p></div>');
	});

	test('the peers poll on a fixed interval: the same cost on a quiet and a busy day, under each day’s names', () => {
		const work = {reps: 500, remoteEditsTotal: 12_000, localEditsTotal: 9000, daySeconds: 86_400};
		const quiet = fleetPeerEstimates(work, 'fleet.quiet', 600_000);
		const busy = fleetPeerEstimates(work, 'fleet.busy', 600_000);
		const find = (estimates: typeof quiet, metric: string, peer: string) =>
			estimates.find(e => e.metric === metric && e.peer === peer)?.value;
		// Marketo: 288 sessions × 25 calls + ≤ 288 batches each way, shared by 500 reps.
		expect(find(quiet, 'fleet.quiet.requestsPerRepPerDay', 'Marketo')).toBe(Math.round((288 * 25 + 288 + 288) / 500));
		expect(find(quiet, 'fleet.quiet.orgUsage.ticklerPct', 'Marketo')).toBeCloseTo(
			((7776 / 500) * 500 * 100) / 600_000,
			1,
		);
		expect(find(quiet, 'fleet.quiet.freshness.elsewhere.p95.s', 'Outreach')).toBe(570);
		expect(find(busy, 'fleet.busy.requestsPerRepPerDay', 'Marketo')).toBe(
			find(quiet, 'fleet.quiet.requestsPerRepPerDay', 'Marketo'),
		);
		expect(busy.every(e => e.metric.startsWith('fleet.busy.'))).toBe(true);
	});
});
