/** R31: what this computer knows about alerting for a reminder's current time. */
export type ReminderAlertRecord = {
	/**
	 * Local time this computer learned the current reminder time (the rep set it, or a pull brought it). A
	 * time already long past when it was learned (an old Task imported) is not "missed" and never alerts.
	 */
	knownAt: number;
	/** The reminder time this computer has alerted for (once per computer, across worker restarts). */
	notifiedFor?: string;
	/** R50: the alerted time whose notification the rep clicked or closed (else the popup says "not seen yet"). */
	seenFor?: string;
};
