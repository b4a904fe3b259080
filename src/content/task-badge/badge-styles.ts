/**
 * The badge's whole stylesheet, applied inside its shadow root so nothing leaks into or out of the
 * Salesforce page (R24). Colours and type follow the Lightning Design System tokens
 * (brand #0176d3, success #2e844a, warning #dd7a01, error #ba0517, text #181818 / #444, borders #c9c9c9,
 * font size 0.75rem/0.8125rem, the Salesforce Sans stack). `:host` resets every inherited property. Red is
 * for what the rep must fix (`error`); a resolved conflict is `info` (brand blue). The card is fixed and
 * placed by card-place.ts clear of the page's fields and buttons. "Add to Tickler" (R5) is the brand button,
 * white on #0b5cab (6:1), 32px tall.
 *
 * R49: the "Tickler" word is the Design System's accessible brand #0b5cab, not #0176d3 (4.17:1 on the pill's
 * #f3f3f3 hover, 12px; #0b5cab is 6:1 there); the pill is 26px tall (≥ 24px, WCAG 2.5.8). It stays light
 * whatever the system theme: it sits on the Salesforce page and follows that page, not the system.
 */
export const BADGE_CSS = `
:host { all: initial; }
.badge { font-family: 'Salesforce Sans', -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
	font-size: 0.8125rem; line-height: 1.5; color: #181818; display: flex; flex-direction: column; align-items: flex-end; }
.pill { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 0.375rem; cursor: pointer;
	padding: 0.125rem 0.625rem 0.125rem 0.5rem; border-radius: 15rem; border: 1px solid #c9c9c9; background: #fff;
	font: inherit; font-size: 0.75rem; font-weight: 400; line-height: 1.25rem; color: #181818;
	box-shadow: 0 2px 2px 0 rgba(0, 0, 0, 0.1); white-space: nowrap; }
.pill:hover { background: #f3f3f3; }
.pill:focus-visible { outline: none; box-shadow: 0 0 3px #0176d3; border-color: #0176d3; }
.brand { font-weight: 700; color: #0b5cab; }
.dot { width: 0.5rem; height: 0.5rem; border-radius: 50%; background: #747474; flex: none; }
.success .dot { background: #2e844a; }
.info .dot { background: #0176d3; }
.warning .dot { background: #dd7a01; }
.error .dot { background: #ba0517; }
.error .label { color: #ba0517; font-weight: 700; }
.card { position: fixed; box-sizing: border-box; margin: 0; width: 18rem; max-width: calc(100vw - 1rem); padding: 0.75rem 1rem; background: #fff;
	border: 1px solid #c9c9c9; border-radius: 0.25rem; box-shadow: 0 2px 3px 0 rgba(0, 0, 0, 0.16); }
.card[hidden] { display: none; }
.card p { margin: 0 0 0.25rem; overflow-wrap: anywhere; }
.title { font-weight: 700; }
.hint { color: #444; }
.add { all: unset; box-sizing: border-box; margin: 0.25rem 0; padding: 0 0.75rem; min-height: 2rem; line-height: 2rem; border-radius: 0.25rem;
	background: #0b5cab; color: #fff; font-weight: 700; cursor: pointer; }
.add:hover { background: #014486; }
.add:focus-visible { outline: 2px solid #0b5cab; outline-offset: 2px; }
.add:disabled { background: #c9c9c9; color: #181818; cursor: default; }
.note { margin-top: 0.5rem !important; padding-top: 0.5rem; border-top: 1px solid #e5e5e5; color: #444; font-size: 0.75rem; }
`;
