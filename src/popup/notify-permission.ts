/**
 * R32: whether Tickler may show notifications (an optional permission), for the reminder form: undefined
 * until known. `askToNotify` asks when a reminder time is saved while it may not.
 */
import {useEffect, useState} from 'preact/hooks';
import {notificationsGranted, requestNotifications} from '@/shared/notifications-permission.js';

export function useNotifyPermission() {
	const [mayNotify, setMayNotify] = useState<boolean | undefined>(undefined);
	useEffect(() => {
		void notificationsGranted().then(setMayNotify, () => setMayNotify(false));
	}, []);

	/**
	 * The browser accepts the request only inside the user gesture, so the form calls this synchronously,
	 * before any await. The save does not wait for the answer (a popup may close while the browser asks):
	 * until it is granted Salesforce alerts instead.
	 */
	function askToNotify() {
		if (mayNotify === true) return;
		void requestNotifications().then(setMayNotify);
	}

	return {mayNotify, askToNotify};
}
