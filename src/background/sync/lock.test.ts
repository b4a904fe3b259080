import {expect, test, vi} from 'vitest';
import {createMemoryLock, createWebLock} from './lock.js';
import {consoleLog} from './log.js';

test('one cycle at a time per partition: the in-process lock refuses a second holder and frees on failure', async () => {
	const lock = createMemoryLock();
	let release: () => void = () => undefined;
	const first = lock.tryRun('p1', async () => new Promise<string>(resolve => (release = () => resolve('done'))));
	expect(await lock.tryRun('p1', async () => 'second')).toEqual({ran: false});
	expect(await lock.tryRun('p2', async () => 'other partition')).toEqual({ran: true, value: 'other partition'});
	release();
	expect(await first).toEqual({ran: true, value: 'done'});
	await expect(lock.tryRun('p1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
	expect(await lock.tryRun('p1', async () => 'again')).toEqual({ran: true, value: 'again'});
});

test('the Web Locks lock asks for ifAvailable and skips when the lock is held elsewhere', async () => {
	const held = new Set<string>();
	const locks = {
		async request(
			name: string,
			options: {ifAvailable?: boolean},
			callback: (lock: {name: string} | null) => Promise<unknown>,
		) {
			expect(options.ifAvailable).toBe(true);
			if (held.has(name)) return callback(null);
			held.add(name);
			try {
				return await callback({name});
			} finally {
				held.delete(name);
			}
		},
	} as unknown as LockManager;
	const lock = createWebLock(locks);
	held.add('busy');
	expect(await lock.tryRun('busy', async () => 1)).toEqual({ran: false});
	expect(await lock.tryRun('free', async () => 2)).toEqual({ran: true, value: 2});
});

test('convention 14: the console log prints only allow-listed details, never values or tokens', () => {
	const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
	const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
	consoleLog().info('sync paused', {partition: 'p', reason: 'session-expired', sid: '00D!secret', subject: 'Call Ana'});
	consoleLog().debug('hidden', {count: 1});
	expect(info).toHaveBeenCalledWith('[tickler] sync paused', {partition: 'p', reason: 'session-expired'});
	expect(debug).not.toHaveBeenCalled();
	info.mockRestore();
	debug.mockRestore();
});
