/** The command center (R22). This shell is filled in by the popup issue; it must already load without errors. */
export function App() {
	return (
		<main aria-labelledby="title">
			<h1 id="title">Tickler</h1>
			<p>Nothing due today</p>
		</main>
	);
}
