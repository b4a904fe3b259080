import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';

/**
 * What every benchmark family returns, and how the run turns it into the printed table and
 * bench/results.json (issue 6: one flat JSON object, metric name → number).
 */

/** `at-most`: value ≤ reference passes (minimums, budgets). `below`: value < reference passes (latency targets). */
export type Comparison = 'at-most' | 'below';

export type Reference = {value: number; comparison: Comparison; /** where the reference comes from */ source: string};

export type Metric = {
	name: string;
	value: number;
	unit: string;
	reference?: Reference;
	/** Raw repetitions behind a median, printed as a spread so a noisy figure is visible. */
	samples?: readonly number[];
	note?: string;
};

/** What a peer's documented cost model would spend on the same work as one of our API metrics. */
export type PeerEstimate = {metric: string; peer: string; value: number};

export type FamilyResult = {
	family: string;
	metrics: Metric[];
	peers?: PeerEstimate[];
	/** Findings that are not numbers (e.g. "content script contains Dexie"); `problem` ones are flagged in the table. */
	notes?: {text: string; problem: boolean}[];
};

export type FamilyFailure = {family: string; error: string};

export function passes(metric: Metric): boolean | undefined {
	const reference = metric.reference;
	if (!reference) return undefined;
	return reference.comparison === 'below' ? metric.value < reference.value : metric.value <= reference.value;
}

export function ratio(metric: Metric): number | undefined {
	const reference = metric.reference;
	if (!reference || reference.value === 0) return undefined;
	return metric.value / reference.value;
}

export function formatNumber(value: number): string {
	if (Number.isInteger(value)) return value.toLocaleString('en-US');
	return value.toLocaleString('en-US', {maximumFractionDigits: Math.abs(value) < 10 ? 2 : 1});
}

function verdict(metric: Metric): string {
	const ok = passes(metric);
	if (ok === undefined) return '';
	if (ok) return 'ok';
	const over = ratio(metric);
	return over === undefined ? 'MISSED' : `MISSED by ${formatNumber((over - 1) * 100)} %`;
}

function pad(rows: string[][]): string {
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map(row => row[column]!.length)));
	return rows
		.map(row =>
			row
				.map((cell, column) => cell.padEnd(widths[column]!))
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}

function spread(samples: readonly number[] | undefined): string {
	if (!samples || samples.length < 2) return '';
	return ` (${formatNumber(Math.min(...samples))}–${formatNumber(Math.max(...samples))}, n=${samples.length})`;
}

/** The printed table: one row per metric, then the peers' estimates, notes and failures. */
export function formatReport(results: readonly FamilyResult[], failures: readonly FamilyFailure[] = []): string {
	const rows = [['metric', 'value', 'reference', 'ratio', 'verdict', 'source']];
	for (const result of results) {
		for (const metric of result.metrics) {
			const reference = metric.reference;
			const r = ratio(metric);
			rows.push([
				metric.name,
				`${formatNumber(metric.value)} ${metric.unit}${spread(metric.samples)}`,
				reference ? `${reference.comparison === 'below' ? '<' : '≤'} ${formatNumber(reference.value)}` : '',
				r === undefined ? '' : `${r.toFixed(2)}×`,
				verdict(metric),
				reference?.source ?? metric.note ?? '',
			]);
		}
	}

	const sections = [pad(rows)];
	const peers = results.flatMap(result => result.peers ?? []);
	if (peers.length > 0) {
		const ours = new Map(results.flatMap(result => result.metrics).map(metric => [metric.name, metric.value]));
		const peerRows = [['metric', 'peer', 'peer would spend', 'Tickler measured', 'peer / Tickler']];
		for (const estimate of peers) {
			const measured = ours.get(estimate.metric);
			peerRows.push([
				estimate.metric,
				estimate.peer,
				formatNumber(estimate.value),
				measured === undefined ? 'not measured' : formatNumber(measured),
				measured ? `${(estimate.value / measured).toFixed(1)}×` : '',
			]);
		}

		sections.push("Peers' documented cost models on the same work (sources in bench/peers.ts):\n" + pad(peerRows));
	}

	const notes = results.flatMap(result =>
		(result.notes ?? []).map(note => `${note.problem ? 'PROBLEM' : 'note'}  [${result.family}] ${note.text}`),
	);
	if (notes.length > 0) sections.push(notes.join('\n'));
	if (failures.length > 0) {
		sections.push(failures.map(failure => `NOT MEASURED  [${failure.family}] ${failure.error}`).join('\n'));
	}

	return sections.join('\n\n');
}

/** Peer keys sit beside the metrics: `peer.<peer id>.<metric>`. */
export function peerKey(estimate: PeerEstimate): string {
	return `peer.${estimate.peer.toLowerCase().replaceAll(/[^a-z\d]+/g, '-')}.${estimate.metric}`;
}

/** The flat object written to bench/results.json. Non-finite values are left out: JSON cannot carry them. */
export function toResultsJson(results: readonly FamilyResult[]): Record<string, number> {
	const flat: Record<string, number> = {};
	for (const result of results) {
		for (const metric of result.metrics) if (Number.isFinite(metric.value)) flat[metric.name] = metric.value;
		for (const estimate of result.peers ?? []) flat[peerKey(estimate)] = estimate.value;
	}

	return flat;
}

/**
 * Merges into an existing results file so `--only api` refreshes the API figures without erasing the
 * others; a full run starts from an empty object.
 */
export async function writeResults(
	file: string,
	results: readonly FamilyResult[],
	previous: Record<string, number> = {},
): Promise<Record<string, number>> {
	const merged = {...previous, ...toResultsJson(results)};
	await mkdir(path.dirname(file), {recursive: true});
	await writeFile(file, JSON.stringify(merged, null, '\t') + '\n');
	return merged;
}
