// The in-memory org: users, sessions, clock, picklists, records (Task + minimal parents), recycle bin,
// archive, API usage, request log and faults. Routes and tests both act on this one model.

import {createClock} from './clock.js';
import type {Clock} from './clock.js';
import {Faults} from './api/faults.js';
import {IdFactory, to18} from './records/ids.js';
import {ApiUsage, ClientUsage, defaultApiLimit} from './api/limits.js';
import {OAuth} from './oauth/oauth.js';
import {Picklists} from './records/picklists.js';
import type {TaskPriorityValue, TaskStatusValue} from './records/picklists.js';
import {Sessions} from './records/sessions.js';
import type {SessionKind, SessionTimeouts} from './records/sessions.js';
import {Access} from './records/access.js';
import {SfError, notFound} from './api/errors.js';
import {Store} from './records/store.js';
import {ValidationRules} from './records/validation-rules.js';
import type {SRecord} from './records/store.js';
import {RECYCLE_BIN_DAYS, Tasks, wholeSecond} from './records/tasks.js';
import type {TaskFilter, TaskRow} from './records/tasks.js';

export type {TaskRow} from './records/tasks.js';

export type OrgUser = {
	id: string;
	username: string;
	name: string;
	firstName: string;
	lastName: string;
	email: string;
	alias: string;
	timeZone: string;
	locale: string;
	language: string;
};
export type RequestLogEntry = {
	method: string;
	path: string;
	status: number;
	at: Date;
	countedAsApi: boolean;
	/** R29: the `client=` of the request's Sforce-Call-Options header, if any (call-options.ts). */
	client?: string;
	/** R55: bytes of the request's address and headers as received (api/request-size.ts). */
	headBytes?: number;
};
export type OrgOptions = {
	now?: Date;
	apiDailyLimit?: number;
	name?: string;
	frozenClock?: boolean;
	/** The demo rep's Salesforce time zone (IANA); default Europe/Rome. The demo uses the computer's own. */
	repTimeZone?: string;
};
export type WriteOptions = {system?: boolean};

const DAY = 86_400_000;
const USER_LICENCES = 3;

export class Org {
	readonly orgId15 = '00DTk00000DEMO1';
	readonly orgId = to18(this.orgId15);
	/** My Domain name: hosts are `<name>.my.salesforce.com` ↔ `<name>.lightning.force.com` (§8). */
	readonly name: string;
	readonly clock: Clock;
	readonly store = new Store();
	readonly ids = new IdFactory();
	readonly picklists: Picklists;
	readonly tasks: Tasks;
	readonly sessions: Sessions;
	readonly usage: ApiUsage;
	readonly faults = new Faults();
	/** External Client Apps and their tokens (§13.1, oauth.ts). */
	readonly oauth: OAuth;
	/** API calls per Sforce-Call-Options client and per OAuth app (R29; not a Salesforce limit). */
	readonly clientUsage = new ClientUsage();
	/** API Access Control (§13.1): when on, only OAuth tokens of registered apps may use the REST API. */
	apiAccessControl = false;
	/** §14.12: users holding "Use Any API Client" — API Access Control and app restrictions do not apply to them. */
	readonly useAnyApiClient = new Set<string>();
	/** R37: queues, per-Task grants and the sharing model (default: everyone sees everything). */
	readonly access = new Access(() => this.users.admin.id);
	/** R37: validation rules that refuse writes with FIELD_CUSTOM_VALIDATION_EXCEPTION. */
	readonly validationRules = new ValidationRules();
	/** The three users every org starts with; `addUser` adds more (allUsers lists them all). */
	readonly users: {rep: OrgUser; rep2: OrgUser; admin: OrgUser};
	requests: RequestLogEntry[] = [];
	/** When the org "was created": the start of its replication history (§4.2 earliestDateAvailable). */
	readonly createdAt: number;
	private readonly addedUsers: OrgUser[] = [];
	private readonly listeners = new Set<() => void>();
	private lastMaintenance = Number.NEGATIVE_INFINITY;
	/** Audit user for org-made rows (picklists, seeded parents): the admin, once created. */
	private systemUserId: string | null = null;

