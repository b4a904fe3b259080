import type {Partition} from '@/shared/store/schema.js';

/** The org id, user id and partition id (`${orgId}:${userId}`) of the test partition. */
export const TEST_ORG_ID = '00D000000000001AAA';
export const TEST_USER_ID = '005000000000001AAA';
export const TEST_PARTITION_ID = `${TEST_ORG_ID}:${TEST_USER_ID}`;

/**
 * One enabled, idle partition of a rep at acme.my.salesforce.com, for tests that need a stored or passed
 * partition. Only what every such test needs is here; a test adds what it checks (enabledAt, apiUsage,
 * lastSyncAt…) through `overrides`, so a change to this base cannot silently change what a test asserts.
 */
export function partitionFixture(overrides: Partial<Partition> = {}): Partition {
	return {
		id: TEST_PARTITION_ID,
		orgId: TEST_ORG_ID,
		userId: TEST_USER_ID,
		instanceHost: 'acme.my.salesforce.com',
		username: 'rep@acme.example',
		displayName: 'Rita Rep',
		enabled: true,
		everEnabled: true,
		subjectTemplate: '{{activity_subject}}',
		clockOffsetMs: 0,
		status: {phase: 'idle', budget: 'normal'},
		...overrides,
	};
}
