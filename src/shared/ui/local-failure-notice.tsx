/**
 * R40: a failure of this computer's storage, said in plain words with what to do, the same on the popup and
 * the settings page. A page learns of it from three places, whichever knows first: its own attempt to open
 * or read IndexedDB, the worker's report in storage.session (local-failure-report.ts — readable when
 * IndexedDB is full or will not open), and the partition's status written by the last cycle.
 */
import {useEffect, useState} from 'preact/hooks';
import {type LocalFailureReport, onLocalFailureReport, readLocalFailureReport} from '@/shared/local-failure-report.js';
import {LOCAL_FAILURE_TEXT, type LocalFailureKind} from '@/shared/store/storage-errors.js';

/** The worker's report, kept current while the page is open. */
export function useLocalFailureReport(): LocalFailureReport | undefined {
	const [report, setReport] = useState<LocalFailureReport | undefined>(undefined);
	useEffect(() => {
		let open = true;
		const unsubscribe = onLocalFailureReport(next => {
			if (open) setReport(next);
		});
		readLocalFailureReport().then(
			first => {
				if (open) setReport(first);
			},
			// storage.session unreadable: the other two sources still say it.
			() => undefined,
		);
		return () => {
			open = false;
			unsubscribe();
		};
	}, []);
	return report;
}

export function LocalFailureNotice({kind}: {kind: LocalFailureKind}) {
	return (
		<p class="form-error local-failure" role="alert" data-local-failure={kind}>
			{LOCAL_FAILURE_TEXT[kind]}
		</p>
	);
}
