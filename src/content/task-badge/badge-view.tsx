import {useEffect, useLayoutEffect, useRef, useState} from 'preact/hooks';
import {formatMoment} from '@/shared/i18n/format.js';
import {t, uiLanguage} from '@/shared/i18n/t.js';
import type {TaskBadge} from '@/shared/types.js';
import {isRepAction} from '../rep-action.js';
import {type CardSpot, pageObstacles, placeCard} from './card-place.js';

/**
 * The badge on a Salesforce Task page (R24): a small pill with the state, which opens a card with the
 * details and the R10 note. Every Salesforce-derived string is a JSX text child, so preact sets it as
 * text and never parses it as HTML (R27).
 */
export function subjectNote(): string {
	return t('badgeSubjectNote');
}

/** `info`: worth knowing, nothing to do (a conflict already resolved); `error`: something the rep must fix. */
type Tone = 'success' | 'info' | 'warning' | 'error' | 'neutral';

type View = {tone: Tone; label: string; title?: string; detail: string; hint?: string};

export function describeBadge(badge: TaskBadge, now: Date = new Date()): View {
	switch (badge.state) {
		case 'synced': {
			const at = formatSyncTime(badge.lastSyncedAt, now);
			return {
				tone: 'success',
				label: t('badgeSynced', {time: at}),
				title: badge.reminderName,
				detail: t('badgeSyncedDetail', {time: at}),
			};
		}

		case 'pending': {
			return {
				tone: 'warning',
				label: t('badgePending'),
				title: badge.reminderName,
				detail: t('badgePendingDetail'),
			};
		}

		case 'error': {
			return {
				tone: 'error',
				label: t('badgeError'),
				title: badge.reminderName,
				detail: badge.message,
				...(badge.hint === undefined ? {} : {hint: badge.hint}),
			};
		}

		case 'conflict': {
			// R58: Salesforce's later edit replaced the rep's (R16); their values wait in Tickler for their choice.
			return {tone: 'warning', label: t('badgeConflict'), title: badge.reminderName, detail: badge.message};
		}

		case 'not-linked': {
			return {tone: 'neutral', label: t('badgeNotLinked'), detail: badge.message};
		}
	}
}

/** "10:42 AM" today, "Mar 3, 10:42 AM" otherwise, in the UI language and the rep's time zone (R46: as the popup). */
export function formatSyncTime(iso: string, now: Date): string {
	const at = new Date(iso);
	if (Number.isNaN(at.getTime())) return t('badgeRecently');
	return formatMoment(at, now);
}

/** Places the open card clear of the page's fields and buttons (card-place.ts), again on resize. */
function useCardSpot(open: boolean, pill: {current: HTMLElement | null}, card: {current: HTMLElement | null}) {
	const [spot, setSpot] = useState<CardSpot | undefined>(undefined);
	useLayoutEffect(() => {
		if (!open) {
			setSpot(undefined);
			return undefined;
		}

		const place = () => {
			const pillElement = pill.current;
			const cardElement = card.current;
			const root = cardElement?.getRootNode();
			if (!pillElement || !cardElement || !(root instanceof ShadowRoot)) return;
			const view = cardElement.ownerDocument.defaultView;
			const pillBox = pillElement.getBoundingClientRect();
			setSpot(
				placeCard(
					{left: pillBox.left, top: pillBox.top, width: pillBox.width, height: pillBox.height},
					{width: cardElement.offsetWidth, height: cardElement.offsetHeight},
					pageObstacles(cardElement.ownerDocument, root.host),
					{width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0},
				),
			);
		};

		place();
		const view = card.current?.ownerDocument.defaultView;
		view?.addEventListener('resize', place);
		return () => view?.removeEventListener('resize', place);
	}, [open]);
	return spot;
}