	constructor(options: OrgOptions = {}) {
		this.name = options.name ?? 'tickler-demo';
		const clock = createClock(options.now, options.frozenClock ?? false);
		// Moving the clock may age rows into the archive or out of the recycle bin: maintain on next access.
		this.clock = {
			now: () => clock.now(),
			nowMs: () => clock.nowMs(),
			set: d => {
				clock.set(d);
				this.lastMaintenance = Number.NEGATIVE_INFINITY;
				this.tasks.endWrite();
			},
			advance: ms => {
				clock.advance(ms);
				this.lastMaintenance = Number.NEGATIVE_INFINITY;
				this.tasks.endWrite();
			},
		};
		const now = (): number => this.clock.nowMs();
		this.createdAt = now() - 400 * DAY;
		this.picklists = new Picklists(this.store, this.ids, () => this.auditFields());
		this.tasks = new Tasks({
			store: this.store,
			ids: this.ids,
			picklists: this.picklists,
			now,
			createdAt: this.createdAt,
			zoneOf: id => this.user(id)?.timeZone ?? 'UTC',
		});
		// R37: validation rules run on every user write, not on system writes (seeding, generated occurrences).
		this.tasks.beforeSave = (op, next, _prev, _user, mode) => {
			if (mode !== 'system') this.validationRules.check(op, next);
		};
		this.sessions = new Sessions(this.orgId15, now);
		this.oauth = new OAuth({
			sessions: this.sessions,
			now,
			changed: () => this.changed(),
			useAnyApiClient: id => this.useAnyApiClient.has(id),
		});
		this.usage = new ApiUsage(options.apiDailyLimit ?? defaultApiLimit(USER_LICENCES), now);
		this.users = {
			rep: this.createUser('Rita', 'Rep', 'rep', options.repTimeZone ?? 'Europe/Rome', 'it_IT'),
			rep2: this.createUser('Sam', 'Second', 'rep2', 'America/New_York', 'en_US'),
			admin: this.createUser('Ada', 'Admin', 'admin', 'America/Los_Angeles', 'en_US'),
		};
		this.systemUserId = this.users.admin.id;
	}

	/**
	 * Adds an active standard user, `<key>@<org name>.example`, made as `rep` is: sessions, logins and Task
	 * ownership work for it the same way (the bench's fleet of reps, bench/lib/fleet-org.ts).
	 */
	addUser(firstName: string, lastName: string, key: string, timeZone: string, locale: string): OrgUser {
		const user = this.createUser(firstName, lastName, key, timeZone, locale);
		this.addedUsers.push(user);
		return user;
	}

	/** Every user: the three of `users`, then those `addUser` added. */
	allUsers(): OrgUser[] {
		return [...Object.values(this.users), ...this.addedUsers];
	}

	private createUser(firstName: string, lastName: string, key: string, timeZone: string, locale: string): OrgUser {
		const u: OrgUser = {
			id: this.ids.next('005'),
			username: `${key}@${this.name}.example`,
			name: `${firstName} ${lastName}`,
			firstName,
			lastName,
			email: `${key}@${this.name}.example`,
			alias: key.slice(0, 8),
			timeZone,
			locale,
			language: 'en_US',
		};
		this.store.put('User', {
			...this.auditFields(),
			Id: u.id,
			Username: u.username,
			LastName: lastName,
			FirstName: firstName,
			Name: u.name,
			Alias: u.alias,
			Email: u.email,
			TimeZoneSidKey: timeZone,
			LocaleSidKey: locale,
			LanguageLocaleKey: 'en_US',
			IsActive: true,
			UserType: 'Standard',
		});
		return u;
	}

	auditFields(userId?: string): SRecord {
		const t = wholeSecond(this.clock.nowMs());
		const by = userId ?? this.systemUserId;
		return {CreatedDate: t, CreatedById: by, LastModifiedDate: t, LastModifiedById: by, SystemModstamp: t};
	}

	user(id: string): OrgUser | undefined {
		return this.allUsers().find(u => u.id === id);
	}

	userByUsername(username: string): OrgUser | undefined {
		return this.allUsers().find(u => u.username.toLowerCase() === username.toLowerCase());
	}

	// ---- sessions (§1) ----
	createSession(userId: string, kind: SessionKind = 'api'): string {
		if (!this.user(userId)) throw new Error(`No such user ${userId}`);
		const sid = this.sessions.create(userId, kind);
		this.changed();
		return sid;
	}
	expireSession(sid: string): void {
		this.sessions.expire(sid);
		this.changed();
	}
	expireAllSessions(): void {
		this.sessions.expireAll();
		this.changed();
	}
	setSessionTimeouts(t: Partial<SessionTimeouts>): void {
		this.sessions.timeouts = {...this.sessions.timeouts, ...t};
	}

	/** API Access Control (§13.1): browser sessions are refused by the REST API; OAuth app tokens still work. */
	setApiAccessControl(enabled: boolean): void {
		this.apiAccessControl = enabled;
		this.changed();
	}

	/** §14.12: grants or takes "Use Any API Client" (not restricted by API Access Control or app policies). */
	setUseAnyApiClient(userId: string, on: boolean): void {
		if (on) this.useAnyApiClient.add(userId);
		else this.useAnyApiClient.delete(userId);
		this.changed();
	}

	// ---- Tasks, acting as a user (the Salesforce UI or another user) ----
	createTask(asUserId: string, fields: Record<string, unknown>, opts: WriteOptions = {}): TaskRow {
		this.maintain();
		const row = this.tasks.create(asUserId, fields, opts.system ? 'system' : 'create');
		this.changed();
		return row;
	}
	updateTask(asUserId: string, id: string, fields: Record<string, unknown>, opts: WriteOptions = {}): TaskRow {
		this.maintain();
		if (!opts.system) this.requireAccess(asUserId, id);
		const row = this.tasks.update(asUserId, id, fields, opts.system ? 'system' : 'update');
		this.changed();
		return row;
	}
	deleteTask(asUserId: string, id: string, opts: WriteOptions = {}): void {
		this.maintain();
		if (!opts.system) this.requireAccess(asUserId, id);
		this.tasks.delete(asUserId, id);
		this.changed();
	}
	undeleteTask(id: string): TaskRow {
		const row = this.tasks.undelete(id);
		this.changed();
		return row;
	}
	/**
	 * R37: a user who cannot read a Task gets what a missing row gets; one who can read but not edit gets
	 * INSUFFICIENT_ACCESS_OR_READONLY "insufficient access rights on object id" (§6). Status 400 and the
	 * same error for an unreadable row on write are UNCONFIRMED.
	 */
	private requireAccess(userId: string, id: string): void {
		const row = this.tasks.get(id);
		if (!row || this.access.unrestricted() || this.access.can(userId, row, 'edit')) return;
		throw new SfError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id', []);
	}

