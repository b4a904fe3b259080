import {addReminder, completeReminder, editReminder} from '../../src/shared/store/local-edits.js';
import type {Partition, SyncTrigger} from '../../src/shared/store/schema.js';
import type {Activity} from '../../src/background/runner/cadence.js';
import type {RepRig} from './engine-rig.js';
import {type EditSource, type RepDay, type Segment, seededRandom} from './fleet-day.js';
import type {FleetOrg} from './fleet-org.js';
import {
	decideActivity,
	earlierAlarm,
	IDLE_DETECTION_SECONDS,
	isLate,
	nextAlarmTime,
	glanceShouldSync,
	changeSignalAction,
	pageGlanceShouldSync,
	recordSignalSync,
} from '../../src/background/runner/schedule-policy.js';

const IDLE_AFTER_MS = IDLE_DETECTION_SECONDS * 1000;

/**
 * One rep of the fleet: the real engine (RepRig) plus what the service worker would do around it —
 * which events request a cycle, and when the next alarm fires, decided by the worker's own pure module
 * (src/background/runner/schedule-policy.ts, imported, not copied). Cycles themselves are run by the simulation
 * loop in bench/metrics/fleet.ts.
 */

const TRIGGER_RANK: Record<SyncTrigger, number> = {
	manual: 4,
	popup: 3,
	'local-change': 2,
	'salesforce-save': 1,
	'page-visit': 1,
	session: 1,
	alarm: 0,
};

/** A Salesforce edit made at `at` from `source`. */
export type RemoteEdit = {at: number; source: EditSource};
/** A Salesforce edit not yet seen in the store; `earlier` are the edits of the same Task it overwrote. */
export type PendingRemote = RemoteEdit & {taskId: string; marker: string; earlier: RemoteEdit[]};
/** How long one Salesforce edit took to reach the store. */
export type Arrival = {ms: number; source: EditSource};

/**
 * From the save to the worker's decision: the content script's 250 ms debounce plus a message (a worker
 * woken from stopped takes longer — sw.coldStart.ms is ~140 ms); rounded up to a second.
 */
const SIGNAL_LATENCY_MS = 1000;

export class FleetRep {
	readonly random: () => number;
	eventIndex = 0;
	isOpen = false;
	segment: Segment | undefined;
	alarmAt: number | undefined;
	salesforceTabSeenAt: number | undefined;
	popupOpenedAt: number | undefined;
	lastCycleAt: number | undefined;
	/** When the cycles started by change signals began (save-signal.ts keeps them in storage.session). */
	signalSyncsAt: number[] = [];
	requested: SyncTrigger | undefined;
	pendingLocal = 0;
	lastOutcomeOk = true;
	/** Every cycle of the day: when, why, whether idle, its requests (compared across the fleet's modes). */
	readonly cycles: {at: number; trigger: SyncTrigger; idle: boolean; requests: number}[] = [];
	/** Idle cycles so far (run or charged), for the fleet's sampling. */
	idleCycles = 0;
	/** What this rep's latest idle cycle run through the engine cost, in requests (charged for the others). */
	idleCost: number | undefined;
	readonly pendingRemote: PendingRemote[] = [];
	readonly taskIds: string[] = [];
	requests = 0;
	localEdits = 0;
	remoteEdits = 0;

	readonly index: number;
	readonly rig: RepRig;
	readonly day: RepDay;
	partition: Partition;

	constructor(index: number, rig: RepRig, day: RepDay, partition: Partition) {
		this.index = index;
		this.rig = rig;
		this.day = day;
		this.partition = partition;
		this.random = seededRandom(index * 7919 + 17);
	}

	activity(now: number): Activity {
		const away = this.segment?.kind === 'away' && now - this.segment.start >= IDLE_AFTER_MS;
		return decideActivity({
			idleState: away ? 'idle' : 'active',
			salesforceTabActive: this.segment?.kind === 'salesforce',
			salesforceTabSeenAt: this.salesforceTabSeenAt,
			popupOpenedAt: this.popupOpenedAt,
			now,
		});
	}

	request(trigger: SyncTrigger): void {
		if (!this.isOpen) return;
		if (this.requested === undefined || TRIGGER_RANK[trigger] > TRIGGER_RANK[this.requested]) this.requested = trigger;
	}

	/** After a cycle (or at start): sync-alarm.ts scheduleNextSync in 'replace' mode. */
	reschedule(now: number): void {
		this.alarmAt = this.isOpen ? nextAlarmTime(this.partition, this.activity(now), this.pendingLocal, now) : undefined;
	}

	/** browser-events.ts syncSoonIfLate: sync now if late, else the alarm may only come forward ('keep-earlier'). */
	private syncSoonIfLate(now: number): void {
		if (isLate(this.alarmAt, now)) {
			this.request('alarm');
			return;
		}

		if (this.isOpen) {
			this.alarmAt = earlierAlarm(
				this.alarmAt,
				nextAlarmTime(this.partition, this.activity(now), this.pendingLocal, now),
			);
		}
	}

