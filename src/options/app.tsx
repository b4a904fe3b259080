/** The settings page (R3, R23). This shell is filled in by the settings issue. */
export function App() {
	return (
		<main aria-labelledby="title">
			<h1 id="title">Tickler settings</h1>
			<p>Sync with Salesforce is off.</p>
		</main>
	);
}
