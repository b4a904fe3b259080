/**
 * The side panel follows the rep's active tab (issue 24): which Lead, Contact, Account or Opportunity record it
 * shows, if any. Tickler's host permissions let an extension page see the address of Salesforce tabs only;
 * any other tab reads as no record. Listens to the tab switches and loads of this window while the panel is
 * open (a page's listeners, not the worker's: nothing wakes the worker).
 */
import {useEffect, useState} from 'preact/hooks';
import browser from 'webextension-polyfill';
import {detectRecordPage, type RecordPage} from '@/shared/record-page-url.js';

export type ActiveRecord = RecordPage & {
	/** The record's name from the tab's title ("Ana Ruiz | Contact | Salesforce" → "Ana Ruiz"), or ''. */
	name: string;
};

/** Lightning titles read "Ana Ruiz | Contact | Salesforce": the record's name is the first part. */
export function recordNameFromTitle(title: string | undefined): string {
	const first = (title ?? '').split(' | ')[0]?.trim() ?? '';
	return /^salesforce$/i.test(first) ? '' : first;
}

async function readActiveRecord(): Promise<ActiveRecord | undefined> {
	const [tab] = await browser.tabs.query({active: true, currentWindow: true});
	const page = tab?.url === undefined ? undefined : detectRecordPage(tab.url);
	return page ? {...page, name: recordNameFromTitle(tab?.title)} : undefined;
}

export function useActiveRecord(): ActiveRecord | undefined {
	const [record, setRecord] = useState<ActiveRecord | undefined>(undefined);
	useEffect(() => {
		let current = true;
		const read = () => {
			readActiveRecord().then(
				found => {
					if (current) setRecord(found);
				},
				() => {
					if (current) setRecord(undefined);
				},
			);
		};

		const onUpdated = (_id: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
			if (change.url !== undefined || change.title !== undefined || change.status === 'complete') read();
		};

		browser.tabs.onActivated.addListener(read);
		browser.tabs.onUpdated.addListener(onUpdated);
		read();
		return () => {
			current = false;
			browser.tabs.onActivated.removeListener(read);
			browser.tabs.onUpdated.removeListener(onUpdated);
		};
	}, []);
	return record;
}