/** The open card collapses as soon as the rep points at, clicks or tabs into the page, or presses Escape. */
function useCollapseOutside(open: boolean, close: () => void, badge: {current: HTMLElement | null}) {
	useEffect(() => {
		const doc = badge.current?.ownerDocument;
		const root = badge.current?.getRootNode();
		if (!open || !doc || !(root instanceof ShadowRoot)) return undefined;
		const outside = (event: Event) => {
			if (!event.composedPath().includes(root.host)) close();
		};

		const escape = (event: KeyboardEvent) => {
			if (event.key === 'Escape') close();
		};

		doc.addEventListener('pointerdown', outside, true);
		doc.addEventListener('focusin', outside, true);
		doc.addEventListener('keydown', escape, true);
		return () => {
			doc.removeEventListener('pointerdown', outside, true);
			doc.removeEventListener('focusin', outside, true);
			doc.removeEventListener('keydown', escape, true);
		};
	}, [open]);
}

/**
 * R5: "Add to Tickler" for an open Task of the rep's that the first sync's window left out (R4): on the rep's
 * trusted click only (R52), the worker links it (task-page/add-to-tickler.ts) and checks everything again; its
 * refusal is shown in its own words. The badge turns linked at the controller's next answer.
 */
function AddToTickler({onAdd}: {onAdd: () => Promise<void>}) {
	const [busy, setBusy] = useState(false);
	const [refusal, setRefusal] = useState<string>();
	return (
		<>
			<button
				type="button"
				class="add"
				disabled={busy}
				onClick={event => {
					if (!isRepAction(event)) return;
					setBusy(true);
					onAdd().then(
						() => setBusy(false),
						(error: unknown) => {
							setBusy(false);
							setRefusal(error instanceof Error ? error.message : String(error));
						},
					);
				}}
			>
				{t('badgeAddToTickler')}
			</button>
			{refusal === undefined ? null : <p class="hint">{refusal}</p>}
		</>
	);
}

export function Badge({badge, now, onAdd}: {badge: TaskBadge; now?: Date; onAdd?: () => Promise<void>}) {
	const [open, setOpen] = useState(false);
	const root = useRef<HTMLDivElement>(null);
	const pill = useRef<HTMLButtonElement>(null);
	const card = useRef<HTMLElement>(null);
	const spot = useCardSpot(open, pill, card);
	useCollapseOutside(open, () => setOpen(false), root);
	const view = describeBadge(badge, now);
	// Fixed-positioned by CSSOM (not subject to the page's CSP); hidden until measured and placed.
	const cardStyle =
		spot === undefined
			? {visibility: 'hidden', left: '0px', top: '0px'}
			: {left: `${spot.left}px`, top: `${spot.top}px`};
	return (
		<div class={`badge ${view.tone}`} data-state={badge.state} data-tone={view.tone} ref={root} lang={uiLanguage()}>
			<button
				type="button"
				class="pill"
				ref={pill}
				aria-expanded={open}
				aria-controls="tickler-card"
				title={subjectNote()}
				// R52: only the rep's own click opens the card, never a page script's `click()`.
				onClick={event => {
					if (isRepAction(event)) setOpen(value => !value);
				}}
			>
				<span class="dot" aria-hidden="true" />
				<span class="brand">{t('appName')}</span>
				<span class="label">{view.label}</span>
			</button>
			<section
				id="tickler-card"
				class="card"
				ref={card}
				role="status"
				hidden={!open}
				aria-label={t('badgeCardLabel')}
				data-clear={spot === undefined ? undefined : String(spot.clear)}
				style={cardStyle}
			>
				{view.title === undefined ? null : <p class="title">{view.title}</p>}
				<p class="detail">{view.detail}</p>
				{view.hint === undefined ? null : <p class="hint">{view.hint}</p>}
				{onAdd !== undefined && badge.state === 'not-linked' && badge.reason === 'created-before-sync' ? (
					<AddToTickler onAdd={onAdd} />
				) : null}
				<p class="note">{subjectNote()}</p>
			</section>
		</div>
	);
}