	/** R37: may `userId` read this record? Non-Task records are always readable. */
	canRead(userId: string, object: string, row: SRecord): boolean {
		return object !== 'Task' || this.access.unrestricted() || this.access.can(userId, row, 'read');
	}

	/** A live Task as `userId` sees it: 404 NOT_FOUND when they may not read it (UNCONFIRMED: same as missing). */
	readableTask(userId: string, id: string): TaskRow {
		const row = this.tasks.live(id, false);
		if (!this.canRead(userId, 'Task', row)) throw notFound();
		return row;
	}

	/** R37: a queue (Group of Type Queue, 00G) that can own Tasks; members can see and edit its Tasks. */
	addQueue(name: string, memberIds: string[] = []): string {
		const id = this.ids.next('00G');
		this.store.put('Group', {
			...this.auditFields(),
			Id: id,
			Name: name,
			DeveloperName: name.replace(/\W+/g, '_'),
			Type: 'Queue',
		});
		this.access.queues.set(id, {id, name, members: new Set(memberIds)});
		this.changed();
		return id;
	}

	/** R37: the owner moves (to a user or a queue) as a system write: LastModifiedDate/SystemModstamp bump. */
	changeTaskOwner(id: string, ownerId: string): TaskRow {
		return this.updateTask(this.users.admin.id, id, {OwnerId: ownerId}, {system: true});
	}

	getTask(id: string): TaskRow | undefined {
		this.maintain();
		return this.tasks.get(id);
	}
	listTasks(filter?: TaskFilter): TaskRow[] {
		this.maintain();
		return this.tasks.list(filter);
	}
	/** Empties the recycle bin (or only rows deleted before `olderThan`); moves earliestDateAvailable (§4.2). */
	purgeRecycleBin(olderThan?: Date): number {
		const n = this.tasks.purge(olderThan?.getTime());
		this.changed();
		return n;
	}

	/** Inserts a non-Task record (Account, Contact, Lead, Opportunity) for WhoId/WhatId and pages. */
	insertRecord(object: 'Account' | 'Contact' | 'Lead' | 'Opportunity', fields: SRecord): string {
		const prefix = {Account: '001', Contact: '003', Lead: '00Q', Opportunity: '006'}[object];
		const id = this.ids.next(prefix);
		const name =
			object === 'Contact' || object === 'Lead'
				? [fields['FirstName'], fields['LastName']].filter(Boolean).join(' ')
				: fields['Name'];
		this.store.put(object, {
			...this.auditFields(),
			OwnerId: this.users.rep.id,
			IsDeleted: false,
			...fields,
			Id: id,
			Name: name ?? null,
		});
		this.changed();
		return id;
	}

	// ---- picklists (§7.4) ----
	setTaskStatuses(values: TaskStatusValue[]): void {
		this.picklists.setStatuses(values);
		this.changed();
	}
	setTaskPriorities(values: TaskPriorityValue[]): void {
		this.picklists.setPriorities(values);
		this.changed();
	}

	// ---- API usage (§6) ----
	apiUsage(): {used: number; limit: number} {
		return {used: this.usage.used(), limit: this.usage.limit};
	}
	setApiUsage(used: number): void {
		this.usage.set(used);
	}
	setApiLimit(limit: number): void {
		this.usage.limit = limit;
	}
	resetRequestLog(): void {
		this.requests = [];
	}

	/**
	 * Records the recycle bin and the archive as up to date at the org's current time, so `maintain()` does
	 * nothing for the next org-minute although the clock moved. For a caller that knows nothing aged since its
	 * last sweep: the bench's fleet moves the clock thousands of times within one day (bench/lib/fleet-org.ts).
	 */
	markMaintained(): void {
		this.lastMaintenance = this.clock.nowMs();
	}

	/** Purges the recycle bin after 15 days and sweeps the archive (§4.2, §7.4), at most once per org-minute. */
	maintain(): void {
		const now = this.clock.nowMs();
		if (now - this.lastMaintenance < 60_000 && now >= this.lastMaintenance) return;
		this.lastMaintenance = now;
		const before = this.tasks.recycleBin.size;
		this.tasks.purge(now - RECYCLE_BIN_DAYS * DAY);
		this.tasks.sweepArchive();
		if (this.tasks.recycleBin.size !== before) this.changed();
	}

	onChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	changed(): void {
		for (const l of this.listeners) l();
	}
}