	/** Applies one day event at its own time; Salesforce-side edits go straight into the org. */
	async handle(event: RepDay['events'][number], fleet: FleetOrg, marker: () => string): Promise<void> {
		switch (event.kind) {
			case 'open': {
				// onStartup: refresh the schedule and start a cycle.
				this.isOpen = true;
				this.reschedule(event.at);
				this.request('alarm');
				break;
			}

			case 'close': {
				this.isOpen = false;
				this.alarmAt = undefined;
				this.requested = undefined;
				break;
			}

			case 'segment': {
				const wasIdle = this.activity(event.at) === 'idle';
				this.segment = event.segment;
				if (event.segment.kind === 'salesforce') {
					this.salesforceTabSeenAt = event.at; // tabs.onActivated on a Salesforce tab
					this.syncSoonIfLate(event.at);
				} else if (wasIdle && event.segment.kind !== 'away') {
					this.syncSoonIfLate(event.at); // idle.onStateChanged → active
				}

				break;
			}

			case 'page': {
				// The worker does not listen to tabs.onUpdated (service-worker.ts); a page load only moves the tab's
				// lastAccessed, which the next alarm reads as "Salesforce in use".
				this.salesforceTabSeenAt = event.at;
				// The Task page badge asks the worker, which syncs only if the last cycle is over 30 s old (background-api.ts getTaskBadge).
				if (event.taskPage && pageGlanceShouldSync(this.lastCycleAt, event.at)) {
					this.request('page-visit');
				}

				break;
			}

			case 'popup': {
				this.popupOpenedAt = event.at;
				// background-api.ts requestSync('popup-opened'): no cycle when the last one is under 30 s old.
				if (glanceShouldSync(this.lastCycleAt, event.at)) this.request('popup');
				break;
			}

			case 'localEdit': {
				await this.editLocally(event.at);
				this.localEdits++;
				this.pendingLocal++;
				this.request('local-change'); // the popup's nudgeSync after a write
				break;
			}

			case 'remoteEdit': {
				this.editInSalesforce({at: event.at, source: event.source}, fleet, marker());
				this.remoteEdits++;
				if (event.signalled) this.changeSignal(event.at + SIGNAL_LATENCY_MS);
				break;
			}
		}
	}

	/** save-signal.ts onSalesforceSaveSeen, deciding with the worker's own policy. */
	private changeSignal(now: number): void {
		if (!this.isOpen) return;
		this.salesforceTabSeenAt = now;
		const action = changeSignalAction({
			budget: this.partition.status.budget,
			signalSyncsAt: this.signalSyncsAt,
			now,
		});
		if (action === 'sync-now') {
			this.signalSyncsAt = recordSignalSync(this.signalSyncsAt, now);
			this.request('salesforce-save');
		}
	}

	private async editLocally(now: number): Promise<void> {
		const {db, partition} = this.rig;
		const roll = this.random();
		if (roll < 0.25) {
			await addReminder(
				db,
				{name: `Call back #${this.localEdits}`, dueDate: new Date(now).toISOString().slice(0, 10)},
				{now},
			);
			return;
		}

		// Sorted by Task id: reminder ids are random UUIDs, and the store's order must not decide which reminder
		// the rep edits (the same day must cost the same whichever way the fleet runs its idle cycles).
		const linked = (await db.reminders.where('partition').equals(partition).toArray())
			.filter(r => r.taskId && r.deletedAt === undefined)
			.toSorted((a, b) => a.taskId!.localeCompare(b.taskId!));
		const reminder = linked[Math.floor(this.random() * linked.length)];
		if (!reminder) return;
		if (roll < 0.6) await completeReminder(db, reminder.id, {now});
		else if (roll < 0.8)
			await editReminder(db, reminder.id, {priority: reminder.priority === 'high' ? 'normal' : 'high'}, {now});
		else await editReminder(db, reminder.id, {dueDate: new Date(now + 86_400_000).toISOString().slice(0, 10)}, {now});
	}

	/** The rep edits in Salesforce. Every edit writes a unique Description, so its arrival is checkable. */
	private editInSalesforce(edit: RemoteEdit, fleet: FleetOrg, marker: string): void {
		const now = edit.at;
		fleet.setTime(now);
		const existing = this.taskIds[Math.floor(this.random() * this.taskIds.length)];
		if (this.random() < 0.3 || !existing) {
			const row = fleet.org.createTask(this.rig.userId, {
				Subject: `Prospect call ${marker}`,
				TaskSubtype: 'Task',
				ActivityDate: new Date(now).toISOString().slice(0, 10),
				Description: marker,
			});
			this.taskIds.push(row.Id);
			this.pendingRemote.push({...edit, taskId: row.Id, marker, earlier: []});
			return;
		}

		const fields: Record<string, unknown> = {Description: marker};
		if (this.random() < 0.25) fields['Status'] = 'Completed';
		fleet.org.updateTask(this.rig.userId, existing, fields);
		// A second edit of the same Task before a sync overwrites the first one's Description: the first
		// edit has arrived when the second has (its freshness is counted then).
		const earlier: RemoteEdit[] = [];
		for (let index = this.pendingRemote.length - 1; index >= 0; index--) {
			const pending = this.pendingRemote[index]!;
			if (pending.taskId !== existing) continue;
			earlier.push({at: pending.at, source: pending.source}, ...pending.earlier);
			this.pendingRemote.splice(index, 1);
		}

		this.pendingRemote.push({...edit, taskId: existing, marker, earlier});
	}

	/** After a full cycle: which Salesforce edits reached the store, and how long each took. */
	async collectArrivals(cycleAt: number): Promise<Arrival[]> {
		const delays: Arrival[] = [];
		const still: PendingRemote[] = [];
		for (const edit of this.pendingRemote) {
			const reminder = await this.rig.db.reminders
				.where('[partition+taskId]')
				.equals([this.rig.partition, edit.taskId])
				.first();
			if (reminder?.details === edit.marker)
				delays.push(...[edit, ...edit.earlier].map(({at, source}) => ({ms: cycleAt - at, source})));
			else still.push(edit);
		}

		this.pendingRemote.splice(0, this.pendingRemote.length, ...still);
		return delays;
	}
}
