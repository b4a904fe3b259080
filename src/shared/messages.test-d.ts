import {expectTypeOf, test} from 'vitest';
import {callBackground} from './messages.js';

// The protocol is one typed file: unknown methods and wrong shapes must not compile (convention 4).
test('callBackground is typed by BackgroundApi', () => {
	expectTypeOf(callBackground<'requestSync'>)
		.parameter(1)
		.toEqualTypeOf<{reason: 'user' | 'popup-opened' | 'page-visit' | 'local-change'}>();
	const typeChecksOnly = (): void => {
		void callBackground('ping');
		void callBackground('requestSync', {reason: 'user'});
		// @ts-expect-error wrong input shape
		void callBackground('requestSync', {reason: 'cron'});
		// @ts-expect-error unknown method
		void callBackground('deleteEverything');
		// @ts-expect-error missing input
		void callBackground('requestSync');
		void callBackground('enableSync');
		void callBackground('forgetPartition', {partition: '00D000000000001AAA:005000000000001AAA'});
		// @ts-expect-error forgetting needs the partition
		void callBackground('forgetPartition');
	};
	expectTypeOf(typeChecksOnly).toBeFunction();
});
